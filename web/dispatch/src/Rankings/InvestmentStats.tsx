import type { HTMLAttributes } from 'react';
import { Card, Table } from 'antd';
import { useQuery } from 'urql';
import { FiguresCsvButton, formatMoneyCell, formatPeriod, moneyTitle, QueryState, useLocale, useMessages } from '@kpd/web-kit';
import { messages } from '../messages';
import { STATS, type StatsRow } from './queries';
import { type Rate, RateText } from './rate';

export function InvestmentStats({ areaId, period }: { areaId: string; period: string }) {
  const t = useMessages(messages);
  const locale = useLocale();
  const [{ data, fetching, error }, refetch] = useQuery({ query: STATS, variables: { areaId, period } });
  return (
    <Card
      size="small"
      title={`${t('statsTitle')} · ${formatPeriod(period, locale)}`}
      style={{ marginBottom: 16 }}
      extra={<FiguresCsvButton query="investmentStats" args={{ areaId, period, groupBy: 'DISTRICT' }} />}
    >
      <QueryState fetching={fetching} error={error} data={data} isEmpty={(d) => d.investmentStats.rows.length === 0} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        {(d) => (
          <Table<StatsRow>
            rowKey="key"
            size="small"
            pagination={false}
            data-testid="stats-table"
            onRow={(r) => ({ 'data-testid': `stats-row-${r.label}` }) as HTMLAttributes<HTMLElement>}
            dataSource={[...d.investmentStats.rows, { ...d.investmentStats.total, key: '__total', label: t('areaTotal') }]}
            scroll={{ x: 1100 }}
            columns={[
              { title: t('district'), dataIndex: 'label', width: 110, render: (v: string, r) => (r.key === '__total' ? <strong>{v}</strong> : v) },
              { title: moneyTitle(t('monthActual'), 'yi', locale), dataIndex: 'monthActual', align: 'right', render: (v: string) => <span data-testid="stat-month">{formatMoneyCell(v, 'yi')}</span> },
              { title: moneyTitle(t('lastYearMonth'), 'yi', locale), dataIndex: 'lastYearMonthActual', align: 'right', render: (v: string) => formatMoneyCell(v, 'yi') },
              { title: t('monthGrowth'), dataIndex: 'monthGrowth', align: 'right', render: (v: Rate) => <RateText rate={v} testId="stat-month-growth" /> },
              { title: moneyTitle(t('ytdActual'), 'yi', locale), dataIndex: 'ytdActual', align: 'right', render: (v: string) => <span data-testid="stat-ytd">{formatMoneyCell(v, 'yi')}</span> },
              { title: moneyTitle(t('lastYearYtd'), 'yi', locale), dataIndex: 'lastYearYtdActual', align: 'right', render: (v: string) => formatMoneyCell(v, 'yi') },
              { title: t('ytdGrowth'), dataIndex: 'ytdGrowth', align: 'right', render: (v: Rate) => <RateText rate={v} testId="stat-ytd-growth" /> },
              { title: moneyTitle(t('ytdPlanned'), 'yi', locale), dataIndex: 'ytdPlanned', align: 'right', render: (v: string) => formatMoneyCell(v, 'yi') },
              { title: t('ytdCompletion'), dataIndex: 'ytdCompletion', align: 'right', render: (v: Rate) => (v.percent === null ? <RateText rate={v} /> : `${v.percent.toFixed(1)}%`) },
            ]}
          />
        )}
      </QueryState>
    </Card>
  );
}
