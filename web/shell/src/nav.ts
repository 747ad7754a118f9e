import type { Role } from '@kpd/web-kit';

/** A page in the side navigation: shell pages, or a domain app mounted at /<remote>. */
export interface NavItem {
  key: string;
  path: string;
  /** The remote that renders it; none for the shell's own pages. */
  remote?: string;
  roles: Role[];
  label: { zh: string; en: string };
}

const ALL: Role[] = ['ADMIN', 'ANALYST', 'SECRETARY', 'DELEGATE', 'EVALUATOR'];

export const NAV: NavItem[] = [
  { key: 'home', path: '/', roles: ALL, label: { zh: '首页', en: 'Home' } },
  { key: 'districts', path: '/districts', remote: 'districts', roles: ['ADMIN', 'ANALYST'], label: { zh: '城市看板', en: 'City dashboard' } },
  { key: 'projects', path: '/projects', remote: 'projects', roles: ['ADMIN', 'ANALYST', 'SECRETARY'], label: { zh: '重点项目', en: 'Key projects' } },
  { key: 'dispatch', path: '/dispatch', remote: 'dispatch', roles: ['ADMIN', 'ANALYST'], label: { zh: '调度督办', en: 'Dispatch' } },
  { key: 'secretaries', path: '/secretaries', remote: 'secretaries', roles: ['ADMIN', 'ANALYST', 'SECRETARY', 'EVALUATOR'], label: { zh: '服务秘书', en: 'Service secretaries' } },
  { key: 'livelihood', path: '/livelihood', remote: 'livelihood', roles: ['ADMIN', 'ANALYST', 'DELEGATE'], label: { zh: '民生实事', en: 'Livelihood projects' } },
  { key: 'service-items', path: '/service-items', remote: 'service-items', roles: ['ADMIN', 'ANALYST'], label: { zh: '政务服务事项', en: 'Service items' } },
  { key: 'audit', path: '/audit', roles: ['ADMIN'], label: { zh: '审计日志', en: 'Audit log' } },
];

export function navFor(role: Role): NavItem[] {
  return NAV.filter((item) => item.roles.includes(role));
}

/** The navigation item a path belongs to (longest prefix), if any. */
export function matchNav(path: string): NavItem | undefined {
  return NAV.filter((n) => (n.path === '/' ? path === '/' : path === n.path || path.startsWith(n.path + '/'))).sort(
    (a, b) => b.path.length - a.path.length,
  )[0];
}
