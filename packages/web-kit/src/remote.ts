import type { Locale } from './i18n';

/** The roles of the schema's Role enum. */
export type Role = 'ADMIN' | 'ANALYST' | 'DELEGATE' | 'EVALUATOR' | 'SECRETARY';

/** Who is signed in, as the shell read it from `me`. */
export interface Viewer {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  area: { id: string; name: string; level: string };
}

/**
 * What the shell hands every remote's exposed `./App`: the language, the viewer, and the part of the
 * address below the remote's own prefix with a way to move within it.
 */
export interface RemoteProps {
  locale: Locale;
  viewer: Viewer;
  /** The path below the remote's mount point, "/" or e.g. "/123". */
  path: string;
  /** Goes to a path below the remote's mount point. */
  navigate: (path: string) => void;
  /** The remote's mount point in the shell, e.g. "/projects". */
  basePath: string;
}

/**
 * What the shell hands a remote's exposed `./Public`: a page anyone may open without signing in
 * (the public light board, published vote results). No viewer; the path is below the page's own prefix.
 */
export interface PublicProps {
  locale: Locale;
  path: string;
  navigate: (path: string) => void;
  basePath: string;
}

/**
 * Opens another page of the admin (another remote's path, with its query string), as a link in
 * the shell would: a history entry, and the shell follows it.
 */
export function openInShell(to: string): void {
  window.history.pushState(null, '', to);
  window.dispatchEvent(new PopStateEvent('popstate'));
  window.scrollTo(0, 0);
}

/** A value of the page address's query string (?district=…), or null. */
export function queryParam(name: string): string | null {
  return new URLSearchParams(window.location.search).get(name);
}
