import { App as AntApp, Tabs } from 'antd';
import { LocaleProvider, useMessages, type RemoteProps } from '@kpd/web-kit';
import { Catalogue } from './Catalogue';
import { Cases } from './cases/Cases';
import { caseMessages } from './cases/messages';
import { ratingMessages } from './ratings/messages';
import { Ratings } from './ratings/Ratings';
import { bundleMessages } from './bundles/messages';
import { Bundles } from './bundles/Bundles';

function ServiceItems(props: RemoteProps) {
  const t = useMessages(caseMessages);
  const first = props.path.split('/').filter(Boolean)[0];
  const tab = first === 'cases' || first === 'ratings' || first === 'bundles' ? first : 'catalogue';
  const r = useMessages(ratingMessages);
  const b = useMessages(bundleMessages);
  return (
    <Tabs
      activeKey={tab}
      onChange={(key) => props.navigate(key === 'catalogue' ? '/' : `/${key}`)}
      destroyOnHidden
      items={[
        { key: 'catalogue', label: t('catalogueTab'), children: <Catalogue {...props} /> },
        {
          key: 'cases',
          label: <span data-testid="tab-cases">{t('tab')}</span>,
          children: <Cases canEdit={props.viewer.role === 'ADMIN'} />,
        },
        {
          key: 'bundles',
          label: <span data-testid="tab-bundles">{b('tab')}</span>,
          children: <Bundles canEdit={props.viewer.role === 'ADMIN'} />,
        },
        {
          key: 'ratings',
          label: <span data-testid="tab-ratings">{r('tab')}</span>,
          children: <Ratings canEdit={props.viewer.role === 'ADMIN'} />,
        },
      ]}
    />
  );
}

/** Service items, as the shell mounts it at /service-items: the catalogue (with guides), the cases, 一件事 bundles and 好差评. */
export default function App(props: RemoteProps) {
  return (
    <LocaleProvider locale={props.locale}>
      <AntApp>
        <ServiceItems {...props} />
      </AntApp>
    </LocaleProvider>
  );
}
