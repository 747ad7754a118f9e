import { homeFor, matchNav, NAV, navFor, pagesFor } from './nav';
import { matchPublic, PUBLIC_PAGES } from './public';

const keys = (role: Parameters<typeof navFor>[0]) => navFor(role).map((n) => n.key);

describe('role-aware navigation', () => {
  test.each([
    ['ADMIN', ['home', 'districts', 'projects', 'dispatch', 'secretaries', 'livelihood', 'service-items', 'investment', 'admin', 'audit', 'exports']],
    ['ANALYST', ['home', 'districts', 'projects', 'dispatch', 'secretaries', 'livelihood', 'service-items', 'investment', 'tokens', 'exports']],
    ['SECRETARY', ['home', 'projects', 'secretaries']],
    ['DELEGATE', ['home', 'livelihood']],
    ['EVALUATOR', ['home', 'secretaries']],
  ] as const)('%s sees %p', (role, expected) => expect(keys(role)).toEqual(expected));

  test('修改密码 is open to every role from the header, and in no menu', () => {
    for (const role of ['ADMIN', 'ANALYST', 'SECRETARY', 'DELEGATE', 'EVALUATOR'] as const) {
      expect(pagesFor(role).map((n) => n.key)).toContain('account');
      expect(keys(role)).not.toContain('account');
    }
  });

  test('every page has both languages', () => {
    for (const item of NAV) {
      expect(item.label.zh).toMatch(/\p{Script=Han}/u);
      expect(item.label.en).toMatch(/^[A-Z]/);
    }
  });
});

describe('matchNav', () => {
  test.each([
    ['/', 'home'],
    ['/districts', 'districts'],
    ['/districts/12', 'districts'],
    ['/service-items', 'service-items'],
    ['/dispatch', 'dispatch'],
    ['/dispatch/rankings', 'dispatch'],
    ['/service-items/3/edit', 'service-items'],
    ['/audit', 'audit'],
    ['/admin', 'admin'],
    ['/admin/tokens', 'admin'],
    ['/account', 'account'],
  ])('%s belongs to %s', (path, key) => expect(matchNav(path)?.key).toBe(key));

  test.each(['/districtsx', '/nowhere', '/web/projects/remoteEntry.js'])('%s is no page', (path) => expect(matchNav(path)).toBeUndefined());
});

describe('public pages', () => {
  test.each([
    ['/public/lights', 'lights'],
    ['/public/lights/2020-09', 'lights'],
    ['/public/votes', 'votes'],
    ['/public/votes/12', 'votes'],
    ['/public/rate/rate_3q2-Zx', 'rate'],
    ['/public/lightsx', undefined],
    ['/projects', undefined],
    ['/', undefined],
  ])('%s is %s', (path, key) => expect(matchPublic(path)?.key).toBe(key));

  test('every public page is served by a remote and has both languages', () => {
    for (const page of PUBLIC_PAGES) {
      expect(page.remote).toBeTruthy();
      expect(page.label.zh).toMatch(/\p{Script=Han}/u);
      expect(page.label.en).toMatch(/^[A-Z]/);
    }
  });
});

describe('homeFor: each role lands on its most telling view, one it may open', () => {
  test.each([
    ['ADMIN', 'PROVINCE', '/districts'],
    ['ADMIN', 'CITY', '/districts'],
    ['ADMIN', 'DISTRICT', '/districts/7'],
    ['ANALYST', 'PROVINCE', '/districts'],
    ['SECRETARY', 'DISTRICT', '/projects'],
    ['EVALUATOR', 'CITY', '/secretaries'],
    ['DELEGATE', 'CITY', '/livelihood'],
  ] as const)('%s of a %s → %s', (role, level, path) => {
    const home = homeFor({ role, area: { id: '7', name: 'x', level } });
    expect(home).toBe(path);
    expect(navFor(role)).toContain(matchNav(home));
  });
});
