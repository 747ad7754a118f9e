/**
 * 人大监督 in a real browser: a delegate of Fuxin's 第一监督小组 records an inspection with an advice
 * to the lead department (the empty form refused); Fuxin's admin finds it on the list with the
 * overdue advice flagged and enters the department's answer; the tracking code's public page shows
 * the inspection and the answer.
 */
import type { Page } from 'playwright-core';
import { adminInBrowser, browserDescribe, typeInPicker } from './browser';

browserDescribe('supervision of livelihood projects in the browser', () => {
  const admin = adminInBrowser();

  async function signedIn(username: string): Promise<Page> {
    const { page } = await admin.newPage();
    await admin.signIn(page, username);
    await page.waitForSelector('[data-testid=viewer]');
    return page;
  }

  test('a supervision group’s finding gets the department’s answer', async () => {
    const url = admin.server.url;
    const delegate = await signedIn('delegate.001');
    await delegate.goto(url + '/livelihood/supervision');
    await delegate.waitForSelector('[data-testid=supervision-group]');
    await delegate.click('[data-testid=inspection-record]');
    await delegate.waitForSelector('[data-testid=inspection-form]');
    await delegate.click('[data-testid=inspection-save]');
    await delegate.waitForSelector('[data-testid=inspection-form] .ant-form-item-explain-error');
    await typeInPicker(delegate, 'inspection-date', '2021-07-20');
    await delegate.fill('[data-testid=inspection-place]', '海州区西山街道平安小区');
    await delegate.fill('[data-testid=inspection-findings]', '楼道照明和单元门尚未更换');
    await delegate.click('[data-testid=inspection-add-advice]');
    await delegate.fill('[data-testid=inspection-advice] textarea', '8月底前完成楼道照明和单元门更换');
    await delegate.click('[data-testid=inspection-save]');
    await delegate.waitForSelector('[data-testid=inspection-form]', { state: 'detached' });
    await delegate.waitForFunction(() => document.querySelector('[data-testid=project-supervision]')?.textContent?.includes('楼道照明和单元门尚未更换'));
    await admin.shot(delegate, 'livelihood-supervision-inspection');

    const fx = await signedIn('admin.fuxin');
    await fx.goto(url + '/livelihood/supervision');
    await fx.waitForSelector('[data-testid=advices]');
    expect(await fx.locator('[data-testid=advices] [data-state=OVERDUE]').count()).toBeGreaterThan(0);
    const row = fx.locator('[data-testid=advices] tr', { hasText: '8月底前完成楼道照明和单元门更换' });
    await row.locator('[data-testid=advice-answer]').click();
    await fx.fill('[data-testid=answer-text]', '已于8月25日完成楼道照明和单元门更换');
    await fx.fill('[data-testid=answer-by]', '市住房和城乡建设局 城市建设科');
    await fx.click('[data-testid=answer-save]');
    await row.locator('[data-testid=advice-answer-text]').waitFor();
    expect(await row.textContent()).toContain('已于8月25日完成楼道照明和单元门更换');
    await admin.shot(fx, 'livelihood-supervision-answered');

    const { page: p } = await admin.newPage();
    await p.goto(url + '/public/votes/track/MS2021DEMO10');
    await p.waitForSelector('[data-testid=track-timeline]');
    await p.waitForFunction(() => document.querySelector('[data-testid=track-timeline]')?.textContent?.includes('已于8月25日完成楼道照明和单元门更换'));
    expect(await p.locator('[data-testid=track-step-INSPECTED]').count()).toBe(2);
  });
});
