/**
 * Pages anyone may open without signing in, each rendered by a remote's exposed `./Public`:
 * the light board in wall-display mode and the published results of the delegates' votes.
 */
export interface PublicPage {
  key: string;
  path: string;
  remote: string;
  label: { zh: string; en: string };
}

export const PUBLIC_PAGES: PublicPage[] = [
  { key: 'lights', path: '/public/lights', remote: 'districts', label: { zh: '重点项目亮灯公示', en: 'Key-project light board' } },
  { key: 'votes', path: '/public/votes', remote: 'livelihood', label: { zh: '民生实事票决结果公示', en: 'Livelihood vote results' } },
];

/** The public page a path belongs to, if any. */
export function matchPublic(path: string): PublicPage | undefined {
  return PUBLIC_PAGES.find((p) => path === p.path || path.startsWith(p.path + '/'));
}
