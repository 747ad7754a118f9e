import apps from '../../apps.json';

/**
 * Pages anyone may open without signing in, each rendered by a remote's exposed `./Public`:
 * the light board in wall-display mode and the published results of the delegates' votes
 * (web/apps.json lists them with their remote).
 */
export interface PublicPage {
  key: string;
  path: string;
  remote: string;
  label: { zh: string; en: string };
}

export const PUBLIC_PAGES: PublicPage[] = apps.remotes.flatMap((r) => (('public' in r && r.public) || []).map((p) => ({ ...p, remote: r.name })));

/** The public page a path belongs to, if any. */
export function matchPublic(path: string): PublicPage | undefined {
  return PUBLIC_PAGES.find((p) => path === p.path || path.startsWith(p.path + '/'));
}
