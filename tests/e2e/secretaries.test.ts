/**
 * The service-secretary pages in a real browser (tests/e2e/browser.ts): the city admin's roster,
 * district summary and quiet projects; an analyst without contact details; a secretary's own
 * projects, a visit logged and a problem raised; the evaluator's score-sheet import with a bad row.
 */
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { adminInBrowser, browserDescribe } from './browser';

browserDescribe('the service-secretary pages in Chromium', () => {
  const admin = adminInBrowser();
  const { newPage, signIn, shot } = admin;

  async function api<T>(
    username: string,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<T> {
    const res = await admin.server.gql<T>(query, variables, await admin.server.login(username));
    expect(res.errors).toBeUndefined();
    return res.data!;
  }

  async function open(page: Page, username: string, path = '/secretaries'): Promise<void> {
    await signIn(page, username);
    await page.waitForSelector('[data-testid=viewer]');
    await page.goto(admin.server.url + path);
  }

  const text = async (page: Page, selector: string) =>
    ((await (await page.waitForSelector(selector)).textContent()) ?? '').trim();

  /** Waits until a workload figure reads the value. */
  async function figure(page: Page, testId: string, value: string): Promise<void> {
    await page
      .locator(`[data-testid=${testId}] .ant-statistic-content`, { hasText: new RegExp(`^${value}$`) })
      .waitFor();
  }

  /** Signs in, opens the roster and answers its total and the contact column of the first page. */
  async function roster(username: string, page: Page): Promise<{ total: string; contacts: string[] }> {
    await open(page, username);
    await page.waitForSelector('[data-testid=secretary-roster] tr.ant-table-row');
    const total = await text(page, '[data-testid=roster-total]');
    const contacts = await page
      .locator('[data-testid=secretary-roster] [data-testid=contact]')
      .allTextContents();
    return { total, contacts };
  }

  test('admin.dalian sees 378 secretaries with contact details, 719 projects, the coverage figure and the quiet projects', async () => {
    const { context, page } = await newPage();
    try {
      const { total, contacts } = await roster('admin.dalian', page);
      expect(total).toBe('共 378 名服务秘书');
      // Admins in scope read contact details: every row of the page shows one.
      expect(contacts.length).toBe(20);
      expect(contacts.every((c) => /^手机 1\d{10}$/.test(c))).toBe(true);
      await shot(page, 'secretaries-roster-dalian');

      await page.click('[data-testid=tab-overview]');
      await page.waitForSelector('[data-testid=overview-figures]');
      const stat = async (id: string) => text(page, `[data-testid=${id}] .ant-statistic-content`);
      expect(await stat('ov-secretaries')).toBe('378');
      expect(await stat('ov-projects')).toBe('719');
      expect(await stat('ov-covered')).toBe('719');
      expect(await stat('ov-coverage')).toBe('100.0%');
      expect(await text(page, '[data-testid=uncovered]')).toContain('全部重点项目均已配备服务秘书');
      const { secretaryOverview } = await api<{ secretaryOverview: { total: { quietProjects: number } } }>(
        'admin.dalian',
        '{ secretaryOverview { total { quietProjects } } }',
      );
      expect(await stat('ov-quiet')).toBe(String(secretaryOverview.total.quietProjects));
      await shot(page, 'secretaries-overview-dalian');

      await page.click('[data-testid=tab-quiet]');
      await page.waitForSelector('[data-testid=quiet-table] tr.ant-table-row');
      expect(await text(page, '[data-testid=quiet-total]')).toBe(
        `共 ${secretaryOverview.total.quietProjects} 个项目`,
      );
      // 保利天禧 among 中山区's quiet projects.
      await page.click('[data-testid=quiet-district]');
      await page.locator('.ant-select-item-option', { hasText: /^中山区$/ }).click();
      const baoli = page.locator('[data-testid=quiet-table] tr.ant-table-row', { hasText: '保利天禧' });
      await baoli.waitFor();
      const cells = await baoli.locator('td').allTextContents();
      expect(cells[4]).toMatch(/^\d+ 天$/);
      expect(Number(cells[4].split(' ')[0])).toBeGreaterThanOrEqual(30);
      expect(cells[3]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(cells[5]).toBe('李军');
      await shot(page, 'secretaries-quiet-dalian');

      // A secretary's page: assignments, log, problems and the score history.
      await baoli.locator('a', { hasText: '李军' }).click();
      expect(await text(page, '[data-testid=secretary-name]')).toBe('李军');
      expect(await page.locator('[data-testid=assignments] tr.ant-table-row').count()).toBe(3);
      await page.waitForSelector('[data-testid=score-chart] canvas');
      expect(await text(page, '[data-testid=detail-contact]')).toMatch(/^手机 1\d{10}$/);
      await shot(page, 'secretaries-detail-lijun');
    } finally {
      await context.close();
    }
  });

  test('an analyst reads the roster without contact details, and the page stands', async () => {
    const { context, page } = await newPage();
    try {
      // The province: Dalian's 378 and the two of 沈抚新城's converted investment projects.
      const { total, contacts } = await roster('analyst', page);
      expect(total).toBe('共 380 名服务秘书');
      expect(contacts.length).toBe(20);
      expect(new Set(contacts)).toEqual(new Set(['—']));
      expect(await page.$('[role=alert]')).toBeNull();
      await shot(page, 'secretaries-roster-analyst');
    } finally {
      await context.close();
    }
  });

  test('secretary.lijun sees exactly his three projects, logs a visit and raises a problem', async () => {
    const { context, page } = await newPage();
    try {
      await open(page, 'secretary.lijun');
      await page.waitForSelector('[data-testid=my-projects] tr.ant-table-row');
      const names = await page.locator('[data-testid=my-project-name]').allTextContents();
      expect(names.sort()).toEqual(['保利天禧', '凯丹广场', '辉盛阁国际公寓'].sort());
      expect(await text(page, '[data-testid=my-projects-total]')).toBe('共 3 个项目');
      const quietBefore = Number(await text(page, '[data-testid=wl-quiet] .ant-statistic-content'));
      const openBefore = Number(await text(page, '[data-testid=wl-open] .ant-statistic-content'));
      expect(quietBefore).toBe(1); // 保利天禧
      await shot(page, 'secretaries-mine-lijun');

      // A visit to the quiet project ends its warning.
      await page
        .locator('[data-testid=my-projects] tr.ant-table-row', { hasText: '保利天禧' })
        .locator('[data-testid=action-log]')
        .click();
      await page.fill('[data-testid=log-summary]', '走访项目现场，了解剩余动迁户协调进展');
      await page.click('[data-testid=log-submit]');
      expect(await text(page, '[data-testid=log-saved]')).toContain('走访 保利天禧');
      await page.waitForSelector('[data-testid=service-log] tr.ant-table-row:has-text("剩余动迁户协调进展")');
      await figure(page, 'wl-quiet', '0');
      await shot(page, 'secretaries-visit-logged');

      // A problem on 凯丹广场: his own, counted among his open problems.
      await page
        .locator('[data-testid=my-projects] tr.ant-table-row', { hasText: '凯丹广场' })
        .locator('[data-testid=action-problem]')
        .click();
      await page.fill('[data-testid=problem-title]', '商业综合体外电源接入滞后');
      await page.fill('[data-testid=problem-owner]', '国网大连供电公司');
      await page.click('[data-testid=problem-submit]');
      expect(await text(page, '[data-testid=problem-raised]')).toMatch(
        /问题已提交，办结期限 \d{4}-\d{2}-\d{2}/,
      );
      await page.waitForSelector(
        '[data-testid=secretary-problems] tr.ant-table-row:has-text("商业综合体外电源接入滞后")',
      );
      await figure(page, 'wl-open', String(openBefore + 1));
      const { problems } = await api<{
        problems: { nodes: { title: string; secretary: { name: string } | null }[] };
      }>('admin.dalian', '{ problems(first: 100) { nodes { title secretary { name } } } }');
      expect(problems.nodes.find((p) => p.title === '商业综合体外电源接入滞后')?.secretary).toEqual({
        name: '李军',
      });
      await shot(page, 'secretaries-problem-raised');
    } finally {
      await context.close();
    }
  });

  test('evaluator.dalian imports a score sheet with a bad row: the dry run lists it and offers no commit; the score form saves a score', async () => {
    const { secretaries } = await api<{ secretaries: { nodes: { id: string; name: string }[] } }>(
      'admin.dalian',
      '{ secretaries(filter: { search: "李军" }) { nodes { id name } } }',
    );
    const lijun = secretaries.nodes.find((s) => s.name === '李军')!;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('服务秘书评估');
    ws.addRow(['秘书编号', '姓名', '评估期', '评分', '评语']);
    ws.addRow([Number(lijun.id), '李军', '2020-06', 95, '服务主动']);
    ws.addRow([Number(lijun.id), '李军', '2020-12', 120, '分数超出范围']);
    const { context, page } = await newPage();
    try {
      await open(page, 'evaluator.dalian');
      await page.waitForSelector('[data-testid=score-form]');
      await page.setInputFiles('[data-testid=import-panel] input[type=file]', {
        name: '服务秘书评估.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: Buffer.from(await wb.xlsx.writeBuffer()),
      });
      await page.waitForSelector('[data-testid=import-problems] tr.ant-table-row');
      const cells = await page.locator('[data-testid=import-problems] tr.ant-table-row td').allTextContents();
      expect(cells[0]).toBe('3');
      expect(cells[1]).toContain('评分');
      expect(cells[2]).toMatch(/.+/);
      expect(await text(page, '[data-testid=import-problem-count]')).toContain('共 2 行，有效 1 行');
      expect(await page.$('[data-testid=import-commit]')).toBeNull();
      await shot(page, 'secretaries-import-problems');

      // The evaluator scores one secretary for a period with the form.
      await page.click('[data-testid=score-secretary]');
      await page.keyboard.type('刘文峰');
      await page.locator('.ant-select-item-option', { hasText: '刘文峰' }).click();
      // The month picker (antd, zh-CN) takes a typed month.
      const period = page.locator('[data-testid=score-period] input, input[data-testid=score-period]').first();
      await period.click();
      await period.fill('2020-06');
      await period.press('Tab');
      await page.fill('[data-testid=score-form] .ant-input-number input', '95');
      await page.click('[data-testid=score-submit]');
      expect(await text(page, '[data-testid=score-saved]')).toBe('已保存：刘文峰 2020-06 评分 95');
      const { secretaries: liu } = await api<{
        secretaries: { nodes: { evaluations: { period: string; score: number; evaluatedBy: string }[] }[] };
      }>(
        'admin.dalian',
        '{ secretaries(filter: { search: "刘文峰" }, first: 1) { nodes { evaluations { period score evaluatedBy } } } }',
      );
      expect(liu.nodes[0].evaluations).toContainEqual({
        period: '2020-06',
        score: 95,
        evaluatedBy: 'evaluator.dalian',
      });
      await shot(page, 'secretaries-score-saved');
    } finally {
      await context.close();
    }
  });
});
