import { useEffect, useState, type ComponentType } from 'react';
import { Loading, RemoteBoundary, type Locale, type PublicProps, type RemoteProps, type Viewer } from '@kpd/web-kit';
import { loadRemoteModule } from './remotes';

/**
 * Loads a remote's App at run time and renders it inside its own error boundary; with no viewer, the
 * remote's public page (`./Public`) instead.
 */
export function RemoteView(props: {
  remote: string;
  label: string;
  basePath: string;
  path: string;
  locale: Locale;
  viewer: Viewer | null;
  navigate: (to: string) => void;
}) {
  const [attempt, setAttempt] = useState(0);
  return (
    <RemoteBoundary name={props.label} resetKey={`${props.remote}:${attempt}`} onRetry={() => setAttempt((n) => n + 1)}>
      <RemoteLoader {...props} attempt={attempt} />
    </RemoteBoundary>
  );
}

function RemoteLoader({
  remote,
  basePath,
  path,
  locale,
  viewer,
  navigate,
  attempt,
}: {
  remote: string;
  basePath: string;
  path: string;
  locale: Locale;
  viewer: Viewer | null;
  navigate: (to: string) => void;
  attempt: number;
}) {
  const module = viewer ? 'App' : 'Public';
  const [state, setState] = useState<{ key: string; App?: ComponentType<RemoteProps> | ComponentType<PublicProps>; error?: Error }>({ key: '' });
  const key = `${remote}/${module}:${attempt}`;
  useEffect(() => {
    let live = true;
    loadRemoteModule<RemoteProps | PublicProps>(remote, module, attempt > 0).then(
      (App) => live && setState({ key, App }),
      (error: unknown) => live && setState({ key, error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => {
      live = false;
    };
  }, [remote, module, attempt, key]);
  const current = state.key === key ? state : null;
  // Thrown during render so the surrounding boundary shows the contained notice.
  if (current?.error) throw current.error;
  if (!current?.App) return <Loading />;
  const props: PublicProps = { locale, path, basePath, navigate: (to: string) => navigate(basePath + (to === '/' ? '' : to)) };
  if (viewer) {
    const App = current.App as ComponentType<RemoteProps>;
    return <App {...props} viewer={viewer} />;
  }
  const Page = current.App as ComponentType<PublicProps>;
  return <Page {...props} />;
}
