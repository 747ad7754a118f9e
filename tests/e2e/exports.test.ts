/**
 * 导出 in a real browser (tests/e2e/browser.ts): the analyst starts an export of every project from the
 * 导出 page, a bad query is refused under the query field, the job runs to DONE and its file downloads;
 * the project list's 导出 starts an export of its current filter (an Excel ledger by default) and its
 * 月度计划完成表 downloads a district's month as a workbook; a figures table's 下载 CSV downloads what
 * is on screen.
 */
import { adminInBrowser, browserDescribe, typeInPicker } from './browser';

browserDescribe('bulk export in Chromium', () => {
  const admin = adminInBrowser();
  const { newPage, signIn, shot } = admin;

  test('an analyst exports every project from the 导出 page and downloads the file', async () => {
    const { context, page } = await newPage();
    try {
      await signIn(page, 'analyst');
      await page.waitForSelector('[data-testid=viewer]');
      await page.click('[data-testid=nav-exports]');
      await page.waitForSelector('[data-testid=export-form]');
      // A query without a list is refused under the query field.
      await page.fill('[data-testid=export-query]', '{ me { username } }');
      await page.click('[data-testid=export-start]');
      const item = page.locator('.ant-form-item', { has: page.locator('#query') }).first();
      await item.locator('.ant-form-item-explain-error').waitFor();
      expect(await item.locator('.ant-form-item-explain-error').textContent()).toContain('查询未选择任何列表');
      // The projects template, as CSV.
      await page.click('[data-testid=export-template]');
      await page.locator('.ant-select-item-option', { hasText: '全部项目' }).first().click();
      await page.click('[data-testid=export-start]');
      const done = page.locator('[data-testid=export-jobs] tr.ant-table-row', { hasText: '已完成' }).first();
      await done.waitFor({ timeout: 60_000 });
      const token = await admin.server.login('analyst');
      const total = (await admin.server.gql<{ projects: { totalCount: number } }>('{ projects { totalCount } }', {}, token)).data!.projects.totalCount;
      expect(await done.textContent()).toContain(String(total));
      await shot(page, 'exports-01-done');
      const [download] = await Promise.all([page.waitForEvent('download'), done.locator('a', { hasText: '下载' }).click()]);
      const text = await (await download.createReadStream()).toArray().then((parts) => Buffer.concat(parts as Buffer[]).toString('utf8'));
      expect(text.replace(/^\ufeff/, '').split('\r\n')[0]).toBe('id,name,stage,totalInvestment,district.name');
      expect(text.trim().split('\r\n')).toHaveLength(total + 1);
    } finally {
      await context.close();
    }
  });

  test('the project list’s 导出 exports the current filter; 月度计划完成表 downloads the month’s workbook', async () => {
    const { context, page } = await newPage();
    try {
      await signIn(page, 'admin.sujiatun');
      await page.waitForSelector('[data-testid=viewer]');
      await page.goto(admin.server.url + '/projects');
      await page.click('[data-testid=project-export]');
      await page.waitForSelector('[data-testid=project-export-notice]');
      expect(await page.textContent('[data-testid=project-export-notice]')).toContain('已开始');
      await shot(page, 'exports-02-project-list');
      expect(await page.textContent('[data-testid=project-export-format]')).toContain('Excel 台账');

      // A district admin's monthly report: the month picked, the district its own.
      await page.click('[data-testid=monthly-report-open]');
      await typeInPicker(page, 'monthly-report-month', '2020-09');
      const link = page.locator('[data-testid=monthly-report-download]');
      await page.waitForFunction(() => document.querySelector('[data-testid=monthly-report-download]')?.getAttribute('href')?.includes('period=2020-09'));
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toMatch(/苏家屯区.*月度计划完成表\.xlsx$/);
      const bytes = await (await download.createReadStream()).toArray().then((parts) => Buffer.concat(parts as Buffer[]));
      expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');

      await page.click('[data-testid=project-export-notice] a');
      await page.locator('[data-testid=export-jobs] tr.ant-table-row', { hasText: '已完成' }).first().waitFor({ timeout: 60_000 });
    } finally {
      await context.close();
    }
  });

  test('the dashboard’s 下载 CSV downloads the districts’ figures on screen', async () => {
    const { context, page } = await newPage();
    try {
      await signIn(page, 'admin.shenyang');
      await page.waitForSelector('[data-testid=viewer]');
      const button = page.locator('[data-testid=district-table] [data-testid=csv-investmentStats]');
      await button.waitFor({ timeout: 60_000 });
      const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
      const text = await (await download.createReadStream()).toArray().then((parts) => Buffer.concat(parts as Buffer[]).toString('utf8'));
      const lines = text.replace(/^\ufeff/, '').trim().split('\r\n');
      const header = lines[0].split(',');
      expect(header).toEqual(expect.arrayContaining(['label', 'monthActual', 'ytdActual', 'reported', 'district.name']));
      // 沈阳市's thirteen districts, each a row; 苏家屯区's September as the seeds state it.
      expect(lines).toHaveLength(14);
      const sujiatun = lines.find((l) => l.split(',')[header.indexOf('label')] === '苏家屯区')!.split(',');
      expect(sujiatun[header.indexOf('monthActual')]).toBe('1480000000.00');
    } finally {
      await context.close();
    }
  });
});
