import { App as AntApp } from 'antd';
import { LocaleProvider, type RemoteProps } from '@kpd/web-kit';
import { ProjectList } from './ProjectList';

/** Key projects, as the shell mounts it at /projects. Until the server offers the projects API, it says so. */
export default function App(props: RemoteProps) {
  return (
    <LocaleProvider locale={props.locale}>
      <AntApp>
        <ProjectList {...props} />
      </AntApp>
    </LocaleProvider>
  );
}
