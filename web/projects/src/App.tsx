import { Typography } from 'antd';
import { LocaleProvider, PendingApi, useMessages, type Messages, type RemoteProps } from '@kpd/web-kit';

const messages: Messages<'title' | 'build'> = {
  zh: { title: '重点项目', build: '版本' },
  en: { title: 'Key projects', build: 'Build' },
};

function Projects() {
  const t = useMessages(messages);
  return (
    <>
      <Typography.Title level={3}>{t('title')}</Typography.Title>
      <PendingApi api="projects" />
      <Typography.Text type="secondary" data-testid="remote-build">
        {t('build')} {__KPD_BUILD__}
      </Typography.Text>
    </>
  );
}

/** Key projects, as the shell mounts it at /projects. */
export default function App(props: RemoteProps) {
  return (
    <LocaleProvider locale={props.locale}>
      <Projects />
    </LocaleProvider>
  );
}
