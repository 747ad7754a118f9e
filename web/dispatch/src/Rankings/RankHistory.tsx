import { useMemo } from 'react';
import { useQuery } from 'urql';
import { formatPeriod, QueryState, useLocale, useMessages } from '@kpd/web-kit';
import { Chart, type ChartOption } from '@kpd/web-kit/chart';
import { messages } from '../messages';
import { HISTORY } from './queries';

export function RankHistory({ districtId, name }: { districtId: string; name: string }) {
  const t = useMessages(messages);
  const locale = useLocale();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: HISTORY,
    variables: { districtId },
    requestPolicy: 'cache-and-network',
  });
  const option = useMemo<ChartOption | null>(() => {
    const h = data?.rankHistory;
    if (!h?.length) return null;
    const most = Math.max(...h.map((e) => e.ranked), 1);
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 24, top: 32, bottom: 32 },
      xAxis: { type: 'category', data: h.map((e) => formatPeriod(e.period, locale)) },
      yAxis: { type: 'value', name: t('rankAxis'), inverse: true, min: 1, max: most, minInterval: 1 },
      series: [{ name, type: 'line', data: h.map((e) => e.rank), connectNulls: false, label: { show: true } }],
    };
  }, [data, locale, name, t]);
  return (
    <QueryState fetching={fetching} error={error} data={data} isEmpty={(d) => d.rankHistory.length === 0} empty={t('historyEmpty')} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
      {() => (option ? <Chart option={option} testId="rank-history-chart" /> : null)}
    </QueryState>
  );
}
