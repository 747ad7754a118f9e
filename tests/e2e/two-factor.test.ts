/**
 * Two-factor sign-in in a real browser (tests/e2e/browser.ts), with ADMIN_TOTP=required as in
 * production: admin.liaoning enrols an authenticator at its first sign-in (QR code, a code from it,
 * recovery codes shown once), signs in again with a code (a wrong one is refused under the field),
 * and revokes the session of another browser from 修改密码 → 登录会话, which then signs in afresh;
 * then, in 系统管理 → 用户, removes another admin's lost second factor and resets a secretary's
 * password, and the secretary must change it at sign-in.
 */
import type { Page } from 'playwright-core';
import { totpCode } from '../../services/api/src/core/auth/totp';
import { User } from '../../services/api/src/core/auth/user.entity';
import { adminInBrowser, browserDescribe, chooseOption, PASSWORD } from './browser';

browserDescribe('two-factor sign-in in Chromium', () => {
  const admin = adminInBrowser({ config: { adminTotp: 'required' } });
  const { newPage, signIn, shot } = admin;
  let secret = '';

  async function enterCode(page: Page, code: string) {
    await page.fill('#totp-code', code);
    await page.click('[data-testid=totp-verify]');
  }

  /**
   * Waits out the last seconds of a 30-second step, so a code made for the previous, this or the next
   * step reaches the server while that step is still within its one step of drift, however slowly the
   * browser submits it on a loaded machine.
   */
  async function clearOfStepEdge(): Promise<void> {
    const into = Date.now() % 30_000;
    if (into > 18_000) await new Promise((r) => setTimeout(r, 30_000 - into + 250));
  }

  test('an admin enrols an authenticator at the first sign-in and gets in with a code afterwards', async () => {
    const { context, page } = await newPage();
    try {
      await signIn(page, 'admin.liaoning');
      await page.waitForSelector('[data-testid=sign-in-step-ENROL_TOTP]');
      await page.waitForSelector('[data-testid=totp-qr] canvas');
      expect(await page.textContent('[data-testid=totp-enrol]')).toContain('管理员账号必须启用两步验证');
      secret = ((await page.textContent('[data-testid=totp-secret]')) ?? '').replace(/\s/g, '');
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      await shot(page, 'two-factor-01-enrol');

      // A wrong code is refused under the field; the right one enrols.
      await page.fill('#totp-enrol-code', totpCode(secret, Date.now() - 10 * 30_000));
      await page.click('[data-testid=totp-confirm]');
      await page.waitForSelector('.ant-form-item-explain-error');
      expect(await page.textContent('.ant-form-item-explain-error')).toContain('验证码不正确');
      await clearOfStepEdge();
      await page.fill('#totp-enrol-code', totpCode(secret, Date.now()));
      await page.click('[data-testid=totp-confirm]');
      await page.waitForSelector('[data-testid=recovery-codes]');
      const codes = await page.$$eval('[data-testid=recovery-code]', (items) => items.map((i) => i.textContent ?? ''));
      expect(codes).toHaveLength(10);
      for (const c of codes) expect(c).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);
      await shot(page, 'two-factor-02-recovery-codes');
      await page.click('[data-testid=recovery-saved]');
      await page.waitForSelector('[data-testid=viewer]');
      expect(await page.textContent('[data-testid=viewer]')).toContain('辽宁省');

      // Signed out and in again: the password alone is not enough.
      await page.click('[data-testid=sign-out]');
      await page.waitForSelector('#username');
      await signIn(page, 'admin.liaoning');
      await page.waitForSelector('[data-testid=sign-in-step-TOTP]');
      await shot(page, 'two-factor-03-code');
      await enterCode(page, '000000');
      await page.waitForSelector('.ant-form-item-explain-error');
      expect(await page.textContent('.ant-form-item-explain-error')).toContain('验证码不正确');
      // The enrolment's code was used: the next step's code signs in.
      await clearOfStepEdge();
      await enterCode(page, totpCode(secret, Date.now() + 30_000));
      await page.waitForSelector('[data-testid=viewer]');
      // Reloading the page keeps the session.
      await page.reload();
      await page.waitForSelector('[data-testid=viewer]');
    } finally {
      await context.close();
    }
  });

  test('a session signed in elsewhere is listed and revoked from the account page', async () => {
    await admin.server.server.db.query('UPDATE users SET totp_last_step = NULL, failed_logins = 0 WHERE username = ?', ['admin.liaoning']);
    const other = await newPage();
    const mine = await newPage();
    try {
      await signIn(other.page, 'admin.liaoning', PASSWORD);
      await other.page.waitForSelector('[data-testid=sign-in-step-TOTP]');
      await clearOfStepEdge();
      await enterCode(other.page, totpCode(secret, Date.now() - 30_000));
      await other.page.waitForSelector('[data-testid=viewer]');

      await signIn(mine.page, 'admin.liaoning', PASSWORD);
      await mine.page.waitForSelector('[data-testid=sign-in-step-TOTP]');
      await clearOfStepEdge();
      await enterCode(mine.page, totpCode(secret, Date.now()));
      await mine.page.waitForSelector('[data-testid=viewer]');
      await mine.page.click('[data-testid=viewer]');
      await mine.page.waitForSelector('[data-testid=sessions] tr.ant-table-row');
      expect(await mine.page.textContent('[data-testid=two-factor]')).toContain('已启用');
      const rows = mine.page.locator('[data-testid=sessions] tr.ant-table-row');
      expect(await rows.count()).toBeGreaterThanOrEqual(2);
      expect(await mine.page.textContent('[data-testid=sessions]')).toContain('当前会话');
      await shot(mine.page, 'two-factor-04-sessions');
      const before = await rows.count();
      await mine.page.locator('[data-testid^=revoke-session-]').first().click();
      await mine.page.locator('.ant-popconfirm .ant-btn-primary').click();
      await mine.page.waitForFunction((n) => document.querySelectorAll('[data-testid=sessions] tr.ant-table-row').length === n - 1, before);

      // The other browser's cookie no longer works: its next page load asks to sign in.
      await other.page.reload();
      await other.page.waitForSelector('#username');
    } finally {
      await other.context.close();
      await mine.context.close();
    }
  });

  test('a password reset by an admin is temporary: the next sign-in changes it, under the policy', async () => {
    await admin.server.server.db.query('UPDATE users SET totp_last_step = NULL, failed_logins = 0 WHERE username = ?', ['admin.liaoning']);
    const { context, page } = await newPage();
    try {
      await signIn(page, 'admin.liaoning');
      await page.waitForSelector('[data-testid=sign-in-step-TOTP]');
      await clearOfStepEdge();
      await enterCode(page, totpCode(secret, Date.now() + 30_000));
      await page.waitForSelector('[data-testid=viewer]');
      // 沈阳市's admin lost its phone: the province's admin removes its second factor.
      await admin.server.server.db.getRepository(User).update({ username: 'admin.shenyang' }, { totpSecret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', totpEnabledAt: new Date() });
      await page.goto(admin.server.url + '/admin/users');
      await chooseOption(page, 'user-role-filter', '管理员');
      await page.waitForSelector('[data-testid=user-status-admin\\.shenyang] >> text=两步验证');
      await page.click('[data-testid=reset-two-factor-admin\\.shenyang]');
      await page.locator('.ant-popconfirm .ant-btn-primary').click();
      await page.waitForSelector('.ant-message >> text=已重置');
      await page.waitForFunction(() => !document.querySelector('[data-testid="user-status-admin.shenyang"]')?.textContent?.includes('两步验证'));
      const [shenyang] = (await admin.server.server.db.query('SELECT totp_secret FROM users WHERE username = ?', ['admin.shenyang'])) as { totp_secret: string | null }[];
      expect(shenyang.totp_secret).toBeNull();

      await chooseOption(page, 'user-role-filter', '服务秘书');
      await page.click('[data-testid=reset-password-secretary\\.lijun]');
      const dialog = page.locator('[data-testid=reset-password-dialog]');
      await dialog.locator('#reset-password').fill('Temporary@2026x');
      await dialog.locator('#reset-password-confirm').fill('Temporary@2026x');
      await page.click('.ant-modal .ant-btn-primary');
      await page.waitForSelector('[data-testid=user-status-secretary\\.lijun] >> text=须修改密码');
      await shot(page, 'two-factor-05-reset');
    } finally {
      await context.close();
    }

    const secretary = await newPage();
    try {
      await signIn(secretary.page, 'secretary.lijun', 'Temporary@2026x');
      await secretary.page.waitForSelector('[data-testid=sign-in-step-CHANGE_PASSWORD]');
      await secretary.page.fill('#step-current-password', 'Temporary@2026x');
      // The temporary password itself is refused as the new one, under the field.
      await secretary.page.fill('#step-new-password', 'Temporary@2026x');
      await secretary.page.fill('#step-confirm-password', 'Temporary@2026x');
      await secretary.page.click('[data-testid=step-change-password]');
      await secretary.page.waitForSelector('.ant-form-item-explain-error');
      expect(await secretary.page.textContent('.ant-form-item-explain-error')).toContain('最近');
      await secretary.page.fill('#step-new-password', 'LiJun@Zhongshan2026');
      await secretary.page.fill('#step-confirm-password', 'LiJun@Zhongshan2026');
      await secretary.page.click('[data-testid=step-change-password]');
      await secretary.page.waitForSelector('[data-testid=viewer]');
      expect(await secretary.page.textContent('[data-testid=viewer]')).toContain('李军');
    } finally {
      await secretary.context.close();
    }
  });
});
