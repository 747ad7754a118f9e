import { useState } from 'react';
import { Alert, Button, Select, Table, Tabs, Tag, Typography } from 'antd';
import { useQuery } from 'urql';
import { formatDate, LocaleProvider, QueryState, useMessages, type RemoteProps } from '@kpd/web-kit';
import { messages, type MessageKey } from './messages';
import { Ballot } from './Ballot';

interface Session {
  id: string;
  name: string;
  meetingDate: string;
  seats: number;
  rosterSize: number;
  checkedIn: number;
  status: MessageKey;
  city: { name: string };
  candidates: Array<{ id: string }>;
}
interface Proposal {
  id: string;
  title: string;
  category: MessageKey;
  source: MessageKey;
  status: MessageKey;
  reasonLabel: string | null;
  createdAt: string;
  city: { name: string };
}

const SESSIONS = /* GraphQL */ `
  query VoteSessions { voteSessions { id name meetingDate seats rosterSize checkedIn status city { name } candidates { id } } }
`;
const PROPOSALS = /* GraphQL */ `
  query Proposals($filter: ProposalFilterInput, $first: Int, $after: String) {
    livelihoodProposals(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id title category source status reasonLabel createdAt city { name } }
    }
  }
`;

const STATUS_COLORS: Partial<Record<MessageKey, string>> = { VOTING: 'processing', DECIDED: 'green', COUNTED: 'orange', ACCEPTED: 'green', REJECTED: 'default', SUBMITTED: 'blue' };

function Sessions() {
  const t = useMessages(messages);
  const [{ data, fetching, error }, refetch] = useQuery<{ voteSessions: Session[] }>({ query: SESSIONS });
  return (
    <QueryState fetching={fetching} error={error} data={data} isEmpty={(d) => d.voteSessions.length === 0} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
      {(d) => (
        <Table<Session>
          rowKey="id"
          size="small"
          data-testid="session-table"
          dataSource={d.voteSessions}
          pagination={false}
          scroll={{ x: 800 }}
          columns={[
            { title: t('name'), dataIndex: 'name' },
            { title: t('city'), render: (_: unknown, r) => r.city.name, width: 90 },
            { title: t('meetingDate'), dataIndex: 'meetingDate', width: 110 },
            { title: t('seats'), dataIndex: 'seats', align: 'right', width: 90 },
            { title: t('candidates'), render: (_: unknown, r) => r.candidates.length, align: 'right', width: 90 },
            { title: t('checkedIn'), render: (_: unknown, r) => `${r.checkedIn} / ${r.rosterSize}`, align: 'right', width: 100 },
            { title: t('status'), dataIndex: 'status', render: (v: MessageKey) => <Tag color={STATUS_COLORS[v]}>{t(v)}</Tag>, width: 110 },
          ]}
        />
      )}
    </QueryState>
  );
}

function Proposals() {
  const t = useMessages(messages);
  const [status, setStatus] = useState<string | undefined>();
  const [pages, setPages] = useState<Array<string | null>>([null]);
  return (
    <>
      <Select
        allowClear
        style={{ minWidth: 140, marginBottom: 12 }}
        placeholder={t('anyStatus')}
        value={status}
        onChange={(v) => {
          setStatus(v);
          setPages([null]);
        }}
        options={(['SUBMITTED', 'ACCEPTED', 'REJECTED'] as const).map((v) => ({ value: v, label: t(v) }))}
      />
      {pages.map((after, i) => (
        <ProposalPage key={`${status}:${after}`} status={status} after={after} first={i === 0} last={i === pages.length - 1} onMore={(c) => setPages((p) => [...p, c])} />
      ))}
    </>
  );
}

function ProposalPage({ status, after, first, last, onMore }: { status?: string; after: string | null; first: boolean; last: boolean; onMore: (c: string) => void }) {
  const t = useMessages(messages);
  const [{ data, fetching, error }, refetch] = useQuery<{ livelihoodProposals: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Proposal[] } }>({
    query: PROPOSALS,
    variables: { filter: { status: status ?? null }, first: 20, after },
  });
  return (
    <QueryState fetching={fetching} error={error} data={data} isEmpty={(d) => first && d.livelihoodProposals.nodes.length === 0} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
      {(d) => (
        <>
          <Table<Proposal>
            rowKey="id"
            size="small"
            data-testid="proposal-table"
            dataSource={d.livelihoodProposals.nodes}
            pagination={false}
            showHeader={first}
            title={first ? () => t('total', { n: d.livelihoodProposals.totalCount }) : undefined}
            scroll={{ x: 800 }}
            columns={[
              { title: t('proposalTitle'), dataIndex: 'title' },
              { title: t('category'), dataIndex: 'category', render: (v: MessageKey) => t(v), width: 120 },
              { title: t('source'), dataIndex: 'source', render: (v: MessageKey) => t(v), width: 90 },
              { title: t('status'), dataIndex: 'status', render: (v: MessageKey) => <Tag color={STATUS_COLORS[v]}>{t(v)}</Tag>, width: 100 },
              { title: t('reason'), dataIndex: 'reasonLabel', render: (v: string | null) => v ?? '—', width: 160 },
              { title: t('received'), dataIndex: 'createdAt', render: (v: string) => formatDate(v), width: 110 },
            ]}
          />
          {last && d.livelihoodProposals.pageInfo.hasNextPage && d.livelihoodProposals.pageInfo.endCursor && (
            <div style={{ textAlign: 'center', margin: 12 }}>
              <Button onClick={() => onMore(d.livelihoodProposals.pageInfo.endCursor!)}>{t('loadMore')}</Button>
            </div>
          )}
        </>
      )}
    </QueryState>
  );
}

function Livelihood() {
  const t = useMessages(messages);
  return (
    <>
      <Typography.Title level={3}>{t('title')}</Typography.Title>
      <Tabs
        items={[
          { key: 'sessions', label: t('sessions'), children: <Sessions /> },
          { key: 'ballot', label: t('ballot'), children: <Ballot /> },
          { key: 'proposals', label: t('proposals'), children: <Proposals /> },
        ]}
      />
      <Alert type="info" showIcon title={t('pending')} style={{ marginTop: 16 }} />
    </>
  );
}

/** Livelihood projects and delegate votes, as the shell mounts it at /livelihood. */
export default function App(props: RemoteProps) {
  return (
    <LocaleProvider locale={props.locale}>
      <Livelihood />
    </LocaleProvider>
  );
}
