/**
 * Funding by source in a real browser (tests/e2e/browser.ts), on the demo's 15 October 2020:
 * admin.sujiatun opens a key project's 资金来源 tab, finds its 2020 split adding up to the plan
 * table's year, is refused a special bond without its batch under the field, and saves it with one;
 * admin.shenyang's dashboard shows 2020 investment by funding source, 93亿元 received (report 000);
 * a party's unified social credit code with a typo is refused under its field (参建单位).
 */
import { setTodayForTesting } from '../../services/api/src/core/clock';
import { adminInBrowser, browserDescribe } from './browser';

browserDescribe('funding by source in Chromium', () => {
  const admin = adminInBrowser();
  const { newPage, signIn, shot } = admin;
  beforeAll(() => setTodayForTesting('2020-10-15'));
  afterAll(() => setTodayForTesting(undefined));

  test('admin.sujiatun checks a project’s 2020 split, is refused a bond without its batch under the field, and saves it', async () => {
    const token = await admin.server.login('admin.sujiatun');
    const res = await admin.server.gql<{ projects: { nodes: Array<{ id: string; funding: Array<{ lines: Array<{ bondBatch: string | null; source: { specialBond: boolean } }> }> }> } }>(
      '{ projects(filter: { stages: [NEW, CONTINUING] }, first: 10, orderBy: CODE) { nodes { id funding(year: 2020) { lines { bondBatch source { specialBond } } } } } }',
      {},
      token,
    );
    expect(res.errors).toBeUndefined();
    const project = res.data!.projects.nodes.find((p) => p.funding[0]?.lines.some((l) => l.source.specialBond))!;
    const bondIndex = project.funding[0].lines.findIndex((l) => l.source.specialBond);
    const { context, page } = await newPage();
    try {
      await signIn(page, 'admin.sujiatun');
      await page.waitForSelector('[data-testid=viewer]');
      await page.goto(`${admin.server.url}/projects?open=${project.id}`);
      await page.click('[data-testid=project-detail] .ant-tabs-tab:has-text("资金来源")');
      await page.waitForSelector('[data-testid=funding-line]');
      expect(await page.locator('[data-testid=funding-line]').count()).toBe(project.funding[0].lines.length);
      expect(await page.textContent('[data-testid=funding-total]')).toContain('与年度计划投资一致');
      const batch = page.locator('[data-testid=funding-line]').nth(bondIndex).locator('[data-testid=funding-bond-batch]');
      expect(await batch.inputValue()).toBe(project.funding[0].lines[bondIndex].bondBatch);
      await shot(page, 'funding-01-tab');

      await batch.fill('');
      await page.click('[data-testid=funding-save]');
      const fieldError = page.locator('[data-testid=funding-line]').nth(bondIndex).locator('.ant-form-item:has([data-testid=funding-bond-batch]) .ant-form-item-explain-error');
      await fieldError.waitFor();
      expect(await fieldError.textContent()).toContain('专项债须填写发行批次');
      await shot(page, 'funding-02-field-error');

      await batch.fill('2020年第五批');
      await page.click('[data-testid=funding-save]');
      await page.waitForSelector('[data-testid=funding-saved]');
      const after = await admin.server.gql<{ project: { funding: Array<{ lines: Array<{ bondBatch: string | null }> }> } }>('query($id: ID!) { project(id: $id) { funding(year: 2020) { lines { bondBatch } } } }', { id: project.id }, token);
      expect(after.data!.project.funding[0].lines.map((l) => l.bondBatch)).toContain('2020年第五批');
    } finally {
      await context.close();
    }
  });

  test('the city dashboard shows 2020 investment by funding source: 93亿元 received', async () => {
    const { context, page } = await newPage();
    try {
      await signIn(page, 'admin.shenyang');
      await page.waitForSelector('[data-testid=viewer]');
      await page.goto(`${admin.server.url}/districts?period=2020-09`);
      const summary = await page.waitForSelector('[data-testid=funding-figures-summary]');
      expect(await summary.textContent()).toContain('到位 93.00 亿元');
      expect(await summary.textContent()).toContain('专项债：发行');
      // The actual of the year, with the months reported without a split by source counted apart.
      expect(await summary.textContent()).toMatch(/实际完成 [\d.]+ 亿元，其中未按资金来源拆分 [\d.]+ 亿元/);
      await page.waitForSelector('[data-testid=funding-by-source] canvas');
      await page.waitForSelector('[data-testid=procedure-figures-summary]');
      expect(await page.textContent('[data-testid=procedure-figures-summary]')).toMatch(/\d+ 个项目被逾期手续卡住/);
      await page.waitForSelector('[data-testid=procedures-by-department] canvas');
      await page.locator('[data-testid=funding-figures]').scrollIntoViewIfNeeded();
      await shot(page, 'funding-03-dashboard');
    } finally {
      await context.close();
    }
  });
  test('a party with a mistyped credit code is refused under the field, then registered', async () => {
    const token = await admin.server.login('admin.sujiatun');
    const res = await admin.server.gql<{ projects: { nodes: Array<{ id: string }> } }>('{ projects(first: 1, orderBy: CODE) { nodes { id } } }', {}, token);
    const { context, page } = await newPage();
    try {
      await signIn(page, 'admin.sujiatun');
      await page.waitForSelector('[data-testid=viewer]');
      await page.goto(`${admin.server.url}/projects?open=${res.data!.projects.nodes[0].id}`);
      await page.click('[data-testid=project-detail] .ant-tabs-tab:has-text("参建单位")');
      await page.click('[data-testid=party-add]');
      await page.fill('[data-testid=party-name]', '中国建筑第三工程局有限公司');
      await page.fill('[data-testid=party-credit-code]', '91350100M000100Y44');
      await page.click('[data-testid=party-save]');
      const fieldError = page.locator('.ant-form-item:has([data-testid=party-credit-code]) .ant-form-item-explain-error');
      await fieldError.waitFor();
      expect(await fieldError.textContent()).toContain('校验位不符');
      await page.fill('[data-testid=party-credit-code]', '91350100M000100Y43');
      await page.click('[data-testid=party-save]');
      await page.waitForSelector('[data-testid=party-table] tr:has-text("91350100M000100Y43")');
      await shot(page, 'funding-04-parties');
    } finally {
      await context.close();
    }
  });
});
