import { useState } from 'react';
import { Card, Segmented, Space, Table } from 'antd';
import { useQuery } from 'urql';
import { FiguresCsvButton, formatMoneyCell, moneyTitle, QueryState, thisMonthInChina, useLocale, useMessages, yearOf } from '@kpd/web-kit';
import type { DispatchPlanVsActualQuery } from '../gql/graphql';
import { messages } from '../messages';
import { PLAN_VS_ACTUAL } from './queries';
import { type Rate, RateText } from './rate';

type PlanRow = DispatchPlanVsActualQuery['planVsActual'][number];

/** 月对账、季交账、年底算总账: the year's plan against actual by month, quarter or year, with running totals. */
export function PlanVsActual({ areaId, period }: { areaId: string; period: string }) {
  const t = useMessages(messages);
  const [view, setView] = useState<'MONTH' | 'QUARTER' | 'YEAR'>('MONTH');
  const year = yearOf(period);
  const [{ data, fetching, error }, refetch] = useQuery({ query: PLAN_VS_ACTUAL, variables: { areaId, year, view } });
  const locale = useLocale();
  const percentOf = (r: Rate) => (r.percent === null ? <RateText rate={r} /> : `${r.percent.toFixed(1)}%`);
  // A month (or quarter) that has not begun has no actual yet: a dash, not a zero.
  const future = (r: PlanRow) => r.from > thisMonthInChina();
  return (
    <Card
      size="small"
      title={t('planTitle', { year })}
      style={{ marginBottom: 16 }}
      extra={
        <Space>
          <Segmented
            value={view}
            onChange={(v) => setView(v as typeof view)}
            options={(['MONTH', 'QUARTER', 'YEAR'] as const).map((v) => ({ value: v, label: t(`VIEW_${v}`) }))}
          />
          <FiguresCsvButton query="planVsActual" args={{ areaId, year, view }} />
        </Space>
      }
    >
      <QueryState fetching={fetching} error={error} data={data} isEmpty={(d) => d.planVsActual.length === 0} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        {(d) => (
          <Table<PlanRow>
            rowKey="from"
            size="small"
            pagination={false}
            data-testid="plan-table"
            dataSource={d.planVsActual}
            scroll={{ x: 900 }}
            columns={[
              { title: t('planPeriod'), dataIndex: 'label', width: 120 },
              { title: moneyTitle(t('planned'), 'yi', locale), dataIndex: 'planned', align: 'right', render: (v: string) => formatMoneyCell(v, 'yi') },
              { title: moneyTitle(t('actual'), 'yi', locale), dataIndex: 'actual', align: 'right', render: (v: string, r) => formatMoneyCell(v, 'yi', { future: future(r) }) },
              { title: t('completion'), dataIndex: 'completion', align: 'right', render: (v: Rate, r) => (future(r) ? '—' : percentOf(v)) },
              { title: moneyTitle(t('cumulativePlanned'), 'yi', locale), dataIndex: 'cumulativePlanned', align: 'right', render: (v: string) => formatMoneyCell(v, 'yi') },
              { title: moneyTitle(t('cumulativeActual'), 'yi', locale), dataIndex: 'cumulativeActual', align: 'right', render: (v: string, r) => formatMoneyCell(v, 'yi', { future: future(r) }) },
              { title: t('cumulativeCompletion'), dataIndex: 'cumulativeCompletion', align: 'right', render: (v: Rate, r) => (future(r) ? '—' : percentOf(v)) },
            ]}
          />
        )}
      </QueryState>
    </Card>
  );
}
