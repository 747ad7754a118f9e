/**
 * The admin's secretary forms in a real browser (tests/e2e/browser.ts): a district admin enters a
 * secretary (refused inputs under their fields), edits it (a change made since the form opened is
 * said so), assigns it to a project and ends the assignment.
 */
import type { Page } from 'playwright-core';
import { adminInBrowser, browserDescribe, chooseOption } from './browser';

browserDescribe('secretary forms in Chromium', () => {
  const admin = adminInBrowser();
  const { newPage, signIn, shot } = admin;

  async function fieldError(page: Page, name: string, within = ''): Promise<string> {
    const item = page.locator(`${within} .ant-form-item`.trim(), { has: page.locator(`#${name}, [id$="_${name}"]`) }).first();
    const explain = item.locator('.ant-form-item-explain-error').first();
    await explain.waitFor();
    return (await explain.textContent()) ?? '';
  }

  /** Types a day into an antd DatePicker (by its test id) and leaves the field. */
  async function typeDate(page: Page, testId: string, day: string) {
    const input = page.locator(`[data-testid=${testId}] input, input[data-testid=${testId}]`).first();
    await input.click();
    await input.fill(day);
    await input.press('Tab');
  }

  test('a district admin enters, edits and assigns a secretary, then ends the assignment', async () => {
    const { context, page } = await newPage();
    try {
      await signIn(page, 'admin.sujiatun');
      await page.waitForSelector('[data-testid=viewer]');
      await page.goto(admin.server.url + '/secretaries');
      await page.click('[data-testid=new-secretary]');
      const dialog = page.locator('.ant-modal');
      await dialog.waitFor();
      await page.click('.ant-modal .ant-btn-primary');
      expect(await fieldError(page, 'name')).toBe('请输入 1 至 64 个字的姓名');
      expect(await fieldError(page, 'districtId')).toBe('请选择所属区县');
      expect(await fieldError(page, 'workUnit')).toBe('请输入 1 至 128 个字的工作单位');
      await shot(page, 'secretaries-admin-01-new-refused');

      await dialog.locator('#name').fill('王敏');
      await chooseOption(page, 'new-secretary-district', '苏家屯区', { within: '.ant-modal' });
      await dialog.locator('#workUnit').fill('苏家屯区发展和改革局');
      await dialog.locator('#title').fill('项目服务专员');
      await dialog.locator('#contact').fill('024-89121234');
      await page.click('.ant-modal .ant-btn-primary');
      // The new secretary's page opens.
      await page.waitForSelector('[data-testid=secretary-name]:has-text("王敏")');
      const secretaryId = /\/secretaries\/(\d+)$/.exec(page.url())![1];
      expect(await page.textContent('[data-testid=detail-contact]')).toBe('024-89121234');
      await shot(page, 'secretaries-admin-02-created');

      // Edited while someone else changes it: the save is refused and says why.
      await page.click('[data-testid=edit-secretary]');
      await page.locator('.ant-modal #title').waitFor();
      const token = await admin.server.login('admin.sujiatun');
      const current = await admin.server.gql<{ secretary: { version: number } }>('query($id: ID!) { secretary(id: $id) { version } }', { id: secretaryId }, token);
      const other = await admin.server.gql('mutation($id: ID!, $v: Int!) { updateSecretary(id: $id, input: { version: $v, title: "科长" }) { id } }', { id: secretaryId, v: current.data!.secretary.version }, token);
      expect(other.errors).toBeUndefined();
      await page.locator('.ant-modal #title').fill('项目服务组长');
      await page.click('.ant-modal .ant-btn-primary');
      expect(await (await page.waitForSelector('[data-testid=secretary-conflict]')).textContent()).toContain('有人在您打开后修改了此服务秘书');
      await shot(page, 'secretaries-admin-03-edit-conflict');
      await page.click('[data-testid=secretary-conflict] button');
      await page.waitForFunction(() => [...document.querySelectorAll<HTMLInputElement>('.ant-modal #title')].some((i) => i.value === '科长'));
      await page.locator('.ant-modal #title').fill('项目服务组长');
      await page.click('.ant-modal .ant-btn-primary');
      await page.waitForSelector('.ant-modal', { state: 'detached' });
      await page.waitForSelector('text=项目服务组长');

      // Assigned to a project of the district that has no secretary yet.
      const projects = await admin.server.gql<{ projects: { nodes: Array<{ id: string; name: string; code: string; secretaryAssignments: unknown[] }> } }>(
        '{ projects(first: 30) { nodes { id name code secretaryAssignments { id } } } }',
        {},
        token,
      );
      const free = projects.data!.projects.nodes.find((p) => p.secretaryAssignments.length === 0)!;
      expect(free).toBeDefined();
      await page.click('[data-testid=assign-project]');
      await page.keyboard.type(free.name);
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: free.name }).first().click();
      await typeDate(page, 'assign-start', '2026-03-01');
      await typeDate(page, 'assign-end', '2026-02-01');
      await page.click('[data-testid=assign-submit]');
      expect(await fieldError(page, 'endDate')).toBe('结束日期不能早于开始日期');
      await shot(page, 'secretaries-admin-04-assign-refused');
      await page.locator('[data-testid=assign-form] .ant-form-item:has([data-testid=assign-end]) .ant-picker-clear, [data-testid=assign-form] .ant-picker:has(input[data-testid=assign-end]) .ant-picker-clear').first().click({ force: true });
      await page.click('[data-testid=assign-submit]');
      const row = page.locator('[data-testid=assignments] tr.ant-table-row', { hasText: free.name });
      await row.waitFor();
      expect(await row.textContent()).toContain('2026-03-01');

      // The same secretary on the same project again: the server's refusal, in Chinese only.
      await page.click('[data-testid=assign-project]');
      await page.keyboard.type(free.name);
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: free.name }).first().click();
      await chooseOption(page, 'assign-role', '组长');
      await page.click('[data-testid=assign-submit]');
      const notice = (await (await page.waitForSelector('[data-testid=assign-form] [data-testid=form-error]')).textContent())!;
      expect(notice).toContain('该秘书在此期间已服务该项目');
      expect(notice).not.toMatch(/[A-Za-z]/);
      await shot(page, 'secretaries-admin-05-assigned');

      // Ended on a day before it began: refused; on 30 June: ended.
      await row.locator('[data-testid^=end-assignment-]').click();
      await typeDate(page, 'end-assignment-date', '2026-02-01');
      await page.click('.ant-modal .ant-btn-primary');
      expect(await fieldError(page, 'endDate', '.ant-modal')).toBe('结束日期不能早于开始日期');
      await typeDate(page, 'end-assignment-date', '2026-06-30');
      await page.click('.ant-modal .ant-btn-primary');
      await page.waitForSelector(`[data-testid=assignments] tr.ant-table-row:has-text("${free.name}"):has-text("2026-06-30")`);
      expect(await row.locator('[data-testid^=end-assignment-]').count()).toBe(0);
      const api = await admin.server.gql<{ secretary: { title: string; assignments: Array<{ endDate: string | null; project: { id: string } }> } }>(
        'query($id: ID!) { secretary(id: $id) { title assignments { endDate project { id } } } }',
        { id: secretaryId },
        token,
      );
      expect(api.data!.secretary.title).toBe('项目服务组长');
      expect(api.data!.secretary.assignments).toEqual([{ endDate: '2026-06-30', project: { id: free.id } }]);
      await shot(page, 'secretaries-admin-06-ended');
    } finally {
      await context.close();
    }
  });
});
