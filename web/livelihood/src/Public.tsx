import { useState } from 'react';
import { Card, Select, Space, Tabs, Tag, Typography } from 'antd';
import { useQuery } from 'urql';
import { LocaleProvider, QueryState, useMessages, type PublicProps } from '@kpd/web-kit';
import { messages, publicMessages, type MessageKey } from './messages';
import { Results } from './Results';
import { Board } from './Board';
import { STATUS_COLORS } from './shared';

interface PublicSession {
  id: string;
  name: string;
  meetingDate: string;
  seats: number;
  rosterSize: number;
  status: MessageKey;
  city: { id: string; name: string };
}

const SESSIONS = /* GraphQL */ `
  query PublicVoteSessions { voteSessions { id name meetingDate seats rosterSize status city { id name } } }
`;

/** The session a public address names ("/12"), if any. */
function sessionOf(path: string): string | undefined {
  return path.split('/').filter(Boolean)[0];
}

/**
 * Published results of the delegates' votes, for anyone without signing in (/public/votes): per session
 * the adopted projects, the counts, the ballot list with a receipt search, the fingerprint and chain
 * head; and the implementation board of the session's city and year.
 */
function PublicVotes({ path, navigate }: PublicProps) {
  const t = useMessages(publicMessages);
  const m = useMessages(messages);
  const [{ data, fetching, error }, refetch] = useQuery<{ voteSessions: PublicSession[] }>({ query: SESSIONS, requestPolicy: 'cache-and-network' });
  const [tab, setTab] = useState('results');
  const sessions = data?.voteSessions ?? [];
  const chosen = sessions.find((s) => s.id === sessionOf(path)) ?? sessions.find((s) => s.status === 'DECIDED' || s.status === 'COUNTED') ?? sessions[0];
  return (
    <div style={{ maxWidth: 1100, margin: '0 auto' }} data-testid="public-votes">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <QueryState fetching={fetching} error={error} data={data} isEmpty={(d) => d.voteSessions.length === 0} empty={t('none')} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        {() => (
          <>
            <Card size="small" style={{ marginBottom: 16 }}>
              <Space wrap>
                <Select
                  style={{ minWidth: 320 }}
                  value={chosen.id}
                  onChange={(id) => navigate(`/${id}`)}
                  options={sessions.map((s) => ({ value: s.id, label: `${s.city.name} · ${s.name}` }))}
                  data-testid="public-session"
                />
                <Tag color={STATUS_COLORS[chosen.status]}>{m(chosen.status)}</Tag>
                <span>{t('facts', { date: chosen.meetingDate, seats: chosen.seats, roster: chosen.rosterSize })}</span>
              </Space>
            </Card>
            <Tabs
              activeKey={tab}
              onChange={setTab}
              items={[
                { key: 'results', label: t('results'), children: <Results key={chosen.id} sessionId={chosen.id} /> },
                {
                  key: 'board',
                  label: t('board'),
                  children: <Board key={chosen.id} cityId={chosen.city.id} cityName={chosen.city.name} year={Number(chosen.meetingDate.slice(0, 4))} admin={false} />,
                },
              ]}
            />
          </>
        )}
      </QueryState>
    </div>
  );
}

/** The public page the shell renders at /public/votes without sign-in. */
export default function Public(props: PublicProps) {
  return (
    <LocaleProvider locale={props.locale}>
      <PublicVotes {...props} />
    </LocaleProvider>
  );
}
