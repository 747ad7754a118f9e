/**
 * The city dashboard, the public light board on the wall and a project's detail, in a real browser
 * (tests/e2e/browser.ts): a district admin's report with a photo changes the light; the wall display
 * opens without signing in and shows the published counts; the dashboard's map draws the project
 * boundaries with the tile server unreachable.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { GraphQLResponse } from '../../services/api/src/testing/harness';
import { adminInBrowser, browserDescribe, typeInPicker } from './browser';
import { repoRoot } from './web-build';

/** The part of the API's image library (sharp) used here, for a photo with EXIF data like a phone's. */
type Sharp = (input: Buffer, options: { raw: { width: number; height: number; channels: 3 } }) => {
  jpeg(options: { quality: number }): { withExif(exif: Record<string, Record<string, string>>): { toBuffer(): Promise<Buffer> } };
};
const sharp = createRequire(path.join(repoRoot, 'services', 'api', 'package.json'))('sharp') as Sharp;

/** A small JPEG taken (by its EXIF time) on the given day, "2020:08:20 10:00:00". */
async function sitePhoto(taken: string): Promise<Buffer> {
  const width = 320;
  const height = 240;
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) raw.fill(Math.floor(128 + 127 * Math.sin((x + 2 * y) / 23)), (y * width + x) * 3, (y * width + x) * 3 + 3);
  return sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: 80 }).withExif({ IFD0: { Make: 'KPD e2e camera' }, IFD2: { DateTimeOriginal: taken } }).toBuffer();
}

interface Counts {
  green: number;
  yellow: number;
  red: number;
}

browserDescribe('the dashboard, the wall display and the project detail in Chromium', () => {
  const admin = adminInBrowser();
  const { newPage, signIn, shot } = admin;

  async function areaId(name: string, token: string): Promise<string> {
    const res = await admin.server.gql<{ districts: Array<{ id: string; name: string; parent: { id: string; name: string } }> }>('{ districts { id name parent { id name } } }', {}, token);
    const d = res.data!.districts.find((x) => x.name === name);
    if (d) return d.id;
    const city = res.data!.districts.find((x) => x.parent.name === name);
    return city!.parent.id;
  }

  async function boardFromApi(area: string, period: string, token: string | null) {
    const res = await admin.server.gql<{ lightBoard: { districts: Array<{ district: { name: string } } & Counts>; projects: Array<{ name: string; color: string }> } }>(
      'query($a: ID, $p: Period!) { lightBoard(areaId: $a, period: $p) { districts { district { name } green yellow red } projects { name color } } }',
      { a: area, p: period },
      token,
    );
    expect(res.errors).toBeUndefined();
    return res.data!.lightBoard;
  }

  async function countsOnPage(page: Page, row: string, name: string, prefix: string): Promise<Array<{ name: string } & Counts>> {
    return page.$$eval(
      row,
      (rows, [nameSel, p]) =>
        rows.map((r) => ({
          name: (r.querySelector(nameSel)?.textContent ?? '').trim(),
          green: Number(r.querySelector(`[data-testid=${p}-green]`)?.textContent),
          yellow: Number(r.querySelector(`[data-testid=${p}-yellow]`)?.textContent),
          red: Number(r.querySelector(`[data-testid=${p}-red]`)?.textContent),
        })),
      [name, prefix] as const,
    );
  }

  test('a district admin reports September with a photo and sees the yellow light turn green, with the photo’s flag', async () => {
    const token = await admin.server.login('admin.sujiatun');
    const sujiatun = await areaId('苏家屯区', token);
    // A project lit yellow in September 2020 (behind its plan) but green in August.
    const yellows = await admin.server.gql<{ projects: { nodes: Array<{ id: string; name: string; august: { color: string } | null; planMonths: Array<{ period: string; plannedInvestment: string }> }> } }>(
      'query($d: ID) { projects(filter: { districtId: $d, lightColor: YELLOW, lightPeriod: "2020-09" }, first: 20) { nodes { id name august: light(period: "2020-08") { color } planMonths(year: 2020) { period plannedInvestment } } } }',
      { d: sujiatun },
      token,
    );
    expect(yellows.errors).toBeUndefined();
    const project = yellows.data!.projects.nodes.find((p) => p.august?.color === 'GREEN')!;
    expect(project).toBeDefined();
    const planned = project.planMonths.find((m) => m.period === '2020-09')!.plannedInvestment;

    const { context, page } = await newPage();
    try {
      await signIn(page, 'admin.sujiatun');
      await page.waitForSelector('[data-testid=viewer]');
      // The dashboard links here with ?open=<id>; the drawer opens on the project.
      await page.goto(`${admin.server.url}/projects?open=${project.id}`);
      await page.waitForSelector('[data-testid=report-form]');
      await page.waitForSelector('[data-testid=month-table] tr.ant-table-row');
      const before = await page.$eval('[data-testid=project-detail] .ant-descriptions [data-testid=detail-light]', (e) => e.getAttribute('data-color'));
      expect(before).toBe('YELLOW');
      await shot(page, 'dashboard-01-project-detail-before');

      await typeInPicker(page, 'report-period', '2020-09');
      await page.fill('[data-testid=report-actual]', planned);
      await page.fill('[data-testid=report-progress]', '主体结构施工，按计划完成本月投资');
      await page.setInputFiles('[data-testid=report-form] input[type=file]', { name: '现场照片.jpg', mimeType: 'image/jpeg', buffer: await sitePhoto('2020:08:20 10:00:00') });
      await page.waitForSelector('[data-testid=report-photo-ready]');
      await page.click('[data-testid=report-save]');
      const saved = await page.waitForSelector('[data-testid=report-saved] [data-testid=detail-light]');
      const after = await saved.getAttribute('data-color');

      // What the page says is what the server now holds, and the rule turned the month green.
      const api = await admin.server.gql<{ project: { light: { color: string }; report: { photos: Array<{ flags: string[]; takenBeforeMonth: boolean }> } } }>(
        'query($id: ID!) { project(id: $id) { light(period: "2020-09") { color } report(period: "2020-09") { photos { flags takenBeforeMonth } } } }',
        { id: project.id },
        token,
      );
      expect(api.data!.project.light.color).toBe(after);
      expect(after).toBe('GREEN');
      await page.waitForSelector('[data-testid=project-detail] .ant-descriptions [data-testid=detail-light][data-color=GREEN]');
      await shot(page, 'dashboard-02-report-saved');

      // The light history: September first, green, with its reason.
      await page.click('[data-testid=project-detail] .ant-tabs-tab:has-text("亮灯记录")');
      const first = await page.waitForSelector('[data-testid=light-history] [data-testid=light-entry]');
      expect(await first.textContent()).toContain('2020年9月');
      expect(await (await first.$('[data-testid=detail-light]'))!.getAttribute('data-color')).toBe('GREEN');

      // The pictures: this month's photo with the flag the server gave it (taken in August for September).
      await page.click('[data-testid=project-detail] .ant-tabs-tab:has-text("三图")');
      const photos = await page.waitForSelector('[data-testid=photo-month] [data-testid=photo]');
      expect(await photos.getAttribute('data-flagged')).toBe('true');
      const flags = await page.$$eval('[data-testid=photo-month]:first-of-type [data-testid=photo-flag]', (els) => els.map((e) => e.textContent));
      expect(api.data!.project.report.photos).toHaveLength(1);
      expect(api.data!.project.report.photos[0].takenBeforeMonth).toBe(true);
      expect(flags).toEqual(api.data!.project.report.photos[0].flags);
      await shot(page, 'dashboard-03-project-pictures');

      // The list shows the new light once the drawer is closed.
      await page.click('[data-testid=project-detail] .ant-drawer-close');
      await page.fill('.ant-input-search input', project.name);
      await page.press('.ant-input-search input', 'Enter');
      await page.waitForSelector(`[data-testid=project-table] tr.ant-table-row:has-text("${project.name}") [data-testid=light-badge]:has-text("绿灯")`);
      await shot(page, 'dashboard-04-project-list-green');
    } finally {
      await context.close();
    }
  });

  test('a red light’s removal proposal: an analyst only reads it, the district admin keeps the project with a reason', async () => {
    const token = await admin.server.login('admin.sujiatun');
    const sujiatun = await areaId('苏家屯区', token);
    const reds = await admin.server.gql<{ projects: { nodes: Array<{ id: string; name: string; light: { removal: string } }> } }>(
      'query($d: ID) { projects(filter: { districtId: $d, lightColor: RED, lightPeriod: "2020-09" }, first: 20) { nodes { id name light(period: "2020-09") { removal } } } }',
      { d: sujiatun },
      token,
    );
    const red = reds.data!.projects.nodes.find((p) => p.light.removal === 'PROPOSED')!;
    expect(red).toBeDefined();

    const analyst = await newPage();
    try {
      await signIn(analyst.page, 'analyst');
      await analyst.page.waitForSelector('[data-testid=viewer]');
      await analyst.page.goto(`${admin.server.url}/projects?open=${red.id}`);
      await analyst.page.click('[data-testid=project-detail] .ant-tabs-tab:has-text("亮灯记录")');
      await analyst.page.waitForSelector('[data-testid=light-history] [data-testid=removal-proposed]');
      expect(await analyst.page.$('[data-testid=removal-confirm]')).toBeNull();
    } finally {
      await analyst.context.close();
    }

    const { context, page } = await newPage();
    try {
      await signIn(page, 'admin.sujiatun');
      await page.waitForSelector('[data-testid=viewer]');
      await page.goto(`${admin.server.url}/projects?open=${red.id}`);
      await page.click('[data-testid=project-detail] .ant-tabs-tab:has-text("亮灯记录")');
      await page.waitForSelector('[data-testid=light-history] [data-testid=removal-proposed]');
      await page.fill('[data-testid=removal-reason]', '企业已筹措资金，下月复工');
      await page.click('[data-testid=removal-decline]');
      const decided = await page.waitForSelector('[data-testid=removal-decided]');
      expect(await decided.textContent()).toContain('企业已筹措资金，下月复工');
      const api = await admin.server.gql<{ project: { light: { removal: string; removalReason: string; removalDecidedBy: string } } }>(
        'query($id: ID!) { project(id: $id) { light(period: "2020-09") { removal removalReason removalDecidedBy } } }',
        { id: red.id },
        token,
      );
      expect(api.data!.project.light).toEqual({ removal: 'DECLINED', removalReason: '企业已筹措资金，下月复工', removalDecidedBy: 'admin.sujiatun' });
      await shot(page, 'dashboard-05-removal-declined');
    } finally {
      await context.close();
    }
  });

  test('the wall display opens without signing in and shows the published board’s counts', async () => {
    const { context, page } = await newPage({ width: 1920, height: 1080 });
    try {
      const published = await admin.server.gql<{ publishedLightBoards: Array<{ area: { id: string; name: string }; period: string }> }>('{ publishedLightBoards { area { id name } period } }');
      expect(published.data!.publishedLightBoards.length).toBeGreaterThan(0);
      const latest = published.data!.publishedLightBoards[0];
      const board = await boardFromApi(latest.area.id, latest.period, null);

      // page=0: every row at once (the wall's paging is checked below).
      await page.goto(`${admin.server.url}/public/lights?page=0`);
      await page.waitForSelector('[data-testid=public-board]');
      expect(await page.$('#username')).toBeNull();
      expect(await page.textContent('[data-testid=board-title]')).toContain(latest.area.name);
      const rows = await countsOnPage(page, '[data-testid=board-district]', 'td:first-child', 'board');
      expect(rows).toEqual(board.districts.map((d) => ({ name: d.district.name, green: d.green, yellow: d.yellow, red: d.red })));
      const entries = await page.$$eval('[data-testid=board-projects] tr.ant-table-row', (trs) => trs.map((tr) => tr.querySelector('[data-testid=board-entry-color]')?.getAttribute('data-color')));
      expect(entries).toEqual(board.projects.map((p) => p.color));
      await shot(page, 'dashboard-06-wall-display');

      // Full screen by the button.
      await page.click('[data-testid=board-fullscreen]');
      await page.waitForFunction('document.fullscreenElement !== null');
      expect(await page.textContent('[data-testid=board-fullscreen]')).toContain('退出全屏');
      await shot(page, 'dashboard-07-wall-display-fullscreen');
      await page.click('[data-testid=board-fullscreen]');
      await page.waitForFunction('document.fullscreenElement === null');

      // The month by address; an unpublished one says so.
      await page.goto(`${admin.server.url}/public/lights?area=${latest.area.id}&period=2019-01`);
      await page.waitForSelector('[data-testid=board-unpublished]');
      expect(await page.textContent('[data-testid=board-unpublished]')).toContain('2019年1月');

      // Refreshes itself at the interval the address gives.
      let boardRequests = 0;
      page.on('request', (r) => r.url().endsWith('/graphql') && (r.postData() ?? '').includes('PublicLightBoard') && (boardRequests += 1));
      await page.goto(`${admin.server.url}/public/lights?area=${latest.area.id}&period=${latest.period}&refresh=5`);
      await page.waitForSelector('[data-testid=public-board]');
      expect(await page.textContent('[data-testid=board-refresh]')).toContain('每 5 秒');
      const first = boardRequests;
      await page.waitForTimeout(6_000);
      expect(boardRequests).toBeGreaterThan(first);
    } finally {
      await context.close();
    }
  });

  test('on a 1440×900 wall the board turns through screens of rows that fit, with every district on one of them', async () => {
    // 沈阳市's September board, published: a row for each of its districts.
    const token = await admin.server.login('admin.shenyang');
    const shenyang = await areaId('沈阳市', token);
    const published = await admin.server.gql('mutation($a: ID!) { publishLightBoard(areaId: $a, period: "2020-09") }', { a: shenyang }, token);
    expect(published.errors).toBeUndefined();
    const latest = { area: { id: shenyang }, period: '2020-09' };
    const board = await boardFromApi(shenyang, '2020-09', null);
    expect(board.districts.length).toBeGreaterThan(7);
    const { context, page } = await newPage({ width: 1440, height: 900 });
    try {
      await page.goto(`${admin.server.url}/public/lights?area=${latest.area.id}&period=${latest.period}&page=3`);
      await page.waitForSelector('[data-testid=board-screen]');
      const screens = Number(await page.getAttribute('[data-testid=board-screen]', 'data-screens'));
      expect(screens).toBeGreaterThan(1);
      const seen = new Set<string>();
      const read = async () => {
        for (const name of await page.$$eval('[data-testid=board-district]', (rows) => rows.map((r) => r.getAttribute('data-district') ?? ''))) seen.add(name);
      };
      await read();
      expect(seen.size).toBe(7); // rows that fit under the title and totals at 900 px
      // Nothing below the fold: the last row shown ends inside the window.
      const bottom = await page.$eval('[data-testid=board-districts]', (t) => t.getBoundingClientRect().bottom);
      expect(bottom).toBeLessThanOrEqual(900);
      await shot(page, 'dashboard-08-wall-1440-screen-1');
      for (let n = 2; n <= screens; n++) {
        await page.waitForSelector(`[data-testid=board-screen][data-screen="${n}"]`, { timeout: 10_000 });
        await read();
      }
      expect([...seen].sort()).toEqual(board.districts.map((d) => d.district.name).sort());
      await shot(page, 'dashboard-09-wall-1440-last-screen');
    } finally {
      await context.close();
    }
  });

  test('the dashboard shows lights by district and draws the real district outlines and the project boundaries with no tile server', async () => {
    const token = await admin.server.login('admin.shenyang');
    const shenyang = await areaId('沈阳市', token);
    const board = await boardFromApi(shenyang, '2020-09', token);
    let withBoundary = 0;
    for (let after: string | null = null, more = true; more; ) {
      const page: GraphQLResponse<{ projects: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Array<{ location: { geoJson: string | null } }> } }> = await admin.server.gql(
        'query($a: ID, $after: String) { projects(filter: { areaId: $a }, first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { location { geoJson } } } }',
        { a: shenyang, after },
        token,
      );
      withBoundary += page.data!.projects.nodes.filter((p) => p.location.geoJson).length;
      more = page.data!.projects.pageInfo.hasNextPage;
      after = page.data!.projects.pageInfo.endCursor;
    }
    expect(withBoundary).toBeGreaterThan(0);

    const { context, page } = await newPage();
    // No MAP_TILE_URL: the page asks no tile server for anything (it would have no internet).
    let tileRequests = 0;
    await context.route(/\/\d+\/\d+\/\d+\.png/, (route) => {
      tileRequests += 1;
      return route.abort();
    });
    try {
      await signIn(page, 'admin.shenyang');
      await page.waitForSelector('[data-testid=viewer]');
      await page.goto(`${admin.server.url}/districts?period=2020-09`);
      await page.waitForSelector('[data-testid=district-table] tr.ant-table-row [data-testid=district-green]');
      const rows = await countsOnPage(page, '[data-testid=district-table] tr.ant-table-row', 'td:first-child', 'district');
      expect(rows).toEqual(board.districts.map((d) => ({ name: d.district.name, green: d.green, yellow: d.yellow, red: d.red })));
      expect(rows.find((r) => r.name === '苏家屯区')!.green).toBeGreaterThan(0);
      await page.waitForSelector('[data-testid=lights-chart] canvas');
      await page.waitForSelector('[data-testid=ranking-table] tr.ant-table-row');
      await page.waitForSelector('[data-testid=lights-trend] canvas');
      await page.waitForSelector('[data-testid=investment-trend] canvas');

      // The district outlines (real, from the API) and the sites are vector shapes on a plain ground.
      // At a city's zoom a site is a pixel or two: present in the map, not necessarily "visible".
      await page.waitForSelector('[data-testid=project-map] path.kpd-site', { state: 'attached' });
      expect(await page.$$eval('[data-testid=project-map] path.kpd-site', (ps) => ps.length)).toBe(withBoundary);
      expect(await page.$$eval('[data-testid=project-map] path.kpd-area', (ps) => ps.length)).toBe(13);
      await page.waitForSelector('[data-testid=map-no-tiles]');
      expect(tileRequests).toBe(0);
      await shot(page, 'dashboard-08-city-dashboard');

      // A district's projects, by the link in its row.
      await page.click('[data-testid=district-table] tr.ant-table-row:has-text("苏家屯区") [data-testid=district-projects]');
      await page.waitForSelector('[data-testid=district-filter]:has-text("苏家屯区")');
      expect(page.url()).toMatch(/\/projects\?district=\d+/);
      const sujiatun = await areaId('苏家屯区', token);
      const total = await admin.server.gql<{ projects: { totalCount: number } }>('query($d: ID) { projects(filter: { districtId: $d }) { totalCount } }', { d: sujiatun }, token);
      await page.waitForSelector(`[data-testid=project-total]:has-text("共 ${total.data!.projects.totalCount} 个项目")`);
      await shot(page, 'dashboard-09-district-projects');

      // A district's page: its lights of the month and its yellow and red projects.
      await page.goto(`${admin.server.url}/districts/${sujiatun}?period=2020-09`);
      await page.waitForSelector('[data-testid=district-lights] .ant-list-item');
      const own = board.districts.find((d) => d.district.name === '苏家屯区')!;
      const shown = await page.$$eval('[data-testid=district-lights] .ant-statistic-content-value', (els) => els.map((e) => Number(e.textContent)));
      expect(shown).toEqual([own.green, own.yellow, own.red]);
      expect(await page.$$eval('[data-testid=district-lights] .ant-list-item', (els) => els.length)).toBe(own.yellow + own.red);
      await shot(page, 'dashboard-10-district-detail');
    } finally {
      await context.close();
    }
  });
  test('the admin arrives compressed and, once loaded, from the cache: bytes and time to the first chart, cold and warm', async () => {
    const { context, page } = await newPage();
    try {
      await signIn(page, 'admin.shenyang');
      await page.waitForSelector('[data-testid=viewer]');
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      const responses = new Map<string, { url: string; encoding: string; length: number; cached: boolean; status: number }>();
      let bytes = 0;
      cdp.on('Network.responseReceived', (e: { requestId: string; response: { url: string; status: number; headers: Record<string, string>; fromDiskCache?: boolean; fromMemoryCache?: boolean } }) => {
        const header = (name: string) => Object.entries(e.response.headers).find(([k]) => k.toLowerCase() === name)?.[1] ?? '';
        responses.set(e.requestId, {
          url: e.response.url,
          encoding: header('content-encoding'),
          length: Number(header('content-length') || 0),
          cached: !!(e.response.fromDiskCache || e.response.fromMemoryCache),
          status: e.response.status,
        });
      });
      const fromCache = new Set<string>();
      const transferred = new Map<string, number>();
      cdp.on('Network.requestServedFromCache', (e: { requestId: string }) => fromCache.add(e.requestId));
      cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) => {
        bytes += e.encodedDataLength;
        transferred.set(e.requestId, e.encodedDataLength);
      });
      const dashboard = `${admin.server.url}/districts?period=2020-09`;
      /** Opens the dashboard and answers the bytes that came over the wire and the time to its first chart. */
      const load = async () => {
        responses.clear();
        fromCache.clear();
        transferred.clear();
        bytes = 0;
        const start = Date.now();
        await page.goto(dashboard);
        await page.waitForSelector('[data-testid=lights-chart] canvas');
        const firstChart = Date.now() - start;
        await page.waitForLoadState('networkidle');
        return {
          bytes,
          firstChart,
          responses: [...responses.entries()].map(([id, r]) => ({ ...r, cached: r.cached || fromCache.has(id), transferred: transferred.get(id) ?? 0 })),
        };
      };
      await cdp.send('Network.clearBrowserCache');
      const cold = await load();
      const warm = await load();
      const kB = (n: number) => (n / 1024).toFixed(0);
      console.log(
        `the dashboard in Chromium: cold ${kB(cold.bytes)} kB over the wire, first chart after ${cold.firstChart} ms; ` +
          `warm ${kB(warm.bytes)} kB, first chart after ${warm.firstChart} ms`,
      );
      // Cold: every script and style sheet of the admin over 1 KB came compressed (the build's .br or .gz copies).
      const assets = cold.responses.filter((r) => /\.(js|css)(\?|$)/.test(r.url) && r.status === 200);
      expect(assets.filter((r) => /^(br|gzip)$/.test(r.encoding)).length).toBeGreaterThan(5);
      expect(assets.filter((r) => !/^(br|gzip)$/.test(r.encoding) && r.length > 1024).map((r) => `${r.url} (${r.length} bytes)`)).toEqual([]);
      // Warm: the hashed chunks come from the cache; only the entries are revalidated, and the data fetched.
      const hashedAgain = warm.responses.filter((r) => /-[\w-]{8}\.(js|css)$/.test(r.url) && !r.cached);
      expect(hashedAgain.map((r) => `${r.url} (${r.status}, ${r.transferred} bytes)`)).toEqual([]);
      expect(warm.bytes).toBeLessThan(cold.bytes / 2);
    } finally {
      await context.close();
    }
  });
});
