/**
 * The monthly cycle in a real browser (tests/e2e/browser.ts): admin.sujiatun closes September 2020
 * (86 green, 10 yellow, 4 red); a report for the closed month goes in as a correction awaiting a city
 * admin while the public wall still shows the published 86/10/4 with its hash; admin.shenyang approves
 * it and the wall shows the new version, the first one kept.
 */
import { adminInBrowser, browserDescribe, typeInPicker } from './browser';

interface Publication {
  id: string;
  version: number;
  sha256: string;
  area: { name: string };
  period: string;
}

browserDescribe('month close, corrections and the published board in Chromium', () => {
  const admin = adminInBrowser();
  const { newPage, signIn, shot } = admin;

  async function publications(): Promise<Publication[]> {
    const res = await admin.server.gql<{ publishedLightBoards: Publication[] }>('{ publishedLightBoards { id version sha256 area { name } period } }', {}, null);
    expect(res.errors).toBeUndefined();
    return res.data!.publishedLightBoards.filter((p) => p.area.name === '苏家屯区' && p.period === '2020-09');
  }

  test('admin.sujiatun closes September 2020; a late report becomes a correction; the wall keeps 86/10/4 with its hash until a city admin approves', async () => {
    const token = await admin.server.login('admin.sujiatun');
    const districts = await admin.server.gql<{ districts: Array<{ id: string; name: string }> }>('{ districts { id name } }', {}, token);
    const sujiatun = districts.data!.districts.find((d) => d.name === '苏家屯区')!.id;
    const yellows = await admin.server.gql<{ projects: { nodes: Array<{ id: string; name: string; planMonths: Array<{ period: string; plannedInvestment: string }> }> } }>(
      'query($d: ID) { projects(filter: { districtId: $d, lightColor: YELLOW, lightPeriod: "2020-09" }, first: 1, orderBy: CODE) { nodes { id name planMonths(year: 2020) { period plannedInvestment } } } }',
      { d: sujiatun },
      token,
    );
    const project = yellows.data!.projects.nodes[0];
    const planned = project.planMonths.find((m) => m.period === '2020-09')!.plannedInvestment;

    const { context, page } = await newPage();
    try {
      await signIn(page, 'admin.sujiatun');
      await page.waitForSelector('[data-testid=viewer]');
      await page.goto(`${admin.server.url}/districts/close?period=2020-09`);
      await page.waitForSelector('[data-testid=close-table] tr.ant-table-row:has-text("苏家屯区")');
      await page.click('[data-testid=close-month-button]');
      await page.click('.ant-popconfirm .ant-btn-primary');
      const result = await page.waitForSelector('[data-testid=close-result]');
      expect(await result.textContent()).toContain('绿灯 86，黄灯 10，红灯 4');
      await page.waitForSelector('[data-testid=month-closed]');
      await shot(page, 'month-close-01-closed');

      // A report for the closed month: refused as a plain save, then sent as a correction with a reason.
      await page.goto(`${admin.server.url}/projects?open=${project.id}`);
      await page.waitForSelector('[data-testid=report-form]');
      // What clears its yellow light: October's plan and the month it turns red if it stays behind.
      const clearing = await admin.server.gql<{ project: { light: { clearing: { neededInvestment: string; redBy: string } } } }>(
        'query($id: ID!) { project(id: $id) { light(period: "2020-09") { clearing { neededInvestment redBy } } } }',
        { id: project.id },
        token,
      );
      const october = project.planMonths.find((m) => m.period === '2020-10')!.plannedInvestment;
      expect(clearing.data!.project.light.clearing.neededInvestment).toBe(october);
      await page.waitForSelector('[data-testid=light-clearing] [data-testid=clearing-needed]');
      const red = clearing.data!.project.light.clearing.redBy;
      expect(await page.textContent('[data-testid=clearing-red-by]')).toContain(`${Number(red.slice(0, 4))}年${Number(red.slice(5))}月`);
      await typeInPicker(page, 'report-period', '2020-09');
      await page.fill('[data-testid=report-actual]', planned);
      await page.click('[data-testid=report-save]');
      await page.waitForSelector('[data-testid=report-month-closed]');
      expect(await page.textContent('[data-testid=report-save]')).toContain('提交更正申请');
      await page.fill('[data-testid=correction-reason]', '财务入账延迟，9月投资漏报');
      await page.click('[data-testid=report-save]');
      await page.waitForSelector('[data-testid=correction-requested]');
      expect(await page.$('[data-testid=report-form] .ant-alert-error')).toBeNull();
      await shot(page, 'month-close-02-correction-requested');
    } finally {
      await context.close();
    }

    // The public wall still shows what was published, with its hash.
    const [v1] = await publications();
    const wall = await newPage({ width: 1920, height: 1080 });
    try {
      await wall.page.goto(`${admin.server.url}/public/lights?area=${sujiatun}&period=2020-09`);
      await wall.page.waitForSelector('[data-testid=public-board]');
      const totals = await Promise.all(['green', 'yellow', 'red'].map((c) => wall.page.textContent(`[data-testid=board-total-${c}]`)));
      expect(totals.map((n) => Number(n))).toEqual([86, 10, 4]);
      expect((await wall.page.textContent('[data-testid=board-hash]'))!.trim()).toBe(v1.sha256);
      await shot(wall.page, 'month-close-03-wall-unchanged');
    } finally {
      await wall.context.close();
    }

    // The city admin approves it: the month is relit and the board published again as version 2.
    const city = await newPage();
    try {
      await signIn(city.page, 'admin.shenyang');
      await city.page.waitForSelector('[data-testid=viewer]');
      await city.page.goto(`${admin.server.url}/districts/close?period=2020-09`);
      await city.page.waitForSelector('[data-testid=close-table]');
      await shot(city.page, 'month-close-04-corrections');
      await city.page.waitForSelector(`[data-testid=corrections-table] tr.ant-table-row:has-text("${project.name}")`);
      await city.page.click(`[data-testid=corrections-table] tr.ant-table-row:has-text("${project.name}") [data-testid=correction-approve]`);
      await city.page.fill('[data-testid=decision-reason]', '核实无误');
      await city.page.click('.ant-modal .ant-btn-primary');
      await city.page.waitForSelector('.ant-modal', { state: 'detached' });
      await city.page.waitForSelector('[data-testid=publications-table] tr.ant-table-row:has-text("因更正")');
      await shot(city.page, 'month-close-05-approved');
    } finally {
      await city.context.close();
    }
    const [v2, first] = await publications();
    expect([v2.version, first.version, first.sha256]).toEqual([2, 1, v1.sha256]);
    const again = await newPage({ width: 1920, height: 1080 });
    try {
      await again.page.goto(`${admin.server.url}/public/lights?area=${sujiatun}&period=2020-09`);
      await again.page.waitForSelector('[data-testid=board-hash]');
      expect((await again.page.textContent('[data-testid=board-hash]'))!.trim()).toBe(v2.sha256);
      expect(Number(await again.page.textContent('[data-testid=board-total-green]'))).toBe(87);
    } finally {
      await again.context.close();
    }
  });
});
