import { Typography } from 'antd';
import { LocaleProvider, PendingApi, useMessages, type Messages, type RemoteProps } from '@kpd/web-kit';

const messages: Messages<'title' | 'build'> = {
  zh: { title: '政务服务事项', build: '版本' },
  en: { title: 'Service items', build: 'Build' },
};

function ServiceItems() {
  const t = useMessages(messages);
  return (
    <>
      <Typography.Title level={3}>{t('title')}</Typography.Title>
      <PendingApi api="serviceItems" />
      <Typography.Text type="secondary" data-testid="remote-build">
        {t('build')} {__KPD_BUILD__}
      </Typography.Text>
    </>
  );
}

/** Service items, as the shell mounts it at /service-items. */
export default function App(props: RemoteProps) {
  return (
    <LocaleProvider locale={props.locale}>
      <ServiceItems />
    </LocaleProvider>
  );
}
