/**
 * Pre-construction procedures in a real browser (tests/e2e/browser.ts), on the demo's 15 October
 * 2020: admin.sujiatun opens a reserve project, sees that 环境影响评价审批 of 沈阳市生态环境局苏家屯分局
 * holds it up, raises it as a problem in one step and finds it under 问题; records an approval, the
 * missing document number refused under its field; admin.shenyang sees the city's template within
 * the 50 working days and a refused change under its field.
 */
import { setTodayForTesting } from '../../services/api/src/core/clock';
import { adminInBrowser, browserDescribe, typeInPicker } from './browser';

browserDescribe('pre-construction procedures in Chromium', () => {
  const admin = adminInBrowser();
  const { newPage, signIn, shot } = admin;
  beforeAll(() => setTodayForTesting('2020-10-15'));
  afterAll(() => setTodayForTesting(undefined));

  async function projectId(code: string): Promise<string> {
    const token = await admin.server.login('admin.sujiatun');
    const res = await admin.server.gql<{ projects: { nodes: Array<{ id: string; code: string }> } }>(
      '{ projects(filter: { stages: [RESERVE] }, first: 50, orderBy: CODE) { nodes { id code } } }',
      {},
      token,
    );
    return res.data!.projects.nodes.find((p) => p.code === code)!.id;
  }

  test('admin.sujiatun sees which procedure holds a project up and which department owns it, and raises it as a problem in one step', async () => {
    const id = await projectId('SJT-2020-R01');
    const { context, page } = await newPage();
    try {
      await signIn(page, 'admin.sujiatun');
      await page.waitForSelector('[data-testid=viewer]');
      await page.goto(`${admin.server.url}/projects?open=${id}`);
      await page.click('[data-testid=project-detail] .ant-tabs-tab:has-text("前期手续")');
      const held = await page.waitForSelector('[data-testid=procedures-held-by]');
      expect(await held.getAttribute('data-code')).toBe('HP');
      const text = await held.textContent();
      expect(text).toContain('卡点手续：环境影响评价审批（沈阳市生态环境局苏家屯分局），已逾期 21 个工作日');
      // The chain: 立项 and 用地预审 done, three in progress side by side, the overdue one marked.
      expect(await page.locator('[data-testid=procedures-chain] tr[data-state=APPROVED]').count()).toBe(2);
      expect(await page.locator('[data-testid=procedures-chain] tr[data-state=IN_PROGRESS]').count()).toBe(3);
      expect(await page.locator('[data-testid=procedures-chain] tr[data-overdue=true]').count()).toBe(1);
      expect(await page.locator('[data-testid=procedure-bar]').count()).toBe(5);
      await shot(page, 'procedures-01-held-by');

      await page.click('[data-testid=procedures-raise]');
      const raised = await page.waitForSelector('[data-testid=procedures-raised]');
      expect(await raised.textContent()).toContain('责任单位：沈阳市生态环境局苏家屯分局');
      await page.waitForSelector('[data-testid=procedures-chain] tr[data-code=HP]:has-text("已转问题")');
      await page.click('[data-testid=project-detail] .ant-tabs-tab:has-text("问题")');
      await page.waitForSelector('[data-testid=project-problems] tr:has-text("前期手续「环境影响评价审批」逾期 21 个工作日")');
      await shot(page, 'procedures-02-raised');
    } finally {
      await context.close();
    }
  });

  test('an approval needs its document number, shown under the field; then the next procedure holds the project', async () => {
    const id = await projectId('SJT-2020-R02');
    const { context, page } = await newPage();
    try {
      await signIn(page, 'admin.sujiatun');
      await page.waitForSelector('[data-testid=viewer]');
      await page.goto(`${admin.server.url}/projects?open=${id}`);
      await page.click('[data-testid=project-detail] .ant-tabs-tab:has-text("前期手续")');
      expect(await (await page.waitForSelector('[data-testid=procedures-held-by]')).getAttribute('data-code')).toBe('LX');
      await page.click('[data-testid=procedure-edit-LX]');
      await page.waitForSelector('[data-testid=procedure-save]');
      await page.click('[data-testid=procedure-state]');
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '已办结' }).first().click();
      await typeInPicker(page, 'procedure-approved', '2020-10-14');
      await page.click('[data-testid=procedure-save]');
      const fieldError = page.locator('.ant-form-item:has([data-testid=procedure-document]) .ant-form-item-explain-error');
      await fieldError.waitFor();
      expect(await fieldError.textContent()).toContain('已办结的手续须填写批复文号');
      await shot(page, 'procedures-03-field-error');
      await page.fill('[data-testid=procedure-document]', '沈苏发改审批〔2020〕88号');
      await page.click('[data-testid=procedure-save]');
      await page.waitForSelector('[data-testid=procedures-held-by][data-code=YDYS]');
      expect(await page.textContent('[data-testid=procedures-held-by]')).toContain('用地预审与选址意见书（沈阳市自然资源局苏家屯分局）');
    } finally {
      await context.close();
    }
  });

  test('admin.shenyang keeps the city’s template: 28 working days on the critical path, within 50; a loop is refused under its field', async () => {
    const { context, page } = await newPage();
    try {
      await signIn(page, 'admin.shenyang');
      await page.waitForSelector('[data-testid=viewer]');
      await page.goto(`${admin.server.url}/projects`);
      await page.click('[data-testid=procedure-template-open]');
      const total = await page.waitForSelector('[data-testid=procedure-template-total]');
      expect(await total.textContent()).toContain('关键路径总承诺时限 28 个工作日');
      expect(await total.textContent()).toContain('符合时限要求');
      await page.click('[data-testid=procedure-type-edit-LX]');
      await page.click('[data-testid=procedure-type-predecessors]');
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '建筑工程施工许可' }).first().click();
      await page.keyboard.press('Escape');
      await page.click('[data-testid=procedure-type-save]');
      const fieldError = page.locator('.ant-form-item:has([data-testid=procedure-type-predecessors]) .ant-form-item-explain-error');
      await fieldError.waitFor();
      expect(await fieldError.textContent()).toContain('前置关系成环');
      await shot(page, 'procedures-04-template');
    } finally {
      await context.close();
    }
  });
});
