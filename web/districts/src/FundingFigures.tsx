import { useMemo } from 'react';
import { Card, Typography } from 'antd';
import { useQuery } from 'urql';
import { formatMoneyIn, moneyToWanNumber, QueryState, useMessages, type Messages } from '@kpd/web-kit';
import { Chart, type ChartOption } from '@kpd/web-kit/chart';
import { graphql } from './gql';

const STATS = graphql(`
  query FundingBySource($areaId: ID, $year: Int!) {
    fundingStats(areaId: $areaId, year: $year) {
      planned received actual actualUnsplit
      rows { source { id name specialBond } projects planned received bondIssued bondSpent actual }
    }
  }
`);

type Key = 'title' | 'planned' | 'received' | 'summary' | 'bond' | 'wan' | 'actual' | 'actualSummary';
const messages: Messages<Key> = {
  zh: {
    title: '{year}年投资按资金来源',
    planned: '计划（万元）',
    received: '到位（万元）',
    summary: '计划 {planned} 亿元，到位 {received} 亿元',
    bond: '专项债：发行 {issued} 亿元，支出 {spent} 亿元',
    wan: '万元',
    actual: '完成（按月报拆分，万元）',
    actualSummary: '实际完成 {actual} 亿元，其中未按资金来源拆分 {unsplit} 亿元',
  },
  en: {
    title: 'Investment {year} by funding source',
    planned: 'Planned (万元)',
    received: 'Received (万元)',
    summary: 'Planned {planned} 亿元, received {received} 亿元',
    bond: 'Special bonds: issued {issued} 亿元, spent {spent} 亿元',
    wan: '万元',
    actual: 'Done (split in the monthly reports, 万元)',
    actualSummary: 'Actual {actual} 亿元, of which not split by source {unsplit} 亿元',
  },
};

/** An area's investment of a year by funding source (资金来源), as the database sums it. */
export function FundingFigures({ areaId, year }: { areaId: string; year: number }) {
  const t = useMessages(messages);
  const [{ data, fetching, error }, refetch] = useQuery({ query: STATS, variables: { areaId, year } });
  const option = useMemo<ChartOption | null>(() => {
    if (!data) return null;
    const rows = data.fundingStats.rows;
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0 },
      grid: { left: 60, right: 16, bottom: 40, top: 16 },
      xAxis: { type: 'category', data: rows.map((r) => r.source.name), axisLabel: { interval: 0 } },
      yAxis: { type: 'value', name: t('wan') },
      series: [
        { type: 'bar', name: t('planned'), itemStyle: { color: '#91caff' }, data: rows.map((r) => moneyToWanNumber(r.planned)) },
        { type: 'bar', name: t('received'), itemStyle: { color: '#1677ff' }, data: rows.map((r) => moneyToWanNumber(r.received)) },
        { type: 'bar', name: t('actual'), itemStyle: { color: '#52c41a' }, data: rows.map((r) => moneyToWanNumber(r.actual)) },
      ],
    };
  }, [data, t]);
  return (
    <Card title={t('title', { year })} data-testid="funding-figures">
      <QueryState fetching={fetching} error={error} data={data} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        {({ fundingStats: f }) => {
          const bond = f.rows.find((r) => r.source.specialBond && r.planned !== null);
          return (
            <>
              <Typography.Paragraph data-testid="funding-figures-summary">
                {t('summary', { planned: formatMoneyIn(f.planned, 'yi'), received: formatMoneyIn(f.received, 'yi') })}
                {bond && ` · ${t('bond', { issued: formatMoneyIn(bond.bondIssued, 'yi'), spent: formatMoneyIn(bond.bondSpent, 'yi') })}`}
                {` · ${t('actualSummary', { actual: formatMoneyIn(f.actual, 'yi'), unsplit: formatMoneyIn(f.actualUnsplit, 'yi') })}`}
              </Typography.Paragraph>
              {option && <Chart option={option} height={300} testId="funding-by-source" />}
            </>
          );
        }}
      </QueryState>
    </Card>
  );
}
