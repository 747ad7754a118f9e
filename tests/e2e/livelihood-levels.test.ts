/**
 * Livelihood projects at every level, in a real browser: 苏家屯区's admin runs its county session
 * beside Fuxin's city session while 沈阳市's admin only looks at it; Fuxin's admin finds last year's
 * losing candidates in the reserve library and withdraws one with a reason (the empty reason refused
 * under its field); anyone follows a proposal's tracking code from proposal to evaluation, and
 * supports a county candidate in the public poll once (a second try with the same number refused).
 */
import type { Page } from 'playwright-core';
import { adminInBrowser, browserDescribe, chooseOption } from './browser';

const COUNTY = '苏家屯区人民代表大会会议（演示）';

browserDescribe('livelihood at every level in the browser', () => {
  const admin = adminInBrowser();
  let url: string;
  let page: Page;

  beforeAll(async () => {
    url = admin.server.url;
  });

  async function signedIn(username: string): Promise<Page> {
    const { page: p } = await admin.newPage();
    await admin.signIn(p, username);
    await p.waitForSelector('[data-testid=viewer]');
    return p;
  }

  test('the county admin runs its own session; the city admin sees it read-only; the list filters by level', async () => {
    page = await signedIn('admin.sujiatun');
    await page.goto(url + '/livelihood');
    await page.waitForSelector('[data-testid=session-table]');
    const row = page.locator('[data-testid=session-table] tr', { hasText: COUNTY });
    await row.waitFor();
    expect(await row.textContent()).toContain('区县级');
    await row.click();
    await page.waitForSelector('[data-testid=session-detail]');
    expect(await page.textContent('[data-testid=session-detail]')).toContain('苏家屯区');
    expect(await page.locator('[data-testid=session-not-yours]').count()).toBe(0);
    expect(await page.locator('[data-testid=candidate-editor]').count()).toBe(1);

    const city = await signedIn('admin.shenyang');
    await city.goto(url + '/livelihood');
    await city.waitForSelector('[data-testid=session-table]');
    await chooseOption(city, 'session-level', '乡镇（街道）级');
    await city.waitForFunction(() => !document.querySelector('[data-testid=session-table]')?.textContent?.includes('苏家屯区人民代表大会会议'));
    await chooseOption(city, 'session-level', '区县级');
    await city.locator('[data-testid=session-table] tr', { hasText: COUNTY }).click();
    await city.waitForSelector('[data-testid=session-not-yours]');
    expect(await city.locator('[data-testid=candidate-editor]').count()).toBe(0);
    await admin.shot(city, 'livelihood-county-session-city-view');
  });

  test('the reserve library holds last year’s losing candidates; one is withdrawn with a reason', async () => {
    const fx = await signedIn('admin.fuxin');
    await fx.goto(url + '/livelihood/reserve');
    await fx.waitForSelector('[data-testid=reserve-table]');
    const row = fx.locator('[data-testid=reserve-table] tr', { hasText: '改造城区背街小巷40条' });
    expect(await row.textContent()).toContain('未超过全体代表的半数');
    const id = (await row.locator('button').getAttribute('data-testid'))!.replace('reserve-withdraw-', '');
    await row.locator('button').click();
    await fx.click('[data-testid=reserve-withdraw-confirm]');
    await fx.waitForSelector('[data-testid=reserve-withdraw-form] .ant-form-item-explain-error');
    await fx.fill('[data-testid=reserve-withdraw-reason]', '已列入城市更新计划');
    await fx.click('[data-testid=reserve-withdraw-confirm]');
    await fx.waitForSelector(`[data-testid=reserve-withdraw-${id}]`, { state: 'detached' });
    await admin.shot(fx, 'livelihood-reserve');
  });

  test('anyone follows a tracking code from proposal to evaluation', async () => {
    const { page: p } = await admin.newPage();
    await p.goto(url + '/public/votes/track/MS2021DEMO10');
    await p.waitForSelector('[data-testid=track-timeline]');
    for (const stage of ['SUBMITTED', 'SCREENED', 'CANDIDATE', 'VOTED', 'DELIVERY', 'COMPLETED', 'EVALUATED']) {
      expect(await p.locator(`[data-testid=track-step-${stage}]`).count()).toBeGreaterThan(0);
    }
    expect(await p.textContent('[data-testid=track-step-VOTED]')).toContain('318 / 360');
    await admin.shot(p, 'livelihood-track');
  });

  test('a member of the public supports a candidate once; the delegates see the count as advice', async () => {
    const { page: p } = await admin.newPage({ width: 390, height: 844 });
    await p.goto(url + '/public/votes/support');
    await p.waitForSelector('[data-testid=support-table]');
    const first = p.locator('[data-testid=support-table] button').first();
    const id = (await first.getAttribute('data-testid'))!.replace('support-', '');
    await first.click();
    await p.click('[data-testid=support-submit]');
    await p.waitForSelector('[data-testid=support-form] .ant-form-item-explain-error');
    await p.fill('[data-testid=support-phone]', '0418-123');
    await p.click('[data-testid=support-submit]');
    await p.waitForSelector('[data-testid=support-form] .ant-form-item-explain-error');
    expect(await p.textContent('[data-testid=support-form]')).toContain('手机号码');
    await p.fill('[data-testid=support-phone]', '139 0418 7777');
    await p.click('[data-testid=support-submit]');
    await p.waitForSelector('[data-testid=support-done]');
    expect(await p.textContent(`[data-testid=support-count-${id}]`)).toBe('1');
    await p.click(`[data-testid=support-${id}]`);
    await p.fill('[data-testid=support-phone]', '13904187777');
    await p.click('[data-testid=support-submit]');
    await p.waitForSelector('[data-testid=support-form] [role=alert]');
    expect(await p.textContent('[data-testid=support-form]')).toContain('只能支持一次');

    // Who reads the list without editing it sees the supports beside each candidate.
    const county = await signedIn('admin.shenyang');
    await county.goto(url + '/livelihood');
    await county.locator('[data-testid=session-table] tr', { hasText: COUNTY }).click();
    await county.waitForSelector('[data-testid=session-detail]');
    await county.locator('[data-testid=session-detail] .ant-collapse-header').first().click();
    await county.waitForSelector('[data-testid=candidate-table]');
    expect(await county.textContent('[data-testid=candidate-table]')).toContain('群众支持数（供参考）');
  });
});
