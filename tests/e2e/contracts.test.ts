/**
 * Documents, contracts and completion in a real browser (tests/e2e/browser.ts), on the demo's 15 October 2020:
 * admin.sujiatun files a feasibility study (项目文件), records a works contract and a variation of its value,
 * refused without a reason (合同); completes the project at a cost that differs from its plan, is asked for
 * the deviation's reason under the field, gives it (竣工); and downloads 苏家屯区's 2020 OC4IDS file, which
 * carries the contract's variation and the completion.
 */
import { setTodayForTesting } from '../../services/api/src/core/clock';
import { adminInBrowser, browserDescribe, chooseOption } from './browser';
import type { Page } from 'playwright-core';

browserDescribe('documents, contracts and completion in Chromium', () => {
  const admin = adminInBrowser();
  const { newPage, signIn, shot } = admin;
  beforeAll(() => setTodayForTesting('2020-10-15'));
  afterAll(() => setTodayForTesting(undefined));

  async function typeDate(page: Page, testId: string, day: string) {
    const input = page.locator(`[data-testid=${testId}] input, input[data-testid=${testId}]`).first();
    await input.click();
    await input.fill(day);
    await input.press('Tab');
  }

  /** A tab of the project's detail: from the overflow menu when the drawer is too narrow to show it. */
  async function openTab(page: Page, label: string) {
    const more = page.locator('[data-testid=project-detail] .ant-tabs-nav-operations:not(.ant-tabs-nav-operations-hidden) .ant-tabs-nav-more');
    if (await more.count()) {
      await more.first().hover();
      const item = page.locator(`.ant-tabs-dropdown:not(.ant-tabs-dropdown-hidden) .ant-tabs-dropdown-menu-item:has-text("${label}")`).first();
      try {
        await item.waitFor({ timeout: 3000 });
        await item.click();
        return;
      } catch {
        await page.mouse.move(0, 0);
      }
    }
    await page.click(`[data-testid=project-detail] .ant-tabs-tab:has-text("${label}")`);
  }

  test('admin.sujiatun files a document, varies a contract with its reason, completes the project with the deviation explained, and downloads the OC4IDS file', async () => {
    const token = await admin.server.login('admin.sujiatun');
    const res = await admin.server.gql<{ projects: { nodes: Array<{ id: string; name: string; code: string }> } }>('{ projects(filter: { stages: [CONTINUING] }, first: 1, orderBy: CODE) { nodes { id name code } } }', {}, token);
    const project = res.data!.projects.nodes[0];
    const { context, page } = await newPage();
    try {
      await signIn(page, 'admin.sujiatun');
      await page.waitForSelector('[data-testid=viewer]');
      await page.goto(`${admin.server.url}/projects?open=${project.id}`);

      await openTab(page, '项目文件');
      await page.click('[data-testid=document-add]');
      await chooseOption(page, 'document-type', '环境影响评价');
      await page.fill('[data-testid=document-title]', '环境影响报告表批复');
      await page.fill('[data-testid=document-number]', '沈环审〔2019〕21号');
      await page.fill('[data-testid=document-issuer]', '沈阳市生态环境局');
      await typeDate(page, 'document-issued-on', '2019-05-20');
      // The approval's PDF, uploaded as the document's file.
      await page.setInputFiles('[data-testid=document-file-list] input[type=file]', { name: '环评批复.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n') });
      await page.waitForSelector('[data-testid=document-file-list] a:has-text("环评批复.pdf")');
      await page.click('[data-testid=document-save]');
      await page.waitForSelector('[data-testid=document-table] tr:has-text("沈环审〔2019〕21号")');
      await page.waitForSelector('[data-testid=document-table] [data-testid=document-files] a:has-text("环评批复.pdf")');
      expect(await page.textContent('[data-testid=document-table]')).toContain('环境影响评价');
      await shot(page, 'contracts-01-documents');

      await openTab(page, '合同');
      await page.click('[data-testid=contract-add]');
      await page.fill('[data-testid=contract-title-input]', '主体工程施工总承包');
      await page.fill('[data-testid=contract-value]', '1200');
      await typeDate(page, 'contract-signed-on', '2019-06-01');
      await typeDate(page, 'contract-end', '2020-12-31');
      await page.click('[data-testid=contract-save]');
      await page.waitForSelector('[data-testid=contract-table] tr:has-text("主体工程施工总承包")');

      await page.click('[data-testid=variation-add]');
      expect(await page.inputValue('[data-testid=variation-old-value]')).toBe('1200');
      await typeDate(page, 'variation-date', '2020-03-01');
      await page.fill('[data-testid=variation-new-value]', '1250');
      await page.click('[data-testid=variation-save]');
      const reasonError = page.locator('.ant-form-item:has([data-testid=variation-reason]) .ant-form-item-explain-error');
      await reasonError.waitFor();
      await page.fill('[data-testid=variation-reason]', '增加地下车库');
      await page.click('[data-testid=variation-save]');
      await page.waitForSelector('[data-testid=contract-current-value]:has-text("1,250")');
      await page.click('[data-testid=contract-table] .ant-table-row-expand-icon');
      await page.waitForSelector('[data-testid=variation-table] tr:has-text("增加地下车库")');
      await shot(page, 'contracts-02-variation');

      await openTab(page, '竣工');
      await page.click('[data-testid=completion-open]');
      await typeDate(page, 'completion-date', '2020-09-30');
      await page.fill('[data-testid=completion-cost]', '1');
      await page.fill('[data-testid=completion-scope]', '建成厂房 3 栋及配套设施');
      await page.click('[data-testid=completion-save]');
      const deviationError = page.locator('.ant-form-item:has([data-testid=completion-reason]) .ant-form-item-explain-error');
      await deviationError.waitFor();
      expect(await deviationError.textContent()).toContain('须说明偏差原因');
      await shot(page, 'contracts-03-deviation-refused');
      await page.fill('[data-testid=completion-reason]', '按批复缩减建设规模');
      await page.click('[data-testid=completion-save]');
      await page.waitForSelector('[data-testid=completion-record]');
      expect(await page.textContent('[data-testid=completion-deviation]')).toBe('按批复缩减建设规模');
      await shot(page, 'contracts-04-completed');

      await page.goto(`${admin.server.url}/projects`);
      const link = await page.waitForSelector('[data-testid=oc4ids-download]');
      const href = (await link.getAttribute('href'))!;
      expect(href).toContain('year=2020');
      const file = await page.request.get(`${admin.server.url}${href}`);
      expect(file.status()).toBe(200);
      const pkg = (await file.json()) as { version: string; projects: Array<{ title: string; status: string; completion?: { finalValueDetails?: string }; contractingProcesses?: Array<{ summary: { modifications?: Array<{ rationale: string }> } }> }> };
      expect(pkg.version).toBe('0.9');
      const published = pkg.projects.find((p) => p.title === project.name)!;
      expect(published.status).toBe('completion');
      expect(published.completion?.finalValueDetails).toBe('按批复缩减建设规模');
      expect(published.contractingProcesses?.[0].summary.modifications?.[0].rationale).toBe('增加地下车库');
    } finally {
      await context.close();
    }
  });
});
