import { Alert, Table, Tag, Typography } from 'antd';
import { useQuery } from 'urql';
import { LocaleProvider, PendingApi, QueryState, useMessages, type Messages, type RemoteProps } from '@kpd/web-kit';

const messages: Messages<'title' | 'accounts' | 'name' | 'username' | 'area' | 'status' | 'active' | 'inactive' | 'pending' | 'total'> = {
  zh: {
    title: '民生实事',
    accounts: '人大代表名册（账号）',
    name: '姓名',
    username: '用户名',
    area: '所属区划',
    status: '状态',
    active: '启用',
    inactive: '停用',
    pending: '项目征集、票决会议、投票、结果和实施跟踪需要民生实事接口（livelihood），上线后显示在此。',
    total: '共 {n} 人',
  },
  en: {
    title: 'Livelihood projects',
    accounts: 'Delegate roster (accounts)',
    name: 'Name',
    username: 'Username',
    area: 'Area',
    status: 'Status',
    active: 'Active',
    inactive: 'Disabled',
    pending: 'Proposals, vote sessions, ballots, results and implementation need the livelihood API; they appear here once it is available.',
    total: '{n} in all',
  },
};

const DELEGATE_ACCOUNTS = /* GraphQL */ `
  query DelegateAccounts {
    users(role: DELEGATE, first: 100) { totalCount nodes { id username displayName active area { id name } } }
  }
`;

interface Row {
  id: string;
  username: string;
  displayName: string;
  active: boolean;
  area: { id: string; name: string };
}

function Livelihood({ viewer }: RemoteProps) {
  const t = useMessages(messages);
  const admin = viewer.role === 'ADMIN';
  const [{ data, fetching, error }, refetch] = useQuery<{ users: { totalCount: number; nodes: Row[] } }>({ query: DELEGATE_ACCOUNTS, pause: !admin });
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
              data-testid="delegate-table"
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
        <PendingApi api="livelihood" />
      )}
    </>
  );
}

/** Livelihood projects and delegate votes, as the shell mounts it at /livelihood. */
export default function App(props: RemoteProps) {
  return (
    <LocaleProvider locale={props.locale}>
      <Livelihood {...props} />
    </LocaleProvider>
  );
}
