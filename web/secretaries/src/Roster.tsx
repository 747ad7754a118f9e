import { useMemo, useState } from 'react';
import { Card, Input, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from 'urql';
import { QueryState, useMessages, type RemoteProps } from '@kpd/web-kit';
import { ACCOUNTS, CONTACTS, ROSTER, type RosterRow } from './api';
import type { SecretaryAccountsQuery } from './gql/graphql';
import { CursorPager, useCursorPages } from './Cursor';
import { DistrictFilter } from './DistrictFilter';
import { NewSecretaryButton } from './Manage';
import { messages } from './messages';

const PAGE = 20;
const dash = '—';

/** 秘书名册: the secretaries in reach with their workload and latest score; contact details for admins in scope. */
export function Roster({ viewer, navigate }: RemoteProps) {
  const t = useMessages(messages);
  const admin = viewer.role === 'ADMIN';
  const [districtId, setDistrictId] = useState<string | undefined>();
  const [search, setSearch] = useState('');
  const pages = useCursorPages();
  const filter = useMemo(
    () => ({ areaId: districtId ?? null, search: search.trim() || null }),
    [districtId, search],
  );
  const variables = { filter, first: PAGE, after: pages.after };
  const [roster, refetch] = useQuery({ query: ROSTER, variables });
  // Only admins may read contact details: anyone else would get FORBIDDEN on the field, so it is not asked.
  const [contacts] = useQuery({
    query: CONTACTS,
    variables,
    pause: !admin,
  });
  const contactOf = new Map(
    (contacts.data?.secretaries.nodes ?? []).filter((n) => n !== null).map((n) => [n!.id, n!.contact]),
  );
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      pages.reset();
    };

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <DistrictFilter value={districtId} onChange={reset(setDistrictId)} testId="roster-district" />
        <Input.Search
          allowClear
          placeholder={t('search')}
          style={{ width: 240 }}
          onSearch={reset(setSearch)}
          data-testid="roster-search"
        />
        {admin && <NewSecretaryButton onCreated={(id) => navigate(`/${id}`)} />}
      </Space>
      <QueryState
        fetching={roster.fetching}
        error={roster.error}
        data={roster.data}
        isEmpty={(d) => d.secretaries.nodes.length === 0}
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
      >
        {(d) => (
          <>
            <Table<RosterRow>
              rowKey="id"
              size="small"
              data-testid="secretary-roster"
              dataSource={d.secretaries.nodes}
              pagination={false}
              scroll={{ x: 1300 }}
              title={() => (
                <span data-testid="roster-total">{t('rosterTotal', { n: d.secretaries.totalCount })}</span>
              )}
              columns={[
                {
                  title: t('name'),
                  dataIndex: 'name',
                  width: 110,
                  fixed: 'left',
                  render: (v: string, r) => (
                    <Typography.Link onClick={() => navigate(`/${r.id}`)} data-testid="secretary-link">
                      {v}
                    </Typography.Link>
                  ),
                },
                { title: t('district'), render: (_: unknown, r) => r.district.name, width: 110 },
                { title: t('workUnit'), dataIndex: 'workUnit', width: 200 },
                { title: t('titleCol'), dataIndex: 'title', width: 150 },
                {
                  title: t('contact'),
                  width: 150,
                  render: (_: unknown, r) => <span data-testid="contact">{contactOf.get(r.id) || dash}</span>,
                },
                {
                  title: t('projects'),
                  align: 'right',
                  width: 90,
                  render: (_: unknown, r) => r.workload.projects,
                },
                {
                  title: t('log30'),
                  align: 'right',
                  width: 100,
                  render: (_: unknown, r) => r.workload.logEntriesLast30Days,
                },
                {
                  title: t('quiet'),
                  align: 'right',
                  width: 100,
                  render: (_: unknown, r) =>
                    r.workload.quietProjects ? <Tag color="orange">{r.workload.quietProjects}</Tag> : 0,
                },
                {
                  title: t('openProblems'),
                  align: 'right',
                  width: 100,
                  render: (_: unknown, r) => r.workload.openProblems,
                },
                {
                  title: t('overdueProblems'),
                  align: 'right',
                  width: 90,
                  render: (_: unknown, r) =>
                    r.workload.overdueProblems ? <Tag color="red">{r.workload.overdueProblems}</Tag> : 0,
                },
                {
                  title: t('avgDays'),
                  align: 'right',
                  width: 120,
                  render: (_: unknown, r) =>
                    r.workload.averageDaysToResolve === null
                      ? dash
                      : r.workload.averageDaysToResolve.toFixed(1),
                },
                {
                  title: t('latestScore'),
                  align: 'right',
                  width: 100,
                  render: (_: unknown, r) => {
                    const last = r.latestEvaluation;
                    return last ? `${last.score}（${last.period}）` : dash;
                  },
                },
              ]}
            />
            <CursorPager pages={pages} pageInfo={d.secretaries.pageInfo} testId="roster-pager" />
          </>
        )}
      </QueryState>
      {admin && <Accounts />}
    </>
  );
}

type Account = SecretaryAccountsQuery['users']['nodes'][number];

/** The SECRETARY sign-in accounts of the admin's scope: who can sign in to report and log. */
function Accounts() {
  const t = useMessages(messages);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ACCOUNTS,
  });
  return (
    <Card size="small" title={t('accounts')} style={{ marginTop: 24 }}>
      <QueryState
        fetching={fetching}
        error={error}
        data={data}
        isEmpty={(d) => d.users.nodes.length === 0}
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
      >
        {(d) => (
          <Table<Account>
            rowKey="id"
            size="small"
            data-testid="secretary-table"
            dataSource={d.users.nodes}
            pagination={{ pageSize: 20, showTotal: () => t('accountsTotal', { n: d.users.totalCount }) }}
            columns={[
              { title: t('name'), dataIndex: 'displayName' },
              { title: t('username'), dataIndex: 'username' },
              { title: t('area'), render: (_: unknown, r) => r.area.name },
              {
                title: t('status'),
                dataIndex: 'active',
                render: (v: boolean) =>
                  v ? <Tag color="green">{t('active')}</Tag> : <Tag>{t('inactive')}</Tag>,
              },
            ]}
          />
        )}
      </QueryState>
    </Card>
  );
}
