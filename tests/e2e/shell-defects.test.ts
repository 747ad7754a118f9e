/**
 * Defects found when the admin was tried as a new user would, each checked in a real browser
 * (tests/e2e/browser.ts): the header on a 390×844 phone, the audit log in Chinese with who, what
 * changed and filters, and antd date pickers (zh-CN) instead of the browser's own date inputs.
 */
import type { Page } from 'playwright-core';
import { adminInBrowser, browserDescribe, chooseOption, pickOption } from './browser';

browserDescribe('the admin’s defects, fixed', () => {
  const admin = adminInBrowser();
  const { newPage, signIn, shot } = admin;

  /** Everything in the header bar stays inside it and inside the screen. */
  async function headerSpills(page: Page): Promise<string[]> {
    return page.$eval('[data-testid=header]', (header) => {
      const bar = header.getBoundingClientRect();
      const out: string[] = [];
      if (header.scrollWidth > header.clientWidth + 1) out.push(`header scrolls: ${header.scrollWidth} > ${header.clientWidth}`);
      for (const el of Array.from(header.querySelectorAll('button, a, span.ant-typography, strong'))) {
        const r = el.getBoundingClientRect();
        if (r.width === 0) continue;
        if (r.right > Math.min(bar.right, window.innerWidth) + 1 || r.left < bar.left - 1 || r.bottom > bar.bottom + 1 || r.top < bar.top - 1) {
          out.push(`${(el.textContent ?? '').trim()} at ${Math.round(r.left)}–${Math.round(r.right)} × ${Math.round(r.top)}–${Math.round(r.bottom)}`);
        }
      }
      return out;
    });
  }

  test('on a 390×844 phone the header keeps the title and the user inside the bar', async () => {
    for (const [username, paths] of [
      ['admin.shenyang', ['/', '/projects', '/admin/users', '/audit']],
      ['secretary.lijun', ['/', '/secretaries']],
    ] as const) {
      const { context, page } = await newPage({ width: 390, height: 844 });
      try {
        await signIn(page, username);
        await page.waitForSelector('[data-testid=viewer]');
        for (const path of paths) {
          await page.goto(admin.server.url + path);
          await page.waitForSelector('[data-testid=header] [data-testid=viewer]');
          await page.waitForTimeout(300);
          expect({ username, path, spills: await headerSpills(page) }).toEqual({ username, path, spills: [] });
        }
        await shot(page, `defects-header-phone-${username}`);
      } finally {
        await context.close();
      }
    }
  });

  test('the audit log speaks Chinese, names who signed in, shows what changed and filters', async () => {
    const token = await admin.server.login('admin.shenyang');
    const { data } = await admin.server.gql<{ areas: Array<{ id: string; settings: { noContactDays: number } }> }>('{ areas { id settings { noContactDays } } }', {}, token);
    const city = data!.areas[0];
    const changed = await admin.server.gql('mutation($id: ID!, $days: Int!) { updateCitySettings(cityId: $id, input: { noContactDays: $days }) { noContactDays } }', { id: city.id, days: city.settings.noContactDays + 15 }, token);
    expect(changed.errors).toBeUndefined();

    const { context, page } = await newPage();
    try {
      await signIn(page, 'admin.shenyang');
      await page.waitForSelector('[data-testid=viewer]');
      await page.click('[data-testid=nav-audit]');
      await page.waitForSelector('[data-testid=audit-table] tr.ant-table-row');
      const table = (await page.textContent('[data-testid=audit-table]'))!;
      expect(table).not.toMatch(/auth\.login|citySettings\.update|\bSession\b/);
      await shot(page, 'defects-audit-log');

      // Sign-ins: in Chinese, with whose sign-in it was.
      await page.click('[data-testid=audit-action]');
      await page.keyboard.type('登录');
      await pickOption(page, '登录');
      await page.waitForSelector('[data-testid=audit-table] tr.ant-table-row [data-testid=audit-who]:has-text("admin.shenyang")');
      const actions = await page.$$eval('[data-testid=audit-table] [data-testid=audit-action-label]', (els) => [...new Set(els.map((e) => e.textContent))]);
      expect(actions).toEqual(['登录']);
      const api = await admin.server.gql<{ auditLog: { totalCount: number } }>('{ auditLog(action: "auth.login") { totalCount } }', {}, token);
      expect(await page.textContent('[data-testid=audit-table-pager-total]')).toBe(`共 ${api.data!.auditLog.totalCount} 条`);
      await shot(page, 'defects-audit-sign-ins');

      // The settings change: who, and the field's old and new value.
      await page.click('[data-testid=audit-filters] button:has-text("清除筛选")');
      await chooseOption(page, 'audit-entity', '城市参数');
      const row = page.locator('[data-testid=audit-table] tr.ant-table-row', { hasText: '修改城市参数' }).first();
      await row.waitFor();
      expect(await row.textContent()).toContain(`无联系预警天数：${city.settings.noContactDays} → ${city.settings.noContactDays + 15}`);
      expect(await row.locator('[data-testid=audit-who]').textContent()).toBe('admin.shenyang');
      await shot(page, 'defects-audit-settings-change');

      // Nobody by that name: an empty list, not an error.
      await page.fill('[data-testid=audit-actor] input, input[data-testid=audit-actor]', 'nobody.here');
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-testid=audit-table-pager-total]:has-text("共 0 条")');
    } finally {
      await context.close();
    }
  });

  test('dates are picked with antd’s zh-CN pickers, not the browser’s date inputs', async () => {
    const { context, page } = await newPage();
    try {
      await signIn(page, 'secretary.lijun');
      await page.waitForSelector('[data-testid=viewer]');
      await page.goto(admin.server.url + '/secretaries');
      await page.locator('[data-testid=my-projects] tr.ant-table-row [data-testid=action-log]').first().click();
      await page.waitForSelector('[data-testid=log-date]');
      expect(await page.locator('input[type=date], input[type=month]').count()).toBe(0);
      await page.locator('[data-testid=log-date] input, input[data-testid=log-date]').first().click();
      // The panel is Chinese: its weekdays read 一 … 日.
      await page.waitForSelector('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden) th:has-text("一")');
      await shot(page, 'defects-date-picker-zh');
    } finally {
      await context.close();
    }
  });
});
