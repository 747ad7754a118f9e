import { useMemo } from 'react';
import { Card } from 'antd';
import { useQuery } from 'urql';
import { LIGHT_HEX, moneyToWanNumber, monthsOfYear, parsePeriod, QueryState, useMessages, yearOf, yearToDate } from '@kpd/web-kit';
import { Chart, type ChartOption } from '@kpd/web-kit/chart';
import type { LightTrendQuery, LightTrendQueryVariables } from '../gql/graphql';
import { messages } from '../messages';
import { LIGHT_TREND, type StatsRow } from './queries';

export function InvestmentTrend({ rows, year }: { rows: StatsRow[]; year: number }) {
  const t = useMessages(messages);
  const option = useMemo<ChartOption>(() => {
    const months = rows.filter((r) => /^\d{2}$/.test(r.key)).sort((a, b) => a.key.localeCompare(b.key));
    return {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 70, right: 16, bottom: 40, top: 24 },
      xAxis: { type: 'category', data: months.map((m) => `${Number(m.key)}月`) },
      yAxis: { type: 'value', name: '万元' },
      series: [
        { type: 'line', name: t('thisYear', { year }), smooth: true, itemStyle: { color: '#b4232a' }, data: months.map((m) => moneyToWanNumber(m.monthActual)) },
        { type: 'line', name: t('thisYear', { year: year - 1 }), smooth: true, lineStyle: { type: 'dashed' }, itemStyle: { color: '#8c8c8c' }, data: months.map((m) => moneyToWanNumber(m.lastYearMonthActual)) },
      ],
    };
  }, [rows, year, t]);
  return <Chart option={option} height={320} testId="investment-trend" />;
}

/** Light counts of every month of the year up to the one shown, one aliased lightBoard per month. */
export function LightTrend({ areaId, period }: { areaId: string; period: string }) {
  const t = useMessages(messages);
  const year = yearOf(period);
  const months = yearToDate(period);
  const variables = Object.fromEntries([
    ['areaId', areaId],
    ...monthsOfYear(year).map((m) => [`p${m.slice(5)}`, m]),
    ...Array.from({ length: 11 }, (_, k) => [`i${String(k + 2).padStart(2, '0')}`, k + 2 <= months.length]),
  ]) as LightTrendQueryVariables;
  const [{ data, fetching, error }, refetch] = useQuery({ query: LIGHT_TREND, variables });
  const option = useMemo<ChartOption | null>(() => {
    if (!data) return null;
    const sums = months.map((m) => (data[`m${m.slice(5)}` as keyof LightTrendQuery]?.districts ?? []).reduce((s, d) => ({ green: s.green + d.green, yellow: s.yellow + d.yellow, red: s.red + d.red }), { green: 0, yellow: 0, red: 0 }));
    return {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 40, right: 16, bottom: 40, top: 24 },
      xAxis: { type: 'category', data: months.map((m) => `${parsePeriod(m).month}月`) },
      yAxis: { type: 'value', minInterval: 1 },
      series: (['GREEN', 'YELLOW', 'RED'] as const).map((c) => ({ type: 'line', name: t(c), itemStyle: { color: LIGHT_HEX[c] }, data: sums.map((s) => s[c.toLowerCase() as 'green' | 'yellow' | 'red']) })),
    };
  }, [data, t]);
  return (
    <Card title={t('trendLights')}>
      <QueryState fetching={fetching} error={error} data={option} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        {(o) => <Chart option={o} height={320} testId="lights-trend" />}
      </QueryState>
    </Card>
  );
}
