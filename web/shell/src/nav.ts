import type { Role, Viewer } from '@kpd/web-kit';
import apps from '../../apps.json';

/** A page in the side navigation: shell pages, or a domain app mounted at /<remote>. */
export interface NavItem {
  key: string;
  path: string;
  /** The remote that renders it; none for the shell's own pages. */
  remote?: string;
  roles: Role[];
  label: { zh: string; en: string };
  /** False for a page reached from the header, not the menu (修改密码). */
  menu?: false;
}

const ALL: Role[] = ['ADMIN', 'ANALYST', 'SECRETARY', 'DELEGATE', 'EVALUATOR'];

/** The domain apps of web/apps.json, each mounted at /<name>. */
const REMOTE_PAGES: NavItem[] = apps.remotes.map((r) => ({ key: r.name, path: `/${r.name}`, remote: r.name, roles: r.roles as Role[], label: r.label }));

export const NAV: NavItem[] = [
  { key: 'home', path: '/', roles: ALL, label: { zh: '首页', en: 'Home' } },
  ...REMOTE_PAGES,
  { key: 'admin', path: '/admin', roles: ['ADMIN'], label: { zh: '系统管理', en: 'Administration' } },
  { key: 'audit', path: '/audit', roles: ['ADMIN'], label: { zh: '审计日志', en: 'Audit log' } },
  { key: 'tokens', path: '/tokens', roles: ['ANALYST'], label: { zh: 'API 令牌', en: 'API tokens' } },
  { key: 'exports', path: '/exports', roles: ['ADMIN', 'ANALYST'], label: { zh: '导出', en: 'Export' } },
  { key: 'account', path: '/account', roles: ALL, label: { zh: '修改密码', en: 'Change password' }, menu: false },
  { key: 'notices', path: '/notices', roles: ALL, label: { zh: '提醒', en: 'Notices' }, menu: false },
];

/** The menu of a role. */
export function navFor(role: Role): NavItem[] {
  return pagesFor(role).filter((item) => item.menu !== false);
}

/** Every page a role may open, in the menu or not. */
export function pagesFor(role: Role): NavItem[] {
  return NAV.filter((item) => item.roles.includes(role));
}

/** The navigation item a path belongs to (longest prefix), if any. */
export function matchNav(path: string): NavItem | undefined {
  return NAV.filter((n) => (n.path === '/' ? path === '/' : path === n.path || path.startsWith(n.path + '/'))).sort(
    (a, b) => b.path.length - a.path.length,
  )[0];
}

/**
 * Where a user lands after signing in: the view that tells the most about their work. A city or
 * province admin and the analyst: the city dashboard on the month just closed (its lights on the
 * district map); a district admin: its district's lights with the yellow and red projects and why;
 * a secretary: its projects to report; an evaluator: the secretaries to score; a delegate: the votes.
 */
export function homeFor(viewer: Pick<Viewer, 'role' | 'area'>): string {
  switch (viewer.role) {
    case 'ADMIN':
      return viewer.area.level === 'DISTRICT' ? `/districts/${viewer.area.id}` : '/districts';
    case 'ANALYST':
      return '/districts';
    case 'SECRETARY':
      return '/projects';
    case 'EVALUATOR':
      return '/secretaries';
    case 'DELEGATE':
      return '/livelihood';
    default:
      return '/';
  }
}
