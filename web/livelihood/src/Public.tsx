import { useState } from 'react';
import { Card, Select, Space, Tabs, Tag, Typography } from 'antd';
import { useQuery } from 'urql';
import { graphql } from './gql';
import { LocaleProvider, QueryState, useMessages, type PublicProps } from '@kpd/web-kit';
import { levelMessages, LEVELS, messages, publicMessages, trackMessages, type Level } from './messages';
import { Track } from './Track';
import { Propose, proposeMessages } from './Propose';
import { Support } from './Support';
import { supportMessages } from './messages';
import { Results } from './Results';
import { Board } from './Board';
import { STATUS_COLORS } from './shared';


const SESSIONS = graphql(`
  query PublicVoteSessions { voteSessions { id name meetingDate seats rosterSize status level area { id name } city { id name } } }
`);

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
  const [{ data, fetching, error }, refetch] = useQuery({ query: SESSIONS, requestPolicy: 'cache-and-network' });
  const l = useMessages(levelMessages);
  const [tab, setTab] = useState('results');
  const [level, setLevel] = useState<Level | 'ALL'>('ALL');
  const [cityId, setCityId] = useState<string>('ALL');
  const every = data?.voteSessions ?? [];
  const cities = [...new Map(every.map((s) => [s.city.id, s.city])).values()];
  const sessions = every.filter((s) => (level === 'ALL' || s.level === level) && (cityId === 'ALL' || s.city.id === cityId));
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
            <Space wrap style={{ marginBottom: 12 }}>
              <Select<string> style={{ minWidth: 140 }} data-testid="public-city" value={cityId} onChange={setCityId} options={[{ value: 'ALL', label: l('allCities') }, ...cities.map((c) => ({ value: c.id, label: c.name }))]} />
              <Select<Level | 'ALL'> style={{ minWidth: 150 }} data-testid="public-level" value={level} onChange={setLevel} options={[{ value: 'ALL', label: l('allLevels') }, ...LEVELS.map((v) => ({ value: v, label: l(v) }))]} />
            </Space>
            {!chosen && <Typography.Paragraph type="secondary">{t('none')}</Typography.Paragraph>}
            {chosen && (
              <>
                <Card size="small" style={{ marginBottom: 16 }}>
                  <Space wrap>
                    <Select
                      style={{ minWidth: 320 }}
                      value={chosen.id}
                      onChange={(id) => navigate(`/${id}`)}
                      options={sessions.map((s) => ({ value: s.id, label: `${s.area.name}（${l(s.level)}）· ${s.name}` }))}
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
                      children: <Board key={chosen.id} cityId={chosen.area.id} cityName={chosen.area.name} year={Number(chosen.meetingDate.slice(0, 4))} admin={false} />,
                    },
                  ]}
                />
              </>
            )}
          </>
        )}
      </QueryState>
    </div>
  );
}

/** The page under /public/votes: the vote results, a new proposal (/propose), or the tracking of one (/track/MS…). */
function PublicPage(props: PublicProps) {
  const t = useMessages(publicMessages);
  const tr = useMessages(trackMessages);
  const parts = props.path.split('/').filter(Boolean);
  const sp = useMessages(supportMessages);
  const tracking = parts[0] === 'track';
  const supporting = parts[0] === 'support';
  const pr = useMessages(proposeMessages);
  const proposing = parts[0] === 'propose';
  return (
    <Tabs
      activeKey={tracking ? 'track' : supporting ? 'support' : proposing ? 'propose' : 'votes'}
      onChange={(k) => props.navigate(k === 'votes' ? '/' : `/${k}`)}
      items={[
        { key: 'votes', label: <span data-testid="public-tab-votes">{t('results')}</span>, children: tracking || supporting || proposing ? null : <PublicVotes {...props} /> },
        { key: 'propose', label: <span data-testid="public-tab-propose">{pr('tab')}</span>, children: proposing ? <Propose signedIn={false} onTrack={(code) => props.navigate(`/track/${code}`)} /> : null },
        { key: 'support', label: <span data-testid="public-tab-support">{sp('tab')}</span>, children: supporting ? <Support /> : null },
        {
          key: 'track',
          label: <span data-testid="public-tab-track">{tr('title')}</span>,
          children: tracking ? (
            <div style={{ maxWidth: 1100, margin: '0 auto' }}>
              <Track code={parts[1]} onSearch={(code) => props.navigate(`/track/${code}`)} />
            </div>
          ) : null,
        },
      ]}
    />
  );
}

/** The public page the shell renders at /public/votes without sign-in. */
export default function Public(props: PublicProps) {
  return (
    <LocaleProvider locale={props.locale}>
      <PublicPage {...props} />
    </LocaleProvider>
  );
}
