import { LocaleProvider, type RemoteProps } from '@kpd/web-kit';
import { Catalogue } from './Catalogue';

/** Service items, as the shell mounts it at /service-items. */
export default function App(props: RemoteProps) {
  return (
    <LocaleProvider locale={props.locale}>
      <Catalogue {...props} />
    </LocaleProvider>
  );
}
