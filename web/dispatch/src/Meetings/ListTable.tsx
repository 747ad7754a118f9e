import { Table, Tag } from 'antd';
import { useMessages } from '@kpd/web-kit';
import { messages, type MessageKey } from '../messages';
import type { ListEntry } from './queries';

const REASON_COLORS: Record<string, string> = { KEY_PUSH: 'volcano', NEW: 'blue', CONTINUING_WITH_PROBLEMS: 'orange', MAJOR_GOVERNMENT_INVESTMENT: 'purple', OVERDUE_PROCEDURES: 'red' };

function ReasonTags({ reasons }: { reasons: string[] }) {
  const t = useMessages(messages);
  return (
    <span data-testid="list-reasons">
      {reasons.map((r) => (
        <Tag key={r} color={REASON_COLORS[r]} data-testid={`reason-${r}`}>
          {t(r as MessageKey)}
        </Tag>
      ))}
    </span>
  );
}

export function ListTable({ rows }: { rows: ListEntry[] }) {
  const t = useMessages(messages);
  return (
    <Table<ListEntry>
      rowKey={(r) => r.project.id}
      size="small"
      data-testid="dispatch-list"
      dataSource={rows}
      pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      scroll={{ x: 900 }}
      columns={[
        { title: t('project'), render: (_: unknown, r) => r.project.name, width: 260 },
        { title: t('district'), render: (_: unknown, r) => r.project.district.name, width: 100 },
        { title: t('stage'), render: (_: unknown, r) => t(`STAGE_${r.project.stage}` as MessageKey), width: 90 },
        { title: t('reasons'), render: (_: unknown, r) => <ReasonTags reasons={r.reasons} /> },
      ]}
    />
  );
}
