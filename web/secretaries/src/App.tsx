import type { ReactNode } from 'react';
import { App as AntApp, Tabs, Typography } from 'antd';
import { LocaleProvider, useMessages, type RemoteProps } from '@kpd/web-kit';
import { Detail } from './Detail';
import { Evaluations } from './Evaluations';
import { messages } from './messages';
import { Mine } from './Mine';
import { Overview } from './Overview';
import { QuietProjects } from './QuietProjects';
import { Roster } from './Roster';

type Tab = 'roster' | 'overview' | 'quiet' | 'evaluations';

/** The tabs each role sees: the figures are for admins and analysts, scoring for evaluators (imports also for admins). */
function tabsOf(role: RemoteProps['viewer']['role']): Tab[] {
  if (role === 'ADMIN') return ['roster', 'overview', 'quiet', 'evaluations'];
  if (role === 'ANALYST') return ['roster', 'overview', 'quiet'];
  if (role === 'EVALUATOR') return ['evaluations', 'roster'];
  return ['roster'];
}

function Secretaries(props: RemoteProps) {
  const { viewer, path, navigate } = props;
  const t = useMessages(messages);
  const detail = /^\/(\d+)$/.exec(path);
  if (detail) return <Detail id={detail[1]} {...props} />;
  if (viewer.role === 'SECRETARY') return <Mine {...props} />;
  const tabs = tabsOf(viewer.role);
  const asked = path.replace(/^\//, '') as Tab;
  const active: Tab = tabs.includes(asked) ? asked : tabs[0];
  const labels: Record<Tab, string> = {
    roster: t('tabRoster'),
    overview: t('tabOverview'),
    quiet: t('tabQuiet'),
    evaluations: t('tabEvaluations'),
  };
  const pages: Record<Tab, () => ReactNode> = {
    roster: () => <Roster {...props} />,
    overview: () => <Overview {...props} />,
    quiet: () => <QuietProjects {...props} />,
    evaluations: () => <Evaluations {...props} />,
  };
  return (
    <>
      <Typography.Title level={3}>{t('title')}</Typography.Title>
      <Tabs
        activeKey={active}
        onChange={(key) => navigate(key === tabs[0] ? '/' : `/${key}`)}
        items={tabs.map((key) => ({
          key,
          label: <span data-testid={`tab-${key}`}>{labels[key]}</span>,
          children: key === active ? pages[key]() : null,
        }))}
      />
    </>
  );
}

/** Service secretaries, as the shell mounts it at /secretaries. */
export default function App(props: RemoteProps) {
  return (
    <LocaleProvider locale={props.locale}>
      <AntApp>
        <Secretaries {...props} />
      </AntApp>
    </LocaleProvider>
  );
}
