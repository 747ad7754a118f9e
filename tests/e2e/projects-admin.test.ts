/**
 * The admin's project forms in a real browser (tests/e2e/browser.ts): a district admin creates a
 * project (the library line follows the city's threshold), fills its plan table by pasting a year's
 * months copied from a spreadsheet (totals that do not add up are refused before sending), and edits it.
 */
import type { Page } from 'playwright-core';
import { adminInBrowser, browserDescribe, chooseOption } from './browser';

browserDescribe('project forms in Chromium', () => {
  const admin = adminInBrowser();
  const { newPage, signIn, shot } = admin;

  async function fieldError(page: Page, name: string): Promise<string> {
    const item = page.locator('.ant-modal .ant-form-item', { has: page.locator(`#${name}, [id$="_${name}"]`) }).first();
    const explain = item.locator('.ant-form-item-explain-error').first();
    await explain.waitFor();
    return (await explain.textContent()) ?? '';
  }

  async function typeMonth(page: Page, testId: string, month: string) {
    const input = page.locator(`[data-testid=${testId}] input, input[data-testid=${testId}]`).first();
    await input.click();
    await input.fill(month);
    await input.press('Tab');
  }

  /** A paste into an input, as a copy of cells from a spreadsheet arrives: tab-separated text. */
  async function pasteText(page: Page, selector: string, text: string) {
    await page.locator(selector).evaluate((el, t) => {
      const data = new DataTransfer();
      data.setData('text/plain', t);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
  }

  test('a district admin creates a project, pastes its monthly plan from a spreadsheet and edits it', async () => {
    const { context, page } = await newPage();
    try {
      await signIn(page, 'admin.sujiatun');
      await page.waitForSelector('[data-testid=viewer]');
      await page.goto(admin.server.url + '/projects');
      await page.click('[data-testid=new-project]');
      await page.locator('.ant-modal #name').waitFor();
      await page.click('.ant-modal .ant-btn-primary');
      expect(await fieldError(page, 'code')).toBe('请填写项目编码');
      expect(await fieldError(page, 'name')).toBe('请填写项目名称');
      expect(await fieldError(page, 'totalInvestment')).toBe('请输入不小于 0 的金额（万元），最多 6 位小数');
      await shot(page, 'projects-admin-01-new-refused');

      await page.fill('.ant-modal #code', 'SJT-E2E-001');
      await page.fill('.ant-modal #name', '苏家屯区智能装备产业园');
      await chooseOption(page, 'project-category', '工业', { within: '.ant-modal' });
      // Below Shenyang's 1亿元 threshold it stays out of the library; at 1.2亿元 it enters.
      await page.fill('.ant-modal #totalInvestment', '8000');
      expect(await (await page.waitForSelector('[data-testid=library-hint]')).textContent()).toContain('未达入库门槛 1.00亿元');
      await page.fill('.ant-modal #totalInvestment', '12000');
      await page.waitForSelector('[data-testid=library-hint]:has-text("将列入重点项目库")');
      await typeMonth(page, 'project-start', '2026-01');
      await typeMonth(page, 'project-end', '2027-12');
      await page.fill('.ant-modal #enterprise', '沈阳智造装备有限公司');
      await page.fill('.ant-modal #responsibleUnit', '苏家屯区工业和信息化局');
      await page.fill('.ant-modal #responsibleLeader', '张伟');
      await shot(page, 'projects-admin-02-new');
      await page.click('.ant-modal .ant-btn-primary');
      // The new project's detail opens.
      await page.waitForSelector('[data-testid=project-detail] >> text=SJT-E2E-001');
      const token = await admin.server.login('admin.sujiatun');
      const found = await admin.server.gql<{ projects: { nodes: Array<{ id: string; totalInvestment: string; libraryMembership: { member: boolean } }> } }>(
        '{ projects(filter: { search: "智能装备产业园" }) { nodes { id totalInvestment libraryMembership { member } } } }',
        {},
        token,
      );
      const project = found.data!.projects.nodes[0];
      expect(project.totalInvestment).toBe('120000000.00');
      expect(project.libraryMembership.member).toBe(true);

      // The plan table: years that do not add up to the total are refused before sending.
      await page.click('[data-testid=edit-plan]');
      await page.locator('[data-testid=plan-year-0]').waitFor();
      await page.fill('[data-testid=plan-year-0]', '6000');
      await page.fill('[data-testid=plan-year-1]', '5000');
      expect(await page.textContent('[data-testid=plan-years-sum]')).toContain('不符');
      await page.click('.ant-modal:has([data-testid=plan-editor]) .ant-btn-primary');
      const notice = (await (await page.waitForSelector('[data-testid=plan-years-errors] .ant-form-item-explain-error')).textContent())!;
      expect(notice).toBe('各年度计划投资之和 11,000万元 与总投资 12,000万元 不符');
      await page.fill('[data-testid=plan-year-1]', '6000');
      await page.waitForSelector('[data-testid=plan-years-sum]:has-text("相符")');

      // Twelve months copied from a sheet (month, amount, milestone), pasted into January.
      const rows = Array.from({ length: 12 }, (_, i) => `${i + 1}月\t${i < 6 ? '400' : '600'}\t${i === 0 ? '开工' : i === 11 ? '主体封顶' : ''}`);
      await pasteText(page, '[data-testid=plan-month-1]', rows.join('\n') + '\n');
      expect(await page.inputValue('[data-testid=plan-month-12]')).toBe('600');
      expect(await page.inputValue('[data-testid=plan-milestone-1]')).toBe('开工');
      await page.waitForSelector('[data-testid=plan-months-sum]:has-text("相符")');
      expect(await page.textContent('[data-testid=plan-months-sum]')).toContain('各月合计 6,000 万元 / 2026年度计划 6,000 万元');
      await shot(page, 'projects-admin-03-plan-pasted');
      await page.click('.ant-modal:has([data-testid=plan-editor]) .ant-btn-primary');
      await page.waitForSelector('.ant-message >> text=计划表已保存');
      const plan = await admin.server.gql<{ project: { planYears: Array<{ year: number; plannedInvestment: string }>; planMonths: Array<{ period: string; plannedInvestment: string; plannedMilestone: string }> } }>(
        'query($id: ID!) { project(id: $id) { planYears { year plannedInvestment } planMonths(year: 2026) { period plannedInvestment plannedMilestone } } }',
        { id: project.id },
        token,
      );
      expect(plan.data!.project.planYears).toEqual([
        { year: 2026, plannedInvestment: '60000000.00' },
        { year: 2027, plannedInvestment: '60000000.00' },
      ]);
      expect(plan.data!.project.planMonths).toHaveLength(12);
      expect(plan.data!.project.planMonths[0]).toEqual({ period: '2026-01', plannedInvestment: '4000000.00', plannedMilestone: '开工' });
      expect(plan.data!.project.planMonths[11]).toEqual({ period: '2026-12', plannedInvestment: '6000000.00', plannedMilestone: '主体封顶' });
      await shot(page, 'projects-admin-04-plan-saved');

      // Edited: a new name is saved with the version read.
      await page.click('[data-testid=edit-project]');
      await page.locator('.ant-modal #name').waitFor();
      await page.fill('.ant-modal #name', '苏家屯区智能装备产业园（一期）');
      await page.click('.ant-modal .ant-btn-primary');
      await page.waitForSelector('.ant-drawer-title:has-text("苏家屯区智能装备产业园（一期）")');
      await shot(page, 'projects-admin-05-edited');
    } finally {
      await context.close();
    }
  });
});
