import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart, TreeChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, PieChart, TreeChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

/**
 * An ECharts chart (bar, line, pie, tree) that follows its container's width. Imported from
 * `@kpd/web-kit/chart`, apart from the kit's index, so only the apps that draw charts bundle ECharts.
 */
export function Chart({ option, height = 280, testId, onClick }: { option: ChartOption; height?: number; testId?: string; onClick?: (data: unknown) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const click = useRef(onClick);
  click.current = onClick;
  useEffect(() => {
    const el = ref.current!;
    const chart = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.setOption(option);
    // A click on a mark (a bar, a tree node) hands its data item to the page.
    chart.on('click', (params) => click.current?.((params as { data?: unknown }).data));
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [option]);
  return <div ref={ref} style={{ width: '100%', height }} data-testid={testId} />;
}
