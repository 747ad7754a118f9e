import { useEffect, useState, type ComponentType } from 'react';
import { Loading, RemoteBoundary, type Locale, type RemoteProps, type Viewer } from '@kpd/web-kit';
import { loadRemoteApp } from './remotes';

/** Loads a remote's App at run time and renders it inside its own error boundary. */
export function RemoteView(props: {
  remote: string;
  label: string;
  basePath: string;
  path: string;
  locale: Locale;
  viewer: Viewer;
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
  viewer: Viewer;
  navigate: (to: string) => void;
  attempt: number;
}) {
  const [state, setState] = useState<{ remote: string; attempt: number; App?: ComponentType<RemoteProps>; error?: Error }>({ remote, attempt });
  useEffect(() => {
    let live = true;
    loadRemoteApp(remote, attempt > 0).then(
      (App) => live && setState({ remote, attempt, App }),
      (error: unknown) => live && setState({ remote, attempt, error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => {
      live = false;
    };
  }, [remote, attempt]);
  const current = state.remote === remote && state.attempt === attempt ? state : null;
  // Thrown during render so the surrounding boundary shows the contained notice.
  if (current?.error) throw current.error;
  if (!current?.App) return <Loading />;
  const App = current.App;
  return <App locale={locale} viewer={viewer} path={path} basePath={basePath} navigate={(to) => navigate(basePath + (to === '/' ? '' : to))} />;
}
