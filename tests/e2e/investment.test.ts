/**
 * 招商图谱 in a real browser (tests/e2e/browser.ts), as a new admin of 沈抚示范区 tries it: the 集成电路
 * chain with its missing nodes, a target list for one, a new lead (refused inputs under their fields), a
 * visit, the move to signed, the key project with its secretary in one step (a code the ledger refuses is
 * said under its field), and the board's signed count against the year's target and the platform's share;
 * then 龙芯's page with 蓝卡 first among its matchmaking suggestions, and its brief printed on one A4 page.
 */
import type { Page } from 'playwright-core';
import { adminInBrowser, browserDescribe, chooseOption } from './browser';

browserDescribe('investment attraction in Chromium', () => {
  const admin = adminInBrowser();
  const { newPage, signIn, shot } = admin;

  async function fieldError(page: Page, name: string): Promise<string> {
    const item = page.locator('.ant-form-item', { has: page.locator(`#${name}, [id$="_${name}"]`) }).first();
    const explain = item.locator('.ant-form-item-explain-error').first();
    await explain.waitFor();
    return (await explain.textContent()) ?? '';
  }

  test('an admin of 沈抚示范区 goes from a missing node to a key project and sees it on the board', async () => {
    const { context, page } = await newPage();
    try {
      await signIn(page, 'admin.shenfu');
      await page.waitForSelector('[data-testid=viewer]');
      await page.goto(admin.server.url + '/investment');
      await page.waitForSelector('[data-testid=chain-chart] canvas');
      expect(await page.textContent('[data-testid=chain-picker]')).toContain('集成电路');
      const missing = page.locator('[data-testid=missing-nodes] tbody tr');
      expect(await missing.count()).toBeGreaterThan(3);
      const first = await missing.first().locator('td').first().textContent();
      await missing.first().locator('button').click();
      await page.waitForSelector('[data-testid=target-list] [data-testid=companies] tbody tr');
      expect(await page.textContent('[data-testid=target-list]')).toContain(first ?? '');
      await shot(page, 'investment-01-chain');

      await page.click('[data-testid=tab-pipeline]');
      await page.click('[data-testid=lead-new]');
      await page.locator('.ant-modal [data-testid=lead-form]').waitFor();
      await page.click('[data-testid=lead-submit]');
      expect(await fieldError(page, 'name')).toBe('请填写项目名称');
      expect(await fieldError(page, 'responsiblePerson')).toBe('请填写责任人');
      await page.fill('[data-testid=lead-name]', '光刻胶材料国产化项目');
      await chooseOption(page, 'lead-chain', '集成电路', { within: '.ant-modal' });
      // The node list opens once the chain is chosen and its nodes have arrived.
      await page.waitForSelector('.ant-select:not(.ant-select-disabled):is([data-testid=lead-node], :has([data-testid=lead-node]))');
      await chooseOption(page, 'lead-node', '光刻胶', { within: '.ant-modal', search: true });
      await page.fill('[data-testid=lead-amount]', '0');
      await page.fill('[data-testid=lead-person]', '张伟');
      await page.fill('[data-testid=lead-unit]', '沈抚示范区招商局');
      await page.click('[data-testid=lead-submit]');
      // The server refuses a zero amount: said under the field.
      expect(await fieldError(page, 'amount')).toContain('计划投资额须大于 0');
      await page.fill('[data-testid=lead-amount]', '120000');
      await page.click('[data-testid=lead-submit]');
      await page.waitForSelector('[data-testid=lead-title]:has-text("光刻胶材料国产化项目")');

      await page.fill('[data-testid=visit-note]', '赴企业总部拜访，商谈在示范区设立生产基地');
      await page.click('[data-testid=visit-submit]');
      await page.waitForSelector('[data-testid=lead-steps]:has-text("走访")');

      await chooseOption(page, 'move-stage', '已签约');
      await page.fill('[data-testid=move-note]', '签订投资协议');
      await page.click('[data-testid=move-submit]');
      await page.waitForSelector('[data-testid=lead-stage]:has-text("已签约")');
      await shot(page, 'investment-02-signed');

      await page.fill('[data-testid=convert-code]', 'SF 01');
      await page.fill('[data-testid=convert-leader]', '沈抚示范区管委会副主任');
      await chooseOption(page, 'convert-secretary', '周明');
      await page.click('[data-testid=convert-submit]');
      expect(await fieldError(page, 'code')).toContain('项目编码只能含字母、数字和连字符');
      await page.fill('[data-testid=convert-code]', 'SF-E2E-01');
      await page.click('[data-testid=convert-submit]');
      await page.waitForSelector('[data-testid=lead-stage]:has-text("入重点项目库")');
      expect(await page.textContent('[data-testid=lead-project]')).toContain('SF-E2E-01');
      expect(await page.textContent('[data-testid=lead-steps]')).toContain('转入重点项目');
      await shot(page, 'investment-03-key-project');

      await page.goto(admin.server.url + '/investment/board');
      await page.waitForSelector('[data-testid=board-signed]');
      expect(await page.textContent('[data-testid=board-signed]')).toMatch(/目标 80/);
      expect(await page.textContent('[data-testid=board-platform-share]')).toMatch(/\d+\.\d%/);
      await shot(page, 'investment-04-board');

      // 撮合 and the brief: 龙芯's page puts the local 蓝卡 first, with the reason; its brief prints on one A4 page.
      await page.click('[data-testid=tab-companies]');
      const search = page.locator('input[data-testid=company-search], [data-testid=company-search] input').first();
      await search.fill('龙芯');
      await search.press('Enter');
      await page.locator('[data-testid=companies] tbody tr button:has-text("龙芯")').click();
      await page.waitForSelector('[data-testid=matches] tbody tr');
      const best = page.locator('[data-testid=matches] tbody tr').first();
      expect(await best.textContent()).toContain('蓝卡');
      expect(await best.textContent()).toContain('其“汽车电子”（下游）以“处理器（CPU）”（中游）为投入');
      await shot(page, 'investment-05-matchmaking');
      await page.click('[data-testid=company-brief]');
      await page.waitForSelector('[data-testid=brief-matches]');
      expect(await page.textContent('[data-testid=brief-nodes]')).toContain('处理器（CPU）');
      expect(await page.textContent('[data-testid=brief-visits]')).toContain('考察');
      await shot(page, 'investment-06-brief');
      await page.emulateMedia({ media: 'print' });
      expect(await page.isVisible('[data-testid=brief-print]')).toBe(false);
      await shot(page, 'investment-07-brief-print');
      const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
      expect(pdf.match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
    } finally {
      await context.close();
    }
  });
});
