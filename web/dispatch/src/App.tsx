import { Tabs, Typography } from 'antd';
import { LocaleProvider, useMessages, type RemoteProps } from '@kpd/web-kit';
import { Meetings } from './Meetings';
import { messages } from './messages';
import { Problems } from './Problems';
import { Rankings } from './Rankings';

const PAGES = ['problems', 'meetings', 'rankings'] as const;
type PageKey = (typeof PAGES)[number];

/** The page a path below /dispatch opens: /, /meetings/12, /rankings. */
function pageOf(path: string): PageKey {
  const first = path.split('/')[1] as PageKey;
  return PAGES.includes(first) && first !== 'problems' ? first : 'problems';
}

function Dispatch(props: RemoteProps) {
  const t = useMessages(messages);
  const page = pageOf(props.path);
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('title')}
      </Typography.Title>
      <Tabs
        activeKey={page}
        onChange={(key) => props.navigate(key === 'problems' ? '/' : `/${key}`)}
        items={[
          { key: 'problems', label: <span data-testid="tab-problems">{t('tabProblems')}</span> },
          { key: 'meetings', label: <span data-testid="tab-meetings">{t('tabMeetings')}</span> },
          { key: 'rankings', label: <span data-testid="tab-rankings">{t('tabRankings')}</span> },
        ]}
      />
      {page === 'problems' && <Problems {...props} />}
      {page === 'meetings' && <Meetings {...props} />}
      {page === 'rankings' && <Rankings {...props} />}
      <Typography.Text type="secondary">
        {t('build')} {__KPD_BUILD__}
      </Typography.Text>
    </>
  );
}

/** Dispatch and supervision (调度与督办), as the shell mounts it at /dispatch: problems, meetings, rankings. */
export default function App(props: RemoteProps) {
  return (
    <LocaleProvider locale={props.locale}>
      <Dispatch {...props} />
    </LocaleProvider>
  );
}
