import { useState } from 'react';
import { Card, Segmented, Space, Table, Typography } from 'antd';
import { useQuery } from 'urql';
import { FiguresCsvButton, QueryState, useMessages } from '@kpd/web-kit';
import { messages, type MessageKey } from '../messages';
import { FIGURES, type Figures } from './queries';

export function ProblemFiguresCard({ areaId }: { areaId: string | null }) {
  const t = useMessages(messages);
  const [groupBy, setGroupBy] = useState<'DISTRICT' | 'CATEGORY' | 'LEVEL'>('DISTRICT');
  const [{ data, fetching, error }, refetch] = useQuery({
    query: FIGURES,
    variables: { areaId, groupBy },
  });
  const labelOf = (f: Figures) => (groupBy === 'DISTRICT' ? f.label : t((groupBy === 'LEVEL' ? `LEVEL_${f.key}` : f.key) as MessageKey));
  return (
    <Card
      size="small"
      title={t('figures')}
      style={{ marginBottom: 12 }}
      extra={
        <Space>
          <Segmented
            value={groupBy}
            onChange={(v) => setGroupBy(v as typeof groupBy)}
            options={[
              { value: 'DISTRICT', label: t('district') },
              { value: 'CATEGORY', label: t('category') },
              { value: 'LEVEL', label: t('level') },
            ]}
          />
          <FiguresCsvButton query="problemFigures" args={{ areaId, groupBy }} />
        </Space>
      }
    >
      <QueryState fetching={fetching} error={error} data={data} isEmpty={(d) => d.problemFigures.length === 0} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        {(d) => (
          <Table<Figures>
            rowKey="key"
            size="small"
            pagination={false}
            data-testid="problem-figures"
            dataSource={d.problemFigures}
            scroll={{ x: 800 }}
            columns={[
              { title: t('groupBy'), render: (_: unknown, f) => labelOf(f) },
              { title: t('figTotal'), dataIndex: 'total', align: 'right' },
              { title: t('figOpen'), dataIndex: 'open', align: 'right' },
              { title: t('figOverdue'), dataIndex: 'overdue', align: 'right', render: (v: number) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : v) },
              { title: t('figResolved'), dataIndex: 'resolved', align: 'right' },
              { title: t('figOnTime'), dataIndex: 'resolvedOnTime', align: 'right' },
              { title: t('figOnTimeRate'), dataIndex: 'onTimeRate', align: 'right', render: (v: number | null) => (v === null ? '—' : `${v.toFixed(1)}%`) },
              { title: t('figAvgDays'), dataIndex: 'averageDaysToResolve', align: 'right', render: (v: number | null) => (v === null ? '—' : t('days', { n: v.toFixed(1) })) },
              { title: t('figListed'), dataIndex: 'listedForSupervision', align: 'right' },
              { title: t('figClosedOut'), dataIndex: 'closedOut', align: 'right' },
            ]}
          />
        )}
      </QueryState>
    </Card>
  );
}
