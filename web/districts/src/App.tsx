import { LocaleProvider, type RemoteProps } from '@kpd/web-kit';
import { Dashboard } from './Dashboard';

/** The city dashboard, as the shell mounts it at /districts. */
export default function App(props: RemoteProps) {
  return (
    <LocaleProvider locale={props.locale}>
      <Dashboard {...props} />
    </LocaleProvider>
  );
}
