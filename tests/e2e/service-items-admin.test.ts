/**
 * The service-item editors in a real browser (tests/e2e/browser.ts): a district admin adds an item
 * (a missing name and a visit without a reason are refused under their fields), edits it while
 * someone else changes it (the form says so and offers the latest), and records the hall's zones,
 * windows and the number of windows before the reform.
 */
import type { Page } from 'playwright-core';
import { adminInBrowser, browserDescribe, typeInPicker } from './browser';

browserDescribe('service-item editors in Chromium', () => {
  const admin = adminInBrowser();
  const { newPage, signIn, shot } = admin;

  async function errorUnder(page: Page, testId: string): Promise<string> {
    const item = page.locator('.ant-form-item', { has: page.locator(`[data-testid=${testId}]`) }).first();
    const explain = item.locator('.ant-form-item-explain-error').first();
    await explain.waitFor();
    return (await explain.textContent()) ?? '';
  }

  test('a district admin adds and edits an item, sees a concurrent change, and records the hall’s windows and baseline', async () => {
    const token = await admin.server.login('admin.sujiatun');
    const { context, page } = await newPage();
    try {
      await signIn(page, 'admin.sujiatun');
      await page.waitForSelector('[data-testid=viewer]');
      await page.goto(admin.server.url + '/service-items');
      await page.waitForSelector('[data-testid=service-item-table]');

      // A new item: the form refuses what the server would, under the field.
      await page.click('[data-testid=new-item]');
      await page.locator('[data-testid=item-form]').waitFor();
      await page.fill('[data-testid=item-code]', 'SJT-E2E-0001');
      await page.fill('[data-testid=item-basic-code]', '000105410000');
      await page.fill('[data-testid=item-department]', '苏家屯区市场监督管理局');
      await page.fill('[data-testid=item-visits] input, input[data-testid=item-visits]', '1');
      await page.click('#item-save');
      expect(await errorUnder(page, 'item-name')).toBe('请填写事项名称');
      expect(await errorUnder(page, 'item-visits-reason')).toBe('需要到现场的事项请写明理由');
      await shot(page, 'service-items-admin-01-new-refused');
      await page.fill('[data-testid=item-name]', '食品经营许可（新办）');
      await page.fill('[data-testid=item-visits-reason]', '现场核查经营场所');
      await page.fill('[data-testid=item-legalLimitDays] input, input[data-testid=item-legalLimitDays]', '20');
      await page.fill('[data-testid=item-promisedLimitDays] input, input[data-testid=item-promisedLimitDays]', '5');
      await page.click('#item-save');
      await page.waitForSelector('.ant-message >> text=事项已新增');
      const found = await admin.server.gql<{ serviceItems: { nodes: Array<{ id: string; name: string; visits: number; visitsReason: string; promisedLimitDays: number; version: number }> } }>(
        '{ serviceItems(filter: { search: "SJT-E2E-0001" }) { nodes { id name visits visitsReason promisedLimitDays version } } }',
        {},
        token,
      );
      const item = found.data!.serviceItems.nodes[0];
      expect(item).toMatchObject({ name: '食品经营许可（新办）', visits: 1, visitsReason: '现场核查经营场所', promisedLimitDays: 5 });

      // Edited while someone else changes it: the form says so and saves nothing.
      await page.fill('[data-testid=search] input, input[data-testid=search]', 'SJT-E2E-0001');
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-testid=service-item-table] >> text=食品经营许可（新办）');
      await page.click('[data-testid=service-item-table] [data-testid=edit-item]');
      await page.locator('[data-testid=item-form]').waitFor();
      await page.waitForFunction(() => (document.querySelector('[data-testid=item-name]') as HTMLInputElement | null)?.value === '食品经营许可（新办）');
      const other = await admin.server.gql(
        'mutation($id: ID!, $v: Int!) { updateServiceItem(id: $id, expectedVersion: $v, input: { implementationCode: "SJT-E2E-0001", basicCode: "000105410000", name: "食品经营许可", type: ADMINISTRATIVE_LICENSE, department: "苏家屯区市场监督管理局", byApplication: true, onlineDepth: FULLY_ONLINE, visits: 0, caseKind: PROMISED, legalLimitDays: 20, promisedLimitDays: 5, highFrequency: false }) { version } }',
        { id: item.id, v: item.version },
        token,
      );
      expect(other.errors).toBeUndefined();
      await page.fill('[data-testid=item-name]', '食品经营许可（新办，告知承诺）');
      await page.click('#item-save');
      await page.waitForSelector('[data-testid=item-conflict]');
      expect(await page.textContent('[data-testid=item-conflict]')).toContain('有人在您打开之后修改了这个事项');
      await shot(page, 'service-items-admin-02-conflict');
      // The latest, reopened, saves.
      await page.click('[data-testid=item-conflict] button');
      await page.waitForSelector('[data-testid=item-conflict]', { state: 'detached' });
      await page.waitForFunction(() => (document.querySelector('[data-testid=item-name]') as HTMLInputElement | null)?.value === '食品经营许可');
      await page.fill('[data-testid=item-name]', '食品经营许可（告知承诺）');
      await page.click('#item-save');
      await page.waitForSelector('.ant-message >> text=事项已保存');

      // The hall: the baseline and a zone with two windows.
      await page.click('[data-testid=open-hall]');
      await page.locator('[data-testid=baseline-card]').waitFor();
      await typeInPicker(page, 'baseline-date', '2018-12-31');
      await page.fill('[data-testid=baseline-windows] input, input[data-testid=baseline-windows]', '42');
      await page.click('[data-testid=baseline-save]');
      await page.waitForSelector('[data-testid=baseline-now]:has-text("改革前 42 个窗口")');
      await page.click('[data-testid=add-zone]');
      const zone = page.locator('[data-testid=zone-card]').last();
      await zone.locator('[data-testid=zone-name]').fill('市场准入服务区');
      await zone.locator('[data-testid=window-number-0]').fill('A01');
      await zone.locator('[data-testid=window-name-0]').fill('食品经营许可');
      await zone.locator('[data-testid=add-window]').click();
      await zone.locator('[data-testid=window-number-1]').fill('A02');
      await zone.locator('[data-testid=zone-save]').click();
      await page.waitForSelector('.ant-message >> text=功能区已保存');
      await shot(page, 'service-items-admin-03-hall');

      const districts = await admin.server.gql<{ districts: Array<{ id: string }> }>('{ districts { id } }', {}, token);
      const hall = await admin.server.gql<{ serviceZones: Array<{ name: string; windows: Array<{ number: string; name: string | null }> }>; serviceBaseline: { takenOn: string; windowsBefore: number } }>(
        'query($d: ID!) { serviceZones(districtId: $d) { name windows { number name } } serviceBaseline(districtId: $d) { takenOn windowsBefore } }',
        { d: districts.data!.districts[0].id },
        token,
      );
      expect(hall.data!.serviceBaseline).toEqual({ takenOn: '2018-12-31', windowsBefore: 42 });
      expect(hall.data!.serviceZones).toContainEqual({ name: '市场准入服务区', windows: [{ number: 'A01', name: '食品经营许可' }, { number: 'A02', name: null }] });
      const after = await admin.server.gql<{ serviceItem: { name: string } }>('query($id: ID!) { serviceItem(id: $id) { name } }', { id: item.id }, token);
      expect(after.data!.serviceItem.name).toBe('食品经营许可（告知承诺）');
    } finally {
      await context.close();
    }
  });
});
