/**
 * Service guides and cases in a real browser (tests/e2e/browser.ts): a citizen on a phone, without
 * signing in, finds 苏家屯区's guide for a high-frequency item and reads its materials, place, hours
 * and promised time; admin.sujiatun reads last year's on-time share and median handling time of that
 * item against its promise; an applicant rates a case on a phone through the link the admin issued,
 * and admin.sujiatun takes a bad rating in rectification one step on; the bundle for 开办企业 shows
 * the materials and visits it saves, in the admin and to a citizen on a phone from its item's guide.
 */
import { rectificationDeadline, shanghaiDate } from '@kpd/domain';
import { adminInBrowser, browserDescribe, typeInPicker } from './browser';

browserDescribe('service guides and cases in Chromium', () => {
  const admin = adminInBrowser();
  const { newPage, signIn, shot } = admin;

  test('a citizen on a phone opens a guide without signing in; admin.sujiatun sees the item’s measured timeliness', async () => {
    const list = await admin.server.gql<{ publicServiceGuides: { totalCount: number; nodes: Array<{ id: string; name: string; promisedLimitDays: number | null; caseKind: string }> } }>(
      '{ publicServiceGuides(first: 50) { totalCount nodes { id name promisedLimitDays caseKind } } }',
      {},
      null,
    );
    expect(list.data!.publicServiceGuides.totalCount).toBeGreaterThan(150);
    const item = list.data!.publicServiceGuides.nodes.find((n) => n.caseKind === 'PROMISED' && (n.promisedLimitDays ?? 0) > 0)!;

    const phone = await newPage({ width: 390, height: 844 });
    try {
      await phone.page.goto(`${admin.server.url}/public/guides`);
      await phone.page.waitForSelector('[data-testid=public-guides] [data-testid=guide-row]');
      await phone.page.fill('[data-testid=guide-search] input', item.name);
      await phone.page.press('[data-testid=guide-search] input', 'Enter');
      await phone.page.click(`[data-testid=guide-row]:has-text("${item.name}")`);
      await phone.page.waitForSelector('[data-testid=public-guide]');
      expect(await phone.page.textContent('[data-testid=guide-title]')).toBe(item.name);
      expect(await phone.page.textContent('[data-testid=guide-promised]')).toBe(`${item.promisedLimitDays}个工作日`);
      expect(await phone.page.textContent('[data-testid=guide-place]')).toContain('苏家屯区政务服务中心');
      expect(await phone.page.textContent('[data-testid=guide-hours]')).toContain('8:30');
      expect(await phone.page.locator('[data-testid=guide-materials] li').count()).toBeGreaterThanOrEqual(2);
      // Phone-friendly: nothing wider than the screen.
      expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await shot(phone.page, 'guide-01-public-phone');
    } finally {
      await phone.context.close();
    }

    const { context, page } = await newPage();
    try {
      await signIn(page, 'admin.sujiatun');
      await page.waitForSelector('[data-testid=viewer]');
      await page.goto(`${admin.server.url}/service-items/cases`);
      const table = await page.waitForSelector('[data-testid=case-figures] tr.ant-table-row');
      expect(await table.textContent()).toMatch(/\d+\.\d%/);
      const token = await admin.server.login('admin.sujiatun');
      const figures = await admin.server.gql<{ serviceCaseFigures: Array<{ sampleTooSmall: boolean; onTimeShare: { percent: number } | null; medianDays: number | null; item: { name: string } }> }>(
        '{ serviceCaseFigures(filter: { from: "2019-10-01", to: "2020-09-30" }, groupBy: ITEM) { sampleTooSmall onTimeShare { percent } medianDays item { name } } }',
        {},
        token,
      );
      const first = figures.data!.serviceCaseFigures[0];
      const firstRow = await page.textContent('[data-testid=case-figures] tr.ant-table-row');
      expect(firstRow).toContain(first.item.name);
      expect(firstRow).toContain(`${first.onTimeShare!.percent.toFixed(1)}%`);
      expect(firstRow).toContain(`${first.medianDays}个工作日`);
      await shot(page, 'guide-02-cases-sujiatun');
    } finally {
      await context.close();
    }
  });

  test('好差评: an applicant rates through the link on a phone; admin.sujiatun sees the bad rating in rectification and records its next step', async () => {
    const { context, page } = await newPage();
    let link: string;
    let caseNo: string;
    try {
      await signIn(page, 'admin.sujiatun');
      await page.waitForSelector('[data-testid=viewer]');
      await page.goto(`${admin.server.url}/service-items/cases`);
      const row = page.locator('[data-testid=case-list] tr.ant-table-row', { has: page.locator('[data-testid=rating-link]') }).first();
      caseNo = (await row.locator('td').first().textContent())!;
      await row.locator('[data-testid=rating-link]').click();
      link = (await page.locator('[data-testid=rating-link-url]').first().textContent())!.trim();
      expect(link).toMatch(new RegExp(`^${admin.server.url}/public/rate/rate_[\\w-]{43}$`));
    } finally {
      await context.close();
    }

    const phone = await newPage({ width: 390, height: 844 });
    try {
      await phone.page.goto(link);
      await phone.page.waitForSelector('[data-testid=public-rate] [data-testid=rate-item]');
      await phone.page.locator('[data-testid=rate-stars] .ant-rate-star').nth(1).locator('div').first().click();
      expect(await phone.page.textContent('[data-testid=rate-label]')).toBe('不满意');
      await phone.page.click('[data-testid=rate-reasons] >> text=办理时间长');
      await phone.page.fill('[data-testid=rate-comment]', '超过承诺时限');
      expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await shot(phone.page, 'guide-03-rate-phone');
      await phone.page.click('[data-testid=rate-submit]');
      expect(await phone.page.textContent('[data-testid=rate-done]')).toContain('5个工作日内核实整改');
      // The link is spent.
      await phone.page.reload();
      await phone.page.waitForSelector('[data-testid=rate-spent]');
    } finally {
      await phone.context.close();
    }

    const token = await admin.server.login('admin.sujiatun');
    const opened = await admin.server.gql<{ serviceRectifications: { nodes: Array<{ nextStep: string; deadline: string; overdue: boolean; rating: { case: { caseNo: string } } }> } }>(
      '{ serviceRectifications(last: 100) { nodes { nextStep deadline overdue rating { case { caseNo } } } } }',
      {},
      token,
    );
    const mine = opened.data!.serviceRectifications.nodes.find((n) => n.rating.case.caseNo === caseNo)!;
    const today = shanghaiDate(new Date());
    expect(mine).toEqual({ nextStep: 'VERIFY', deadline: rectificationDeadline(today), overdue: false, rating: { case: { caseNo } } });

    const again = await newPage();
    try {
      await signIn(again.page, 'admin.sujiatun');
      await again.page.waitForSelector('[data-testid=viewer]');
      await again.page.goto(`${admin.server.url}/service-items/ratings`);
      const figures = await again.page.waitForSelector('[data-testid=rating-figures] tr.ant-table-row');
      expect(await figures.textContent()).toMatch(/\d+\.\d%/);
      // The demo's unrectified bad ratings are past their deadline: listed on their own, the next step of each due.
      await again.page.click('[data-testid=only-overdue]');
      const first = again.page.locator('[data-testid=rectifications] tr.ant-table-row', { has: again.page.locator('[data-testid=overdue]') }).first();
      await first.waitFor();
      // antd spaces a two-character button's label ("整 改"): compare the characters alone.
      const step = (await first.locator('[data-testid=rectification-open]').textContent())!.replace(/\s/g, '');
      expect(['核实', '整改']).toContain(step);
      await first.locator('[data-testid=rectification-open]').click();
      const form = again.page.locator('[data-testid=step-form]');
      if (step === '核实') await form.getByText('差评属实').click();
      await form.locator('[data-testid=step-note]').fill('调阅窗口记录并约谈窗口人员');
      await typeInPicker(again.page, 'step-date', today);
      await shot(again.page, 'guide-04-rectification');
      await form.locator('[data-testid=step-save]').click();
      await again.page.locator('[data-testid=rectification-steps] li', { hasText: '调阅窗口记录并约谈窗口人员' }).waitFor();
    } finally {
      await again.context.close();
    }
  });

  test('一件事: the bundle for 开办企业 shows the materials and visits it saves, in the admin and on a phone without signing in', async () => {
    const { context, page } = await newPage();
    try {
      await signIn(page, 'admin.sujiatun');
      await page.waitForSelector('[data-testid=viewer]');
      await page.goto(`${admin.server.url}/service-items/bundles`);
      const card = page.locator('[data-testid=bundle]', { has: page.locator('[data-testid=bundle-name]', { hasText: '开办企业' }) });
      await card.waitFor();
      expect(await card.locator('[data-testid=saved-materials]').textContent()).toMatch(/^减少\d+$/);
      // The seal, the first invoice and UKey and the bank account are a trip each done alone; one at the one window.
      expect(await card.locator('[data-testid=saved-visits]').textContent()).toMatch(/^减少[1-9]\d*$/);
      expect(await card.textContent()).toContain('公章刻制（沈阳市公安局苏家屯分局，进驻单位）');
      const restaurant = page.locator('[data-testid=bundle]', { hasText: '我要开餐馆' });
      expect(await restaurant.locator('[data-testid=saved-visits]').textContent()).toMatch(/^减少\d+$/);
      const construction = page.locator('[data-testid=bundle]', { hasText: '工程建设项目审批' });
      expect(await construction.locator('[data-testid=bundle-limit]').textContent()).toBe('合计时限符合50个工作日上限');
      await shot(page, 'guide-05-bundles');
    } finally {
      await context.close();
    }

    // A citizen on a phone, not signed in: from 企业设立登记's guide to the bundle it belongs to.
    const guides = await admin.server.gql<{ publicServiceGuides: { nodes: Array<{ id: string; name: string }> } }>(
      '{ publicServiceGuides(search: "企业设立登记", first: 50) { nodes { id name } } }',
      {},
      null,
    );
    const licence = guides.data!.publicServiceGuides.nodes.find((n) => n.name === '企业设立登记')!;
    const phone = await newPage({ width: 390, height: 844 });
    try {
      await phone.page.goto(`${admin.server.url}/public/guides/${licence.id}`);
      await phone.page.waitForSelector('[data-testid=public-guide]');
      await phone.page.click('[data-testid=guide-bundle-link]:has-text("开办企业")');
      await phone.page.waitForSelector('[data-testid=public-bundle] [data-testid=bundle-title]');
      expect(phone.page.url()).toMatch(/\/public\/bundles\/\d+$/);
      expect(await phone.page.textContent('[data-testid=bundle-title]')).toBe('开办企业');
      expect(await phone.page.textContent('[data-testid=bundle-saved-materials]')).toMatch(/^提交材料 ?减少[1-9]\d*$/);
      expect(await phone.page.textContent('[data-testid=bundle-saved-visits]')).toMatch(/^跑动次数 ?减少[1-9]\d*$/);
      expect(await phone.page.textContent('[data-testid=bundle-place]')).toContain('苏家屯区政务服务中心');
      expect(await phone.page.textContent('[data-testid=bundle-combined]')).toMatch(/^\d+个工作日$/);
      expect(await phone.page.locator('[data-testid=bundle-department]').count()).toBe(6);
      expect(await phone.page.textContent('[data-testid=bundle-materials]')).toContain('《一件事联办申请表》');
      expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await shot(phone.page, 'guide-06-bundle-phone');
    } finally {
      await phone.context.close();
    }
  });
});
