/**
 * 系统管理 in a real browser (tests/e2e/browser.ts): users (create, refused inputs under their fields,
 * unlock a locked account, disable), API tokens (created, shown once, working, revoked), city settings
 * (ranking weights that do not add up refused under the field, then saved), the month-end job with its
 * result, and 修改密码 for a secretary.
 */
import type { Page } from 'playwright-core';
import { adminInBrowser, browserDescribe, chooseOption, PASSWORD } from './browser';

browserDescribe('administration in Chromium', () => {
  const admin = adminInBrowser();
  const { newPage, signIn, shot } = admin;

  /** The error antd shows under the form field `name` (by its label's `for`). */
  async function fieldError(page: Page, name: string): Promise<string> {
    const item = page.locator('.ant-form-item', { has: page.locator(`#${name}, [id$="_${name}"]`) }).first();
    const explain = item.locator('.ant-form-item-explain-error').first();
    await explain.waitFor();
    return (await explain.textContent()) ?? '';
  }

  test('a city admin creates a user, unlocks a locked account and disables one', async () => {
    const { context, page } = await newPage();
    try {
      await signIn(page, 'admin.shenyang');
      await page.waitForSelector('[data-testid=viewer]');
      await page.click('[data-testid=nav-admin]');
      await page.waitForSelector('[data-testid=user-table] tr.ant-table-row');
      expect(page.url()).toMatch(/\/admin$/);
      const token = await admin.server.login('admin.shenyang');
      const api = await admin.server.gql<{ users: { totalCount: number } }>('{ users { totalCount } }', {}, token);
      expect(await page.textContent('[data-testid=user-table-pager-total]')).toBe(`共 ${api.data!.users.totalCount} 条`);
      await shot(page, 'admin-01-users');

      // The form checks what the API checks before sending…
      await page.click('[data-testid=new-user]');
      const dialog = page.locator('.ant-modal');
      await dialog.waitFor();
      await dialog.locator('#username').fill('王 伟');
      await dialog.locator('#displayName').fill('王伟');
      await dialog.locator('#password').fill('short1A');
      await dialog.locator('#confirm').fill('short1B');
      await page.click('.ant-modal .ant-btn-primary');
      expect(await fieldError(page, 'username')).toBe('用户名只能包含字母、数字、点、横线和下划线');
      expect(await fieldError(page, 'password')).toBe('密码须为 10 至 128 个字符');
      expect(await fieldError(page, 'confirm')).toBe('两次输入的密码不一致');
      expect(await fieldError(page, 'areaId')).toBe('请选择所属区划');
      await shot(page, 'admin-02-new-user-refused');

      // …and a taken username, which only the server knows, is shown under the username too.
      await dialog.locator('#username').fill('admin.sujiatun');
      await dialog.locator('#password').fill('Shenyang#2026');
      await dialog.locator('#confirm').fill('Shenyang#2026');
      await dialog.locator('[data-testid=new-user-area]').click();
      await page.locator('.ant-select-tree-node-content-wrapper', { hasText: '苏家屯区' }).first().click();
      await chooseOption(page, 'new-user-role', '服务秘书', { within: '.ant-modal' });
      await page.click('.ant-modal .ant-btn-primary');
      expect(await fieldError(page, 'username')).toBe('用户名 admin.sujiatun 已存在');
      await shot(page, 'admin-03-new-user-taken');

      await dialog.locator('#username').fill('Secretary.Wangwei');
      await page.click('.ant-modal .ant-btn-primary');
      await page.waitForSelector('.ant-message >> text=已创建用户 secretary.wangwei');
      await chooseOption(page, 'user-role-filter', '服务秘书');
      await page.waitForSelector('[data-testid=user-table] tr.ant-table-row:has-text("secretary.wangwei")');
      const created = await admin.server.gql<{ users: { nodes: Array<{ username: string; role: string; area: { name: string } }> } }>(
        '{ users(role: SECRETARY, first: 100) { nodes { username role area { name } } } }',
        {},
        token,
      );
      expect(created.data!.users.nodes).toContainEqual({ username: 'secretary.wangwei', role: 'SECRETARY', area: { name: '苏家屯区' } });
      // The new account signs in with its initial password.
      await admin.server.login('secretary.wangwei', 'Shenyang#2026');
      await shot(page, 'admin-04-user-created');

      // Five wrong passwords lock 苏家屯区's admin; the city admin lifts the lock.
      for (let i = 0; i < 5; i++) {
        await admin.server.gql('mutation { login(username: "admin.sujiatun", password: "Wrong-password-1") { token } }');
      }
      const locked = await admin.server.gql('mutation { login(username: "admin.sujiatun", password: "Liaoning@2020") { token } }');
      expect(locked.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      await chooseOption(page, 'user-role-filter', '管理员');
      const status = page.locator('[data-testid=user-status-admin\\.sujiatun]');
      await status.waitFor();
      expect(await status.textContent()).toContain('锁定至');
      await shot(page, 'admin-05-user-locked');
      await page.click('[data-testid=unlock-admin\\.sujiatun]');
      await page.waitForSelector('.ant-message >> text=已解锁');
      await page.waitForSelector('[data-testid=user-status-admin\\.sujiatun]:not(:has-text("锁定至"))');
      await admin.server.login('admin.sujiatun');

      // Disabling asks first; the disabled account cannot sign in until enabled again.
      await page.click('[data-testid=disable-admin\\.dadong]');
      await page.click('.ant-popconfirm .ant-btn-dangerous, .ant-popconfirm .ant-btn-primary');
      await page.waitForSelector('[data-testid=user-status-admin\\.dadong]:has-text("已停用")');
      const refused = await admin.server.gql('mutation { login(username: "admin.dadong", password: "Liaoning@2020") { token } }');
      expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      await shot(page, 'admin-06-user-disabled');
      await page.click('[data-testid=enable-admin\\.dadong]');
      await page.waitForSelector('[data-testid=user-status-admin\\.dadong]:has-text("启用")');
      await admin.server.login('admin.dadong');
      // Nobody disables themselves: the city admin's own row has no such button.
      expect(await page.$('[data-testid=disable-admin\\.shenyang]')).toBeNull();
    } finally {
      await context.close();
    }
  });

  test('a city admin issues an analyst’s API token, shown once, and revokes it', async () => {
    const { context, page } = await newPage();
    try {
      await signIn(page, 'admin.shenyang');
      await page.waitForSelector('[data-testid=viewer]');
      await page.goto(admin.server.url + '/admin/tokens');
      await page.waitForSelector('[data-testid=new-token]');
      await page.click('[data-testid=new-token]');
      const dialog = page.locator('.ant-modal');
      await dialog.locator('#name').fill('   ');
      await page.click('.ant-modal .ant-btn-primary');
      expect(await fieldError(page, 'name')).toBe('请输入 1 至 100 个字的用途');
      await dialog.locator('#name').fill('统计局季度分析');
      await dialog.locator('#expiresInDays').fill('30');
      await dialog.locator('[data-testid=new-token-area]').click();
      await page.locator('.ant-select-tree-node-content-wrapper', { hasText: '苏家屯区' }).first().click();
      // Figures are ticked already; projects are added, contacts left out.
      await dialog.locator('[data-testid=new-token-scopes]').getByText('项目、服务秘书、问题、调度会').click();
      await shot(page, 'admin-07-new-token');
      await page.click('.ant-modal .ant-btn-primary');
      const secret = (await (await page.waitForSelector('[data-testid=token-secret]')).textContent())!.trim();
      expect(secret.length).toBeGreaterThan(30);
      await shot(page, 'admin-08-token-shown-once');

      // The token reads 苏家屯区 only, as an analyst.
      const read = await admin.server.gql<{ districts: Array<{ name: string }> }>('{ districts { name } }', {}, secret);
      expect(read.data!.districts.map((d) => d.name)).toEqual(['苏家屯区']);
      const own = await admin.server.gql<{ currentApiToken: { scopes: string[] } }>('{ currentApiToken { scopes } }', {}, secret);
      expect(own.data!.currentApiToken.scopes).toEqual(['READ_FIGURES', 'READ_PROJECTS']);
      const users = await admin.server.gql('{ users { totalCount } }', {}, secret);
      expect(users.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      await page.click('[data-testid=token-saved]');
      // Closed, it is not shown again: the list has the record, never the secret.
      await page.waitForSelector('[data-testid=token-table] tr.ant-table-row:has-text("统计局季度分析")');
      expect(await page.textContent('[data-testid=token-table]')).not.toContain(secret);
      const row = page.locator('[data-testid=token-table] tr.ant-table-row', { hasText: '统计局季度分析' });
      expect(await row.textContent()).toContain('有效');
      expect(await row.textContent()).toContain('从未');
      expect(await row.textContent()).toContain('项目、服务秘书、问题、调度会');
      expect(await row.textContent()).toContain('苏家屯区');

      await row.locator('[data-testid^=revoke-token-]').click();
      await page.click('.ant-popconfirm .ant-btn-dangerous, .ant-popconfirm .ant-btn-primary');
      await page.waitForSelector('[data-testid=token-table] tr.ant-table-row:has-text("统计局季度分析"):has-text("已吊销")');
      const after = await admin.server.gql('{ districts { name } }', {}, secret);
      expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      await shot(page, 'admin-09-token-revoked');
    } finally {
      await context.close();
    }
  });

  test('a city admin changes the ranking weights and the threshold; a district admin only reads them', async () => {
    const { context, page } = await newPage();
    try {
      await signIn(page, 'admin.shenyang');
      await page.waitForSelector('[data-testid=viewer]');
      await page.goto(admin.server.url + '/admin/settings');
      await page.waitForSelector('[data-testid=settings-form]');
      await shot(page, 'admin-10-settings');
      const weight = (k: string) => page.locator(`input[data-testid=weight-${k}], [data-testid=weight-${k}] input`).first();
      await weight('milestoneRate').fill('0.5');
      await weight('investmentRate').fill('0.3');
      await weight('lights').fill('0.3');
      await page.click('[data-testid=settings-save]');
      expect(await fieldError(page, 'rankingWeights')).toBe('三项权重之和须为 1（现为 1.1）');
      await shot(page, 'admin-11-settings-weights-refused');
      await weight('lights').fill('0.2');
      await page.locator('#libraryThreshold').fill('5000');
      await page.locator('#reportDeadlineDay').fill('10');
      await page.click('[data-testid=settings-save]');
      await page.waitForSelector('.ant-message >> text=已保存 沈阳市 的参数');
      const token = await admin.server.login('admin.shenyang');
      const city = await admin.server.gql<{ areas: Array<{ settings: { libraryThreshold: string; reportDeadlineDay: number; rankingWeights: Record<string, number> } }> }>(
        '{ areas { settings { libraryThreshold reportDeadlineDay rankingWeights { milestoneRate investmentRate lights } } } }',
        {},
        token,
      );
      expect(city.data!.areas[0].settings).toEqual({ libraryThreshold: '50000000.00', reportDeadlineDay: 10, rankingWeights: { milestoneRate: 0.5, investmentRate: 0.3, lights: 0.2 } });
      await shot(page, 'admin-12-settings-saved');
    } finally {
      await context.close();
    }
    const district = await newPage();
    try {
      await signIn(district.page, 'admin.sujiatun');
      await district.page.waitForSelector('[data-testid=viewer]');
      await district.page.goto(admin.server.url + '/admin/settings');
      await district.page.waitForSelector('[data-testid=settings-form]');
      expect(await district.page.textContent('[data-testid=content]')).toContain('区县管理员只能查看');
      expect(await district.page.$('[data-testid=settings-save]')).toBeNull();
      expect(await district.page.inputValue('#libraryThreshold')).toBe('5000');
      await shot(district.page, 'admin-13-settings-district-read-only');
    } finally {
      await district.context.close();
    }
  });

  test('a district admin runs the month-end job and reads its result', async () => {
    const { context, page } = await newPage();
    try {
      await signIn(page, 'admin.sujiatun');
      await page.waitForSelector('[data-testid=viewer]');
      await page.goto(admin.server.url + '/admin/month-end');
      const picker = page.locator('[data-testid=month-end-period] input, input[data-testid=month-end-period]').first();
      await picker.click();
      await picker.fill('2020-11');
      await picker.press('Enter');
      await page.click('[data-testid=month-end-run]');
      await page.click('.ant-popconfirm .ant-btn-primary');
      const first = (await (await page.waitForSelector('[data-testid=month-end-result]')).textContent())!;
      const lit = Number(/为 (\d+) 个项目亮灯/.exec(first)?.[1]);
      expect(first).toContain('2020年11月');
      expect(lit).toBeGreaterThan(0);
      const token = await admin.server.login('admin.sujiatun');
      const board = await admin.server.gql<{ lightBoard: { districts: Array<{ total: number }> } }>('{ lightBoard(period: "2020-11") { districts { total } } }', {}, token);
      expect(board.data!.lightBoard.districts[0].total).toBeGreaterThanOrEqual(lit);
      await shot(page, 'admin-14-month-end');
      // Safe to repeat: the second run lights nothing and says so.
      await page.click('[data-testid=month-end-run]');
      await page.click('.ant-popconfirm .ant-btn-primary');
      await page.waitForSelector('[data-testid=month-end-result]:has-text("没有需要亮灯的项目")');
      await shot(page, 'admin-15-month-end-again');
    } finally {
      await context.close();
    }
  });

  test('a secretary changes its password from the header; the server’s refusal shows under the field', async () => {
    const { context, page } = await newPage();
    try {
      await signIn(page, 'secretary.lijun');
      await page.waitForSelector('[data-testid=viewer]');
      await page.click('[data-testid=viewer]');
      await page.waitForSelector('[data-testid=password-form]');
      expect(page.url()).toMatch(/\/account$/);
      await page.fill('#currentPassword', 'Not-my-password-1');
      await page.fill('#newPassword', 'alllowercase');
      await page.fill('#confirm', 'alllowercase');
      await page.click('[data-testid=change-password]');
      expect(await fieldError(page, 'newPassword')).toBe('密码须包含小写字母、大写字母、数字、符号中的至少三类');
      await page.fill('#newPassword', 'Dalian#2026x');
      await page.fill('#confirm', 'Dalian#2026x');
      await page.click('[data-testid=change-password]');
      expect(await fieldError(page, 'currentPassword')).toBe('原密码不正确');
      await shot(page, 'admin-16-password-refused');
      await page.fill('#currentPassword', PASSWORD);
      await page.click('[data-testid=change-password]');
      await page.waitForSelector('[data-testid=password-changed]');
      await shot(page, 'admin-17-password-changed');
      await admin.server.login('secretary.lijun', 'Dalian#2026x');
      const old = await admin.server.gql('mutation { login(username: "secretary.lijun", password: "Liaoning@2020") { token } }');
      expect(old.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      await context.close();
    }
  });
});
