/**
 * The demo as a new user first meets it (issue: a demo that looks like Liaoning in autumn 2020), on
 * its own day as `pnpm start` runs it: admin.shenyang signs in and lands on September 2020's board,
 * every district of 沈阳市 with lights on its real outline and no tile server; a red project of
 * 苏家屯区 shows its rendering, September's photo flagged as August's reused, and August's photo.
 */
import { DEMO_TODAY, setTodayForTesting } from '../../services/api/src/core/clock';
import { adminInBrowser, browserDescribe } from './browser';

browserDescribe('the demo world in Chromium, on the demo’s day', () => {
  // Before the server starts and seeds (adminInBrowser's own beforeAll runs after this one).
  beforeAll(() => setTodayForTesting(DEMO_TODAY));
  afterAll(() => setTodayForTesting(undefined));
  const admin = adminInBrowser();
  const { newPage, signIn, shot } = admin;

  test('admin.shenyang lands on every district’s lights on the real outline; a Sujiatun red project shows its three pictures with a reused photo flagged', async () => {
    const token = await admin.server.login('admin.shenyang');
    const districts = await admin.server.gql<{ districts: Array<{ id: string; name: string; parent: { name: string } }> }>('{ districts { id name parent { name } } }', {}, token);
    const shenyang = districts.data!.districts.filter((d) => d.parent.name === '沈阳市');
    expect(shenyang).toHaveLength(13);
    const sujiatun = shenyang.find((d) => d.name === '苏家屯区')!;
    const reds = await admin.server.gql<{ projects: { nodes: Array<{ id: string; name: string; report: { photos: Array<{ reusedFromPeriod: string | null }> } | null }> } }>(
      'query($d: ID) { projects(filter: { districtId: $d, lightColor: RED, lightPeriod: "2020-09" }, first: 10) { nodes { id name report(period: "2020-09") { photos { reusedFromPeriod } } } } }',
      { d: sujiatun.id },
      token,
    );
    expect(reds.errors).toBeUndefined();
    expect(reds.data!.projects.nodes).toHaveLength(4);
    const red = reds.data!.projects.nodes.find((p) => p.report?.photos.some((ph) => ph.reusedFromPeriod === '2020-08'))!;
    expect(red).toBeDefined();

    const { context, page } = await newPage();
    let tileRequests = 0;
    await context.route(/\/\d+\/\d+\/\d+\.png/, (route) => {
      tileRequests += 1;
      return route.abort();
    });
    try {
      // Signed in, the city admin lands on the month just closed: September 2020, every district lit.
      await signIn(page, 'admin.shenyang');
      await page.waitForSelector('[data-testid=district-table] tr.ant-table-row [data-testid=district-green]');
      const rows = await page.$$eval('[data-testid=district-table] tr.ant-table-row', (trs) =>
        trs.map((r) => ({
          name: (r.querySelector('td:first-child')?.textContent ?? '').trim(),
          lit: ['green', 'yellow', 'red'].reduce((n, c) => n + Number(r.querySelector(`[data-testid=district-${c}]`)?.textContent ?? 0), 0),
        })),
      );
      expect(rows.map((r) => r.name).sort()).toEqual(shenyang.map((d) => d.name).sort());
      expect(rows.filter((r) => r.lit === 0)).toEqual([]);
      await page.waitForSelector('[data-testid=project-map] path.kpd-area', { state: 'attached' });
      expect(await page.$$eval('[data-testid=project-map] path.kpd-area', (ps) => ps.length)).toBe(13);
      await page.waitForSelector('[data-testid=map-no-tiles]');
      expect(tileRequests).toBe(0);
      await shot(page, 'demo-01-shenyang-home');

      // The red project's three pictures: the rendering, September's photos beside August's.
      await page.goto(`${admin.server.url}/projects?open=${red.id}`);
      await page.waitForSelector('[data-testid=project-detail]');
      await page.click('[data-testid=project-detail] .ant-tabs-tab:has-text("三图")');
      await page.waitForSelector('[data-testid=rendering]');
      const months = await page.$$('[data-testid=photo-month]');
      expect(months).toHaveLength(2);
      expect(await months[0].$eval('.ant-card-head-title', (e) => e.textContent)).toContain('2020年9月');
      expect(await months[1].$eval('.ant-card-head-title', (e) => e.textContent)).toContain('2020年8月');
      expect(await months[0].$$eval('[data-testid=photo]', (ps) => ps.map((p) => p.getAttribute('data-flagged')))).toEqual(['true']);
      expect(await months[0].$$eval('[data-testid=photo-flag]', (fs) => fs.map((f) => f.textContent))).toEqual(['与 2020-08 的进展照片相同']);
      expect(await months[1].$$eval('[data-testid=photo]', (ps) => ps.map((p) => p.getAttribute('data-flagged')))).toEqual(['false']);
      // The pictures are real images, loaded by the browser.
      await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=photo-month] img, [data-testid=rendering] img, img[data-testid=rendering]')].every((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0));
      await shot(page, 'demo-02-red-project-pictures');
    } finally {
      await context.close();
    }
  });
});
