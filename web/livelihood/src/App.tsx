import { Tabs, Typography } from 'antd';
import { LocaleProvider, openInShell, useMessages, type RemoteProps } from '@kpd/web-kit';
import { messages, reserveMessages } from './messages';
import { Ballot } from './Ballot';
import { Sessions } from './Sessions';
import { SessionDetail } from './SessionDetail';
import { Proposals } from './Proposals';
import { Propose, proposeMessages } from './Propose';
import { BoardPage } from './Board';
import { Evaluation } from './Evaluation';
import { Reserve } from './Reserve';
import { Supervision } from './Supervision';
import { supervisionMessages } from './supervision.messages';

const TABS = ['sessions', 'ballot', 'proposals', 'propose', 'reserve', 'board', 'supervision', 'evaluation'] as const;
type Tab = (typeof TABS)[number];

/** The page an address below /livelihood names: a tab, or one session ("/sessions/12"). */
function route(path: string): { tab: Tab; sessionId?: string } {
  const parts = path.split('/').filter(Boolean);
  if (parts[0] === 'sessions' && parts[1]) return { tab: 'sessions', sessionId: parts[1] };
  const tab = TABS.find((k) => k === parts[0]);
  return { tab: tab ?? 'sessions' };
}

function Livelihood(props: RemoteProps) {
  const t = useMessages(messages);
  const r = useMessages(reserveMessages);
  const s = useMessages(supervisionMessages);
  const pr = useMessages(proposeMessages);
  const { tab, sessionId } = route(props.path);
  const admin = props.viewer.role === 'ADMIN';
  const delegate = props.viewer.role === 'DELEGATE';
  const body = (key: Tab) => {
    if (key !== tab) return null;
    switch (key) {
      case 'sessions':
        return sessionId ? <SessionDetail id={sessionId} admin={admin} onBack={() => props.navigate('/')} /> : <Sessions admin={admin} viewer={props.viewer} onOpen={(id) => props.navigate(`/sessions/${id}`)} />;
      case 'ballot':
        return <Ballot />;
      case 'proposals':
        return <Proposals admin={admin} />;
      case 'propose':
        return <Propose signedIn onTrack={(code) => openInShell(`/public/votes/track/${code}`)} />;
      case 'reserve':
        return <Reserve admin={admin} />;
      case 'board':
        return <BoardPage admin={admin} viewer={props.viewer} />;
      case 'supervision':
        return <Supervision viewer={props.viewer} />;
      case 'evaluation':
        return <Evaluation admin={admin} delegate={delegate} />;
    }
  };
  return (
    <>
      <Typography.Title level={3}>{t('title')}</Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => props.navigate(key === 'sessions' ? '/' : `/${key}`)}
        // Analysts read; proposing is for those who may write.
        items={TABS.filter((key) => key !== 'propose' || props.viewer.role !== 'ANALYST').map((key) => ({ key, label: <span data-testid={`tab-${key}`}>{key === 'reserve' ? r('tab') : key === 'propose' ? pr('tab') : key === 'supervision' ? s('tab') : t(key)}</span>, children: body(key) }))}
      />
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
