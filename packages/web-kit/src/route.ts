/**
 * The sub-routes of a remote: the shell hands each app the path below its mount point ("/", "/12",
 * "/12/edit", "/meetings/3"); a page matches it against patterns instead of hand-written regexes.
 */
import { useCallback, useState } from 'react';

/** Matches "/:id/edit" against "/12/edit" → { id: "12" }; null when it does not match. `:id` matches digits only. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const got = path.split('?')[0].split('/').filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i];
    if (w.startsWith(':')) {
      const name = w.slice(1);
      if (name === 'id' && !/^\d+$/.test(got[i])) return null;
      params[name] = decodeURIComponent(got[i]);
    } else if (w !== got[i]) return null;
  }
  return params;
}

/** The first of several routes that matches: `route(path, { detail: '/:id', edit: '/:id/edit', list: '/' })`. */
export function route<K extends string>(path: string, routes: Record<K, string>): { name: K; params: Record<string, string> } | null {
  for (const name of Object.keys(routes) as K[]) {
    const params = matchPath(routes[name], path);
    if (params) return { name, params };
  }
  return null;
}

/** Replaces one value of the address's query string (null removes it) without a new history entry. */
export function setQueryParam(name: string, value: string | null): void {
  const q = new URLSearchParams(window.location.search);
  if (value === null || value === '') q.delete(name);
  else q.set(name, value);
  const text = q.toString();
  window.history.replaceState(null, '', `${window.location.pathname}${text ? `?${text}` : ''}`);
}

/** A value of the address's query string kept in state: ?period=2020-09. Values failing `valid` read as null. */
export function useQueryParam(name: string, valid: (v: string) => boolean = () => true): [string | null, (v: string | null) => void] {
  const [value, setValue] = useState<string | null>(() => {
    const v = new URLSearchParams(window.location.search).get(name);
    return v !== null && valid(v) ? v : null;
  });
  const set = useCallback(
    (v: string | null) => {
      setQueryParam(name, v);
      setValue(v);
    },
    [name],
  );
  return [value, set];
}
