import { Table, Typography } from 'antd';
import { useQuery } from 'urql';
import { formatDateTime, QueryState, useMessages } from '@kpd/web-kit';
import { graphql } from './gql';
import type { AuditLogQuery } from './gql/graphql';
import { messages } from './messages';

const AUDIT = graphql(`
  query AuditLog($first: Int) {
    auditLog(first: $first) {
      totalCount
      nodes { id at action actorUsername entityType entityId }
    }
  }
`);

type AuditRow = AuditLogQuery['auditLog']['nodes'][number];

/** The changes made in the viewer's scope, newest first. */
export function AuditLog() {
  const t = useMessages(messages);
  const [{ data, fetching, error }, refetch] = useQuery({ query: AUDIT, variables: { first: 100 } });
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
