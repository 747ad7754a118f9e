/**
 * The admin in a real browser (tests/e2e/browser.ts): sign-in, role-aware navigation, district scope,
 * and the composition of the shell with its remotes.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { adminInBrowser, browserDescribe } from './browser';
import { buildApp, builtMarker } from './web-build';

browserDescribe('the admin in Chromium', () => {
  const admin = adminInBrowser();
  const { newPage, signIn, shot, navTo } = admin;

  async function districtNames(page: Page): Promise<string[]> {
    await page.waitForSelector('[data-testid=district-table] tr.ant-table-row');
    return page.$$eval('[data-testid=district-table] tr.ant-table-row td:first-child', (cells) => cells.map((c) => c.textContent ?? ''));
  }

  async function apiDistricts(username: string): Promise<string[]> {
    const token = await admin.server.login(username);
    const res = await admin.server.gql<{ districts: Array<{ name: string }> }>('{ districts { name } }', {}, token);
    return res.data!.districts.map((d) => d.name);
  }

  test('a wrong password shows the server’s message; the city admin sees every Shenyang district, in Chinese by default', async () => {
    const { context, page } = await newPage();
    try {
      await page.goto(admin.server.url + '/');
      await page.waitForSelector('#username');
      await shot(page, '01-sign-in');
      await signIn(page, 'admin.shenyang', 'wrong-password-1');
      const message = await page.textContent('[data-testid=error-message]');
      expect(message).toMatch(/用户名或密码|password/i);
      await shot(page, '02-sign-in-error');

      await signIn(page, 'admin.shenyang');
      await page.waitForSelector('[data-testid=viewer]');
      expect(await page.textContent('[data-testid=viewer]')).toContain('沈阳市');
      const nav = await page.$$eval('[data-testid^=nav-]', (els) => els.map((e) => e.getAttribute('data-testid')));
      expect(nav).toEqual(['nav-home', 'nav-districts', 'nav-projects', 'nav-dispatch', 'nav-secretaries', 'nav-livelihood', 'nav-service-items', 'nav-investment', 'nav-admin', 'nav-audit', 'nav-exports']);
      await shot(page, '03-home-admin-shenyang');

      await navTo(page, 'districts');
      const names = await districtNames(page);
      const expected = await apiDistricts('admin.shenyang');
      expect(expected).toHaveLength(13);
      expect(names).toEqual(expected);
      expect(names).toContain('苏家屯区');
      expect(names).toContain('新民市');
      expect(await page.textContent('[data-testid=district-count]')).toContain('13');
      await page.waitForSelector('[data-testid=district-chart] canvas');
      await shot(page, '04-districts-shenyang');

      await page.click('text=苏家屯区');
      await page.waitForSelector('text=临湖街道');
      expect(page.url()).toMatch(/\/districts\/\d+$/);
      await shot(page, '05-district-detail-sujiatun');

      await navTo(page, 'projects');
      // The project list once the server has the projects API; until then, the notice naming it.
      await page.waitForSelector('[data-testid=project-table] tr.ant-table-row, :text("本页面依赖的接口（projects）尚未上线。")');
      if (await page.$('[data-testid=project-table]')) {
        const token = await admin.server.login('admin.shenyang');
        const res = await admin.server.gql<{ projects: { totalCount: number } }>('{ projects { totalCount } }', {}, token);
        expect(await page.textContent('[data-testid=project-total]')).toBe(`共 ${res.data!.projects.totalCount} 个项目`);
      }
      await shot(page, '06-projects');
      await navTo(page, 'secretaries');
      // No secretary account is scoped inside Shenyang in the demo data: the empty state says so.
      expect(await (await page.waitForSelector('[data-testid=empty-state]')).textContent()).toContain('暂无数据');
      await shot(page, '07-secretaries-shenyang-empty');
      await navTo(page, 'livelihood');
      // The demo vote sessions are Fuxin's: none inside Shenyang.
      await page.waitForSelector('[data-testid=empty-state], [data-testid=session-table] tr.ant-table-row');
      await shot(page, '08-livelihood-shenyang');
      await navTo(page, 'service-items');
      await page.waitForSelector('[data-testid=figures]');
      await shot(page, '09-service-items-shenyang');
      await navTo(page, 'audit');
      await page.waitForSelector('h3:has-text("审计日志")');
      await shot(page, '10-audit');

      // English by the switch; the choice survives a reload.
      await page.click('[data-testid=locale-switch]');
      await navTo(page, 'districts');
      await page.waitForSelector('text=City dashboard');
      await page.reload();
      await page.waitForSelector('text=Towns and subdistricts per district');
      await shot(page, '11-districts-english');
    } finally {
      await context.close();
    }
  });

  test('a district admin sees only its own district, and the page works on a phone', async () => {
    const { context, page } = await newPage({ width: 390, height: 844 });
    try {
      await signIn(page, 'admin.sujiatun');
      await page.waitForSelector('[data-testid=viewer]');
      await page.goto(admin.server.url + '/districts');
      expect(await districtNames(page)).toEqual(['苏家屯区']);
      expect(await apiDistricts('admin.sujiatun')).toEqual(['苏家屯区']);
      await shot(page, '12-districts-sujiatun-phone');

      // Its service-item catalogue (report 000: 2180 items), with the compliance filter.
      await page.setViewportSize({ width: 1366, height: 820 });
      await page.goto(admin.server.url + '/service-items');
      expect(await (await page.waitForSelector('[data-testid=item-total]')).textContent()).toBe('共 2180 项');
      const figures = await page.textContent('[data-testid=figures]');
      expect(figures).toContain('2,180');
      expect(figures).toContain('603');
      await shot(page, '17-service-items-sujiatun');
      const token = await admin.server.login('admin.sujiatun');
      const violating = await admin.server.gql<{ serviceItems: { totalCount: number } }>('{ serviceItems(filter: { anyViolation: true }) { totalCount } }', {}, token);
      await page.click('[data-testid=compliance-filter]');
      await page.click('.ant-select-item-option[title="存在违规"]');
      await page.waitForSelector(`[data-testid=item-total]:has-text("共 ${violating.data!.serviceItems.totalCount} 项")`);
      expect(await page.$$eval('[data-testid=service-item-table] tr.ant-table-row', (rows) => rows.length)).toBe(Math.min(15, violating.data!.serviceItems.totalCount));
      await shot(page, '18-service-items-violating');

      // Importing a catalogue sheet with a bad row: the dry run lists the row, its column and the reason.
      const template = await context.request.get(admin.server.url + '/api/service-items/template.xlsx');
      expect(template.status()).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await template.body()) as unknown as ArrayBuffer);
      const sheet = wb.getWorksheet('政务服务事项')!;
      const cols = new Map<string, number>();
      sheet.getRow(1).eachCell((cell, col) => cols.set(String(cell.value).replace(/\*$/, '').trim(), col));
      sheet.spliceRows(2, sheet.rowCount);
      const headers = ['基本编码', '实施编码', '事项名称', '事项类型', '实施部门', '依申请', '网办深度', '到现场次数', '到现场理由', '办件类型', '法定时限（工作日）', '承诺时限（工作日）', '受理功能区', '高频事项'];
      [
        ['0200100000', 'E2E-1', '页面导入事项', '行政许可', '区市场监督管理局', '是', '全程网办', 0, null, '承诺件', 20, 5, null, '否'],
        ['0200100000', 'E2E-2', '类型写错的事项', '行政许可证', '区市场监督管理局', '是', '全程网办', 0, null, '承诺件', 20, 5, null, '否'],
      ].forEach((values, i) => {
        const row = sheet.getRow(i + 2);
        values.forEach((v, j) => (row.getCell(cols.get(headers[j])!).value = v));
        row.commit();
      });
      await page.click('[data-testid=import-toggle]');
      await page.setInputFiles('[data-testid=import-panel] input[type=file]', {
        name: '苏家屯事项.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: Buffer.from(await wb.xlsx.writeBuffer()),
      });
      await page.waitForSelector('[data-testid=import-problems]');
      const problems = await page.locator('[data-testid=import-problems] tr.ant-table-row td').allTextContents();
      expect(problems).toEqual(['3', expect.stringContaining('事项类型'), expect.stringMatching(/.+/)]);
      expect(await page.textContent('[data-testid=import-problem-count]')).toContain('共 2 行，有效 1 行');
      expect(await page.$('[data-testid=import-commit]')).toBeNull();
      await shot(page, '19-service-items-import-problems');

      // Signing out ends the session: a reload stays on the sign-in page.
      await page.click('[data-testid=sign-out]');
      await page.waitForSelector('#username');
      await page.reload();
      await page.waitForSelector('#username');
      expect(await page.$('[data-testid=viewer]')).toBeNull();
    } finally {
      await context.close();
    }
  });

  test('a city admin lists the secretaries of its city', async () => {
    const { context, page } = await newPage();
    try {
      await signIn(page, 'admin.dalian');
      await page.waitForSelector('[data-testid=viewer]');
      await page.goto(admin.server.url + '/secretaries');
      await page.waitForSelector('[data-testid=secretary-table] tr.ant-table-row');
      const text = await page.textContent('[data-testid=secretary-table]');
      expect(text).toContain('李军（中山区东港街道）');
      expect(text).toContain('secretary.lijun');
      await shot(page, '07-secretaries-dalian');
    } finally {
      await context.close();
    }
  });

  test('navigation follows the role: a delegate has no dashboard, and its address is refused', async () => {
    const { context, page } = await newPage({ width: 390, height: 844 });
    try {
      await signIn(page, 'delegate.001');
      await page.waitForSelector('[data-testid=viewer]');
      await page.click('button[aria-label=menu]');
      await page.waitForSelector('.ant-drawer-open [data-testid=nav-livelihood]');
      await page.waitForTimeout(400); // the drawer's slide-in, for the screenshot
      const nav = await page.$$eval('[data-testid^=nav-]', (els) => els.map((e) => e.getAttribute('data-testid')));
      expect(nav).toEqual(['nav-home', 'nav-livelihood']);
      await shot(page, '13-delegate-menu');
      await page.goto(admin.server.url + '/districts');
      await page.waitForSelector('text=无权访问');
      expect(await page.$('[data-testid=district-table]')).toBeNull();
      await shot(page, '14-delegate-forbidden');

      // The delegate's own page: Fuxin's congress sessions.
      await page.goto(admin.server.url + '/livelihood');
      await page.waitForSelector('[data-testid=session-table] tr.ant-table-row');
      const token = await admin.server.login('delegate.001');
      const sessions = await admin.server.gql<{ voteSessions: Array<{ name: string }> }>('{ voteSessions { name } }', {}, token);
      expect(sessions.data!.voteSessions.length).toBeGreaterThan(0);
      const text = await page.textContent('[data-testid=session-table]');
      for (const session of sessions.data!.voteSessions) expect(text).toContain(session.name);
      await shot(page, '19-livelihood-delegate-phone');
    } finally {
      await context.close();
    }
  });

  test('a remote that is down shows a contained notice; the other pages keep working, and retry recovers', async () => {
    const { context, page } = await newPage();
    try {
      await context.route('**/web/projects/**', (route) => route.abort('connectionrefused'));
      await signIn(page, 'admin.shenyang');
      await page.waitForSelector('[data-testid=viewer]');
      await navTo(page, 'projects');
      const notice = await page.waitForSelector('[data-testid=remote-failed]');
      expect(await notice.getAttribute('data-remote')).toBe('重点项目');
      expect(await notice.textContent()).toContain('“重点项目”模块暂时无法加载');
      // The shell around it still works.
      expect(await page.textContent('[data-testid=viewer]')).toContain('沈阳市');
      await shot(page, '15-projects-remote-down');

      await navTo(page, 'districts');
      expect(await districtNames(page)).toHaveLength(13);
      await navTo(page, 'service-items');
      await page.waitForSelector('[data-testid=figures]');

      // Still down when we come back; once it is up again, retry loads it without reloading the page.
      await navTo(page, 'projects');
      await page.waitForSelector('[data-testid=remote-failed]');
      await context.unroute('**/web/projects/**');
      await page.click('[data-testid=remote-failed] button');
      await page.waitForSelector('[data-testid=remote-build]');
      expect(await page.$('[data-testid=remote-failed]')).toBeNull();
    } finally {
      await context.close();
    }
  });

  test('one remote rebuilt and deployed alone shows in the running shell, which is not rebuilt', async () => {
    const shellIndex = builtMarker('shell', path.join(admin.webRoot, 'shell', 'dist'));
    const shellBefore = fs.readFileSync(shellIndex, 'utf8');
    const shellMtime = fs.statSync(shellIndex).mtimeMs;
    const { context, page } = await newPage();
    try {
      await signIn(page, 'admin.shenyang');
      await page.waitForSelector('[data-testid=viewer]');
      await navTo(page, 'projects');
      const before = await page.textContent('[data-testid=remote-build]');
      const label = `e2e-${Date.now()}`;
      expect(before).not.toContain(label);

      await buildApp('projects', { KPD_BUILD_LABEL: label, KPD_OUT_DIR: path.join(admin.webRoot, 'projects', 'dist') });

      await page.reload();
      await page.waitForSelector('[data-testid=remote-build]');
      expect(await page.textContent('[data-testid=remote-build]')).toContain(label);
      await shot(page, '16-projects-rebuilt');
      // Same shell build, same server process.
      expect(fs.readFileSync(shellIndex, 'utf8')).toBe(shellBefore);
      expect(fs.statSync(shellIndex).mtimeMs).toBe(shellMtime);
      expect(await page.textContent('footer')).not.toContain(label);
      await navTo(page, 'districts');
      expect(await districtNames(page)).toHaveLength(13);
    } finally {
      await context.close();
    }
  }, 120_000);
});
