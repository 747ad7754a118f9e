import type { ReactNode } from 'react';
import { App as AntApp, Tabs, Typography } from 'antd';
import { LocaleProvider, useMessages, type RemoteProps } from '@kpd/web-kit';
import { Board } from './Board';
import { CompanyBrief } from './Brief';
import { ChainMapPage } from './ChainMap';
import { Companies } from './Companies';
import { CompanyPage } from './Company';
import { LeadDetail } from './LeadDetail';
import { messages } from './messages';
import { Pipeline } from './Pipeline';

type Tab = 'chains' | 'companies' | 'pipeline' | 'board';
const TABS: Tab[] = ['chains', 'companies', 'pipeline', 'board'];

function Investment(props: RemoteProps) {
  const { path, navigate } = props;
  const t = useMessages(messages);
  const lead = /^\/pipeline\/(\d+)$/.exec(path);
  if (lead) return <LeadDetail id={lead[1]} {...props} />;
  const brief = /^\/companies\/(\d+)\/brief$/.exec(path);
  if (brief) return <CompanyBrief id={brief[1]} navigate={navigate} />;
  const company = /^\/companies\/(\d+)$/.exec(path);
  if (company) return <CompanyPage id={company[1]} navigate={navigate} />;
  const asked = path.replace(/^\//, '').split('/')[0] as Tab;
  const active: Tab = TABS.includes(asked) ? asked : 'chains';
  const labels: Record<Tab, string> = { chains: t('tabChains'), companies: t('tabCompanies'), pipeline: t('tabPipeline'), board: t('tabBoard') };
  const pages: Record<Tab, () => ReactNode> = {
    chains: () => <ChainMapPage {...props} />,
    companies: () => <Companies {...props} />,
    pipeline: () => <Pipeline {...props} />,
    board: () => <Board {...props} />,
  };
  return (
    <>
      <Typography.Title level={3}>{t('title')}</Typography.Title>
      <Tabs
        activeKey={active}
        onChange={(key) => navigate(key === 'chains' ? '/' : `/${key}`)}
        items={TABS.map((key) => ({ key, label: <span data-testid={`tab-${key}`}>{labels[key]}</span>, children: key === active ? pages[key]() : null }))}
      />
    </>
  );
}

/** 招商图谱 (investment attraction), as the shell mounts it at /investment. */
export default function App(props: RemoteProps) {
  return (
    <LocaleProvider locale={props.locale}>
      <AntApp>
        <Investment {...props} />
      </AntApp>
    </LocaleProvider>
  );
}
