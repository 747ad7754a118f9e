/**
 * The home page as a to-do list (tests/e2e/browser.ts): a secretary's monthly reports still due,
 * each link opening that project's report form on that month; an admin's quiet projects.
 */
import { adminInBrowser, browserDescribe } from './browser';

browserDescribe('the home page’s to-do list in Chromium', () => {
  const admin = adminInBrowser();
  const { newPage, signIn, shot, navTo } = admin;

  /** Last month in China, as the to-do list reckons it. */
  function lastMonth(): string {
    const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date()).split('-').map(Number);
    return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  }

  test('a secretary’s 填报月报 opens that project’s report form on the month due', async () => {
    const period = lastMonth();
    const token = await admin.server.login('secretary.lijun');
    const mine = await admin.server.gql<{ projects: { nodes: Array<{ id: string; name: string; report: { id: string } | null }> } }>(
      'query($p: Period!) { projects(first: 50) { nodes { id name report(period: $p) { id } } } }',
      { p: period },
      token,
    );
    const due = mine.data!.projects.nodes.filter((p) => !p.report);
    expect(due.length).toBeGreaterThan(0);

    const { context, page } = await newPage();
    try {
      await signIn(page, 'secretary.lijun');
      // Signing in lands on the role's most telling view; the to-do list is the home page.
      await page.waitForURL((u) => u.pathname !== '/');
      await navTo(page, 'home');
      await page.waitForSelector('[data-testid=todo]');
      const first = due[0];
      const link = page.locator(`[data-testid=todo-report-${first.id}]`);
      await link.waitFor();
      expect(await page.locator('[data-testid^=todo-report-]').count()).toBe(due.length);
      expect(await page.textContent('[data-testid=todo]')).toContain(`填报月报：${first.name}`);
      await shot(page, 'home-todo-secretary');
      await link.click();
      await page.waitForSelector('[data-testid=project-detail] [data-testid=report-form]');
      expect(page.url()).toContain(`/projects?open=${first.id}&report=${period}`);
      expect(await page.inputValue('[data-testid=report-period] input, input[data-testid=report-period]')).toBe(`${period.slice(0, 4)}年${period.slice(5)}月`);
      await shot(page, 'home-todo-secretary-report-form');
    } finally {
      await context.close();
    }
  });

  test('an admin’s quiet projects link to the list of them', async () => {
    const token = await admin.server.login('admin.dalian');
    const quiet = await admin.server.gql<{ quietProjects: { totalCount: number } }>('{ quietProjects(first: 1) { totalCount } }', {}, token);
    const { context, page } = await newPage();
    try {
      await signIn(page, 'admin.dalian');
      // Signing in lands on the role's most telling view; the to-do list is the home page.
      await page.waitForURL((u) => u.pathname !== '/');
      await navTo(page, 'home');
      await page.waitForSelector('[data-testid=todo]');
      if (quiet.data!.quietProjects.totalCount > 0) {
        const item = page.locator('.ant-list-item', { has: page.locator('[data-testid=todo-quiet]') });
        expect(await item.textContent()).toContain(String(quiet.data!.quietProjects.totalCount));
        await shot(page, 'home-todo-admin');
        await page.click('[data-testid=todo-quiet]');
        await page.waitForURL(/\/secretaries\/quiet$/);
      } else {
        expect(await page.locator('[data-testid=todo-quiet]').count()).toBe(0);
      }
    } finally {
      await context.close();
    }
  });
});
