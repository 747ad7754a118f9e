import { useCallback, useEffect, useState } from 'react';

/** The browser's path, kept in React state; navigate() pushes a history entry. */
export function usePath(): [string, (to: string) => void] {
  const [path, setPath] = useState(() => window.location.pathname);
  useEffect(() => {
    const onPop = () => setPath(window.location.pathname);
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  // `to` may carry a query string (/projects?open=12&report=2020-09): the page reads it, the path is what routes.
  const navigate = useCallback((to: string) => {
    const url = new URL(to, window.location.origin);
    if (url.pathname + url.search === window.location.pathname + window.location.search) return;
    window.history.pushState(null, '', to);
    setPath(url.pathname);
    window.scrollTo(0, 0);
  }, []);
  return [path, navigate];
}
