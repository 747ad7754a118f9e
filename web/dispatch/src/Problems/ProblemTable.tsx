import { Table, Tag, Typography } from 'antd';
import { useMessages } from '@kpd/web-kit';
import { messages, type MessageKey } from '../messages';
import type { ProblemRow } from './queries';
import { LevelTag, StatusTag } from './tags';

/** Problems in a table: project, problem, category, owner, deadline, level, state. Also the meeting's decisions. */
export function ProblemTable({ rows, onOpen, showHeader = true, title }: { rows: ProblemRow[]; onOpen?: (id: string) => void; showHeader?: boolean; title?: string }) {
  const t = useMessages(messages);
  return (
    <Table<ProblemRow>
      rowKey="id"
      size="small"
      data-testid="problem-table"
      dataSource={rows}
      pagination={false}
      showHeader={showHeader}
      title={title ? () => <span data-testid="problem-total">{title}</span> : undefined}
      scroll={{ x: 1200 }}
      columns={[
        { title: t('project'), render: (_: unknown, r) => r.project?.name ?? '—', width: 200 },
        {
          title: t('problem'),
          dataIndex: 'title',
          width: 220,
          render: (v: string, r) =>
            onOpen ? (
              <Typography.Link onClick={() => onOpen(r.id)} data-testid="problem-open">
                {v}
              </Typography.Link>
            ) : (
              v
            ),
        },
        { title: t('district'), render: (_: unknown, r) => r.district.name, width: 100 },
        { title: t('category'), dataIndex: 'category', render: (v: string) => t(v as MessageKey), width: 90 },
        { title: t('ownerUnit'), dataIndex: 'ownerUnit', width: 180 },
        {
          title: t('deadline'),
          dataIndex: 'deadline',
          width: 150,
          render: (v: string, r) => (
            <>
              {v}
              <div style={{ color: '#888', fontSize: 12 }}>{t('workingDays', { n: r.workingDays })}</div>
            </>
          ),
        },
        { title: t('level'), render: (_: unknown, r) => <LevelTag level={r.level} cityLeader={r.cityLeader} />, width: 190 },
        {
          title: t('status'),
          width: 170,
          render: (_: unknown, r) => (
            <>
              <StatusTag status={r.status} overdue={r.overdue} />
              {r.escalationDue.length > 0 && <Tag color="magenta">{t('escalationDue')}</Tag>}
            </>
          ),
        },
      ]}
    />
  );
}
