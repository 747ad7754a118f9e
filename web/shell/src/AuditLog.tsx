import { Table, Typography } from 'antd';
import { useQuery } from 'urql';
import { formatDateTime, QueryState, useMessages } from '@kpd/web-kit';
import { messages } from './messages';

const AUDIT = /* GraphQL */ `
  query AuditLog($first: Int) {
    auditLog(first: $first) {
      totalCount
      nodes { id at action actorUsername entityType entityId }
    }
  }
`;

interface AuditRow {
  id: string;
  at: string;
  action: string;
  actorUsername: string | null;
  entityType: string;
  entityId: string | null;
}

/** The changes made in the viewer's scope, newest first. */
export function AuditLog() {
  const t = useMessages(messages);
  const [{ data, fetching, error }, refetch] = useQuery<{ auditLog: { totalCount: number; nodes: AuditRow[] } }>({ query: AUDIT, variables: { first: 100 } });
  return (
    <>
      <Typography.Title level={3}>{t('audit')}</Typography.Title>
      <QueryState fetching={fetching} error={error} data={data} isEmpty={(d) => d.auditLog.nodes.length === 0} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        {(d) => (
          <Table<AuditRow>
            rowKey="id"
            size="small"
            dataSource={d.auditLog.nodes}
            pagination={{ pageSize: 20, showTotal: () => t('total', { n: d.auditLog.totalCount }) }}
            scroll={{ x: 640 }}
            columns={[
              { title: t('auditAt'), dataIndex: 'at', render: (v: string) => formatDateTime(v), width: 160 },
              { title: t('auditActor'), dataIndex: 'actorUsername' },
              { title: t('auditAction'), dataIndex: 'action' },
              { title: t('auditEntity'), render: (_: unknown, r) => `${r.entityType}${r.entityId ? ' #' + r.entityId : ''}` },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}
