/**
 * Notices in the admin (tests/e2e/browser.ts): secretary.lijun's report reminder shows on the bell,
 * in his inbox and on his home page's to-do list, and 去办理 opens that report's form; an admin
 * configures an outbound channel and sees its deliveries.
 */
import { remindersTick } from '../../services/api/src/modules/reminders/reminders.job';
import { adminInBrowser, browserDescribe, chooseOption } from './browser';

browserDescribe('notices in Chromium', () => {
  const admin = adminInBrowser();
  const { newPage, signIn, shot } = admin;

  test('secretary.lijun’s inbox shows his report due, and 去办理 opens its form', async () => {
    // Monday 2020-11-02: three working days before Dalian's October reports are due (the 5th).
    await admin.server.server.db.transaction((em) => remindersTick(em, '2020-11-02'));
    const { context, page } = await newPage();
    try {
      await signIn(page, 'secretary.lijun');
      await page.waitForURL((u) => u.pathname !== '/');
      const bell = page.locator('[data-testid=bell-count] .ant-badge-count');
      await bell.waitFor();
      expect(Number(await bell.getAttribute('title'))).toBeGreaterThan(0);
      await page.click('[data-testid=bell]');
      await page.waitForURL(/\/notices$/);
      const item = page.locator('[data-testid^=notice-]', { hasText: '填报月报：凯丹广场（2020-10）' }).first();
      await item.waitFor();
      expect(await item.textContent()).toContain('2020-11-05 截止');
      // A yellow or red project's reminder says what would make it green.
      expect(await page.textContent('[data-testid=notices-list]')).toContain('转绿条件');
      await shot(page, 'notices-inbox-secretary');

      // The home page's to-do list shows it too.
      await page.goto(admin.server.url + '/');
      await page.waitForSelector('[data-testid=todo]');
      expect(await page.textContent('[data-testid=todo]')).toContain('【提醒】填报月报：凯丹广场（2020-10）');

      await page.click('[data-testid=bell]');
      await item.waitFor();
      await item.locator('[data-testid^=notice-go-]').click();
      await page.waitForSelector('[data-testid=project-detail] [data-testid=report-form]');
      expect(page.url()).toMatch(/\/projects\?open=\d+&report=2020-10$/);
      expect(await page.inputValue('[data-testid=report-period] input, input[data-testid=report-period]')).toBe('2020年10月');

      // Opening it marked it read (the project's drawer covers the header: go by address).
      await page.goto(admin.server.url + '/notices');
      await page.waitForSelector('[data-testid=notices-list]');
      expect(await page.locator('[data-testid^=notice-]', { hasText: '填报月报：凯丹广场（2020-10）' }).count()).toBe(0);

      // Preferences: one switch per kind.
      await page.click('[data-testid=notices-tab-preferences]');
      await page.waitForSelector('[data-testid=pref-inbox-REPORT_DUE_SOON]');
    } finally {
      await context.close();
    }
  });

  test('an admin configures an outbound channel and sees its deliveries', async () => {
    const { context, page } = await newPage();
    try {
      await signIn(page, 'admin.shenyang');
      await page.waitForURL((u) => u.pathname !== '/');
      await page.goto(admin.server.url + '/admin/notices');
      await page.click('[data-testid=new-channel]');
      await chooseOption(page, 'channel-kind', '钉钉');
      await page.fill('[data-testid=channel-name]', '沈阳市钉钉网关');
      await page.fill('[data-testid=channel-url]', 'http://127.0.0.1:9/hook');
      await page.fill('[data-testid=channel-secret]', 'short');
      await page.click('.ant-modal-footer .ant-btn-primary');
      await page.waitForSelector('.ant-form-item-explain-error');
      expect(await page.textContent('.ant-modal')).toContain('签名密钥须为 16 到 128 个字符');
      await page.fill('[data-testid=channel-secret]', 'a-long-enough-secret-0123456789');
      await page.click('.ant-modal-footer .ant-btn-primary');
      await page.locator('[data-testid=channel-table]', { hasText: '沈阳市钉钉网关' }).waitFor();
      await page.waitForSelector('[data-testid=delivery-table]');
      await shot(page, 'notices-channels-admin');
    } finally {
      await context.close();
    }
  });
});
