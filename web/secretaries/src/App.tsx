import { Alert, Table, Tag, Typography } from 'antd';
import { useQuery } from 'urql';
import { LocaleProvider, PendingApi, QueryState, useMessages, type Messages, type RemoteProps } from '@kpd/web-kit';

const messages: Messages<'title' | 'accounts' | 'name' | 'username' | 'area' | 'status' | 'active' | 'inactive' | 'pending' | 'total'> = {
  zh: {
    title: '服务秘书',
    accounts: '服务秘书账号',
    name: '姓名',
    username: '用户名',
    area: '所属区划',
    status: '状态',
    active: '启用',
    inactive: '停用',
    pending: '工作量、包保项目、服务日志和评估需要服务秘书接口（secretaries），上线后显示在此。',
    total: '共 {n} 人',
  },
  en: {
    title: 'Service secretaries',
    accounts: 'Secretary accounts',
    name: 'Name',
    username: 'Username',
    area: 'Area',
    status: 'Status',
    active: 'Active',
    inactive: 'Disabled',
    pending: 'Workload, assigned projects, service log and evaluations need the secretaries API; they appear here once it is available.',
    total: '{n} in all',
  },
};

const SECRETARY_ACCOUNTS = /* GraphQL */ `
  query SecretaryAccounts {
    users(role: SECRETARY, first: 100) { totalCount nodes { id username displayName active area { id name } } }
  }
`;

interface Row {
  id: string;
  username: string;
  displayName: string;
  active: boolean;
  area: { id: string; name: string };
}

function Secretaries({ viewer }: RemoteProps) {
  const t = useMessages(messages);
  const admin = viewer.role === 'ADMIN';
  const [{ data, fetching, error }, refetch] = useQuery<{ users: { totalCount: number; nodes: Row[] } }>({ query: SECRETARY_ACCOUNTS, pause: !admin });
  return (
    <>
      <Typography.Title level={3}>{t('title')}</Typography.Title>
      <Alert type="info" showIcon title={t('pending')} style={{ marginBottom: 16 }} />
      {admin ? (
        <QueryState fetching={fetching} error={error} data={data} isEmpty={(d) => d.users.nodes.length === 0} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
          {(d) => (
            <Table<Row>
              rowKey="id"
              size="small"
              title={() => t('accounts')}
              data-testid="secretary-table"
              dataSource={d.users.nodes}
              pagination={{ pageSize: 20, showTotal: () => t('total', { n: d.users.totalCount }) }}
              columns={[
                { title: t('name'), dataIndex: 'displayName' },
                { title: t('username'), dataIndex: 'username' },
                { title: t('area'), render: (_: unknown, r) => r.area.name },
                { title: t('status'), dataIndex: 'active', render: (v: boolean) => (v ? <Tag color="green">{t('active')}</Tag> : <Tag>{t('inactive')}</Tag>) },
              ]}
            />
          )}
        </QueryState>
      ) : (
        <PendingApi api="secretaries" />
      )}
    </>
  );
}

/** Service secretaries, as the shell mounts it at /secretaries. */
export default function App(props: RemoteProps) {
  return (
    <LocaleProvider locale={props.locale}>
      <Secretaries {...props} />
    </LocaleProvider>
  );
}
