import ExcelJS from 'exceljs';
import { DRIVERS, errorCode, startTestServer, type GraphQLResponse, type TestServer } from '../../testing/harness';
import { photo, upload } from '../../testing/photos';
import { Area } from '../../core/areas/area.entity';
import { PlanMonth, PlanYear } from './plan.entity';
import { Project } from './project.entity';

const SEED = ['areas', 'accounts', 'projects'];

async function getFile(t: TestServer, path: string, token?: string): Promise<{ status: number; type: string | null; body: Buffer }> {
  const res = await fetch(`${t.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, type: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()) };
}

function field(res: GraphQLResponse): unknown {
  return res.errors?.[0]?.extensions?.field;
}

const SAVE_REPORT = `mutation($i: MonthlyReportInput!) { saveMonthlyReport(input: $i) { id version photos { file { id url thumbnailUrl } takenBeforeMonth outsideBoundary reusedFromPeriod flags } } }`;

describe.each(DRIVERS)('pictures and spreadsheets [%s]', (driver) => {
  let t: TestServer;
  let ids: Record<string, string>;
  let byName: Record<string, string>;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestServer(driver, { seedModules: SEED });
    ids = Object.fromEntries((await t.server.db.getRepository(Area).find()).map((a) => [a.name, String(a.id)]));
    byName = Object.fromEntries((await t.server.db.getRepository(Project).find()).map((p) => [p.name, String(p.id)]));
    for (const u of ['admin.sujiatun', 'admin.dadong', 'admin.shenyang', 'secretary.lijun', 'analyst']) tokens[u] = await t.login(u);
  }, 120_000);
  afterAll(() => t.close());

  describe('location (位置图)', () => {
    const SET = 'mutation($id: ID!, $i: LocationInput!) { setProjectLocation(projectId: $id, input: $i) { location { geoJson east west south north } } }';
    const ring = [
      [123.35, 41.6],
      [123.36, 41.6],
      [123.36, 41.61],
      [123.35, 41.61],
      [123.35, 41.6],
    ];
    const input = (geo: unknown, over: Record<string, unknown> = {}) => ({ geoJson: typeof geo === 'string' ? geo : JSON.stringify(geo), east: '丰乐路', west: '浑河大街', south: '沈苏西路', north: '规划一路', ...over });

    it('stores a GeoJSON polygon and the four boundaries; converts GCJ-02 when asked', async () => {
      const id = byName['达利食品沈阳生产基地'];
      const res = await t.gql<{ setProjectLocation: { location: { geoJson: string; east: string; north: string } } }>(SET, { id, i: input({ type: 'Polygon', coordinates: [ring] }) }, tokens['admin.sujiatun']);
      expect(res.errors).toBeUndefined();
      expect(JSON.parse(res.data!.setProjectLocation.location.geoJson)).toEqual({ type: 'Polygon', coordinates: [ring] });
      expect(res.data!.setProjectLocation.location).toMatchObject({ east: '丰乐路', north: '规划一路' });
      const gcj = await t.gql<{ setProjectLocation: { location: { geoJson: string } } }>(SET, { id, i: input({ type: 'Polygon', coordinates: [ring] }, { gcj02: true }) }, tokens['admin.sujiatun']);
      const [lng, lat] = (JSON.parse(gcj.data!.setProjectLocation.location.geoJson) as { coordinates: number[][][] }).coordinates[0][0];
      // GCJ-02 is offset by a few hundred metres in Shenyang: the stored WGS84 point lies west and south.
      expect(lng).toBeLessThan(123.35);
      expect(lng).toBeGreaterThan(123.34);
      expect(lat).toBeLessThan(41.6);
    });

    it('refuses a bad site naming the offending position, and anyone outside the district', async () => {
      const id = byName['达利食品沈阳生产基地'];
      const swapped = ring.map(([a, b]) => [b, a]);
      const bad = await t.gql(SET, { id, i: input({ type: 'Polygon', coordinates: [swapped] }) }, tokens['admin.sujiatun']);
      expect([errorCode(bad), field(bad)]).toEqual(['BAD_USER_INPUT', 'input.geoJson.coordinates[0][0]']);
      const open = await t.gql(SET, { id, i: input({ type: 'Polygon', coordinates: [ring.slice(0, 4)] }) }, tokens['admin.sujiatun']);
      expect(field(open)).toBe('input.geoJson.coordinates[0]');
      expect(field(await t.gql(SET, { id, i: input('{not json') }, tokens['admin.sujiatun']))).toBe('input.geoJson');
      expect(field(await t.gql(SET, { id, i: input({ type: 'Point', coordinates: [123, 41] }) }, tokens['admin.sujiatun']))).toBe('input.geoJson.type');
      expect(errorCode(await t.gql(SET, { id, i: input({ type: 'Polygon', coordinates: [ring] }) }, tokens['admin.dadong']))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(SET, { id, i: input({ type: 'Polygon', coordinates: [ring] }, { east: '' }) }, tokens['admin.sujiatun']))).toBe('BAD_USER_INPUT');
    });

    it('refuses a site drawn outside the project’s district, naming the corner', async () => {
      const id = byName['达利食品沈阳生产基地'];
      // Around 大连 (121.6°E, 38.9°N): far from 苏家屯区.
      const far = ring.map(([a, b]) => [a - 1.75, b - 2.7]);
      const res = await t.gql(SET, { id, i: input({ type: 'Polygon', coordinates: [far] }) }, tokens['admin.sujiatun']);
      expect([errorCode(res), field(res)]).toEqual(['BAD_USER_INPUT', 'input.geoJson']);
      expect(res.errors![0].message).toContain('苏家屯区');
    });
  });

  describe('progress photos (进展图) and renderings (效果图)', () => {
    it('attaches photos to a report and flags — not refuses — old, off-site and reused photos; serves them only within scope', async () => {
      // 恒大文化旅游城: its site lies around 123.31–123.33 E, 41.644–41.658 N (demo data).
      const id = byName['恒大文化旅游城'];
      const token = tokens['admin.sujiatun'];
      const versions = await t.gql<{ project: { aug: { version: number }; sep: { version: number } } }>(
        'query($id: ID!) { project(id: $id) { aug: report(period: "2020-08") { version } sep: report(period: "2020-09") { version } } }',
        { id },
        token,
      );
      const august = await upload(t, token, await photo({ taken: '2020:08:20 10:00:00', gps: [41.65, 123.32], color: 3 }), 'aug.jpg');
      const aug = await t.gql<{ saveMonthlyReport: { photos: { reusedFromPeriod: string | null; flags: string[] }[] } }>(
        SAVE_REPORT,
        { i: { projectId: id, period: '2020-08', actualInvestment: '500000000', progress: '主体施工', photoIds: [august], version: versions.data!.project.aug.version } },
        token,
      );
      expect(aug.errors).toBeUndefined();
      expect(aug.data!.saveMonthlyReport.photos[0].flags).toEqual([]);

      const good = await upload(t, token, await photo({ taken: '2020:09:15 10:00:00', gps: [41.65, 123.32], color: 11 }), 'good.jpg');
      const early = await upload(t, token, await photo({ taken: '2020:08:25 10:00:00', gps: [41.65, 123.32], color: 19 }), 'early.jpg');
      const away = await upload(t, token, await photo({ taken: '2020:09:16 10:00:00', gps: [41.8, 123.4], color: 27 }), 'away.jpg');
      const again = await upload(t, token, await photo({ taken: '2020:09:17 10:00:00', gps: [41.65, 123.32], color: 3, quality: 60 }), 'again.jpg');
      const sep = await t.gql<{ saveMonthlyReport: { photos: { file: { id: string; url: string; thumbnailUrl: string }; takenBeforeMonth: boolean; outsideBoundary: boolean; reusedFromPeriod: string | null; flags: string[] }[] } }>(
        SAVE_REPORT,
        { i: { projectId: id, period: '2020-09', actualInvestment: '600000000', progress: '主体封顶', photoIds: [good, early, away, again], version: versions.data!.project.sep.version } },
        token,
      );
      expect(sep.errors).toBeUndefined();
      const photos = Object.fromEntries(sep.data!.saveMonthlyReport.photos.map((p) => [p.file.id, p]));
      expect(photos[good]).toMatchObject({ takenBeforeMonth: false, outsideBoundary: false, reusedFromPeriod: null, flags: [] });
      expect(photos[early]).toMatchObject({ takenBeforeMonth: true, outsideBoundary: false, reusedFromPeriod: null });
      expect(photos[early].flags[0]).toContain('早于填报月份 2020-09');
      expect(photos[away]).toMatchObject({ takenBeforeMonth: false, outsideBoundary: true, reusedFromPeriod: null });
      expect(photos[again]).toMatchObject({ takenBeforeMonth: false, outsideBoundary: false, reusedFromPeriod: '2020-08' });

      // Served to readers of the project only; another district's admin and the secretary see nothing.
      const url = photos[good].file.url;
      expect(await getFile(t, url, token)).toMatchObject({ status: 200, type: 'image/jpeg' });
      expect((await getFile(t, photos[good].file.thumbnailUrl, tokens['admin.shenyang'])).status).toBe(200);
      expect((await getFile(t, url, tokens['admin.dadong'])).status).toBe(404);
      expect((await getFile(t, photos[good].file.thumbnailUrl, tokens['admin.dadong'])).status).toBe(404);
      expect((await getFile(t, url, tokens['secretary.lijun'])).status).toBe(404);
      expect((await getFile(t, url)).status).toBe(404);
      // Nor through the API: the report is reached only through the project.
      expect(errorCode(await t.gql('query($id: ID!) { project(id: $id) { reports { photos { file { url } } } } }', { id }, tokens['admin.dadong']))).toBe('NOT_FOUND');

      // Replacing the photos detaches the old ones: no longer served as the project's.
      const replaced = await t.gql<{ saveMonthlyReport: { photos: unknown[] } }>(
        SAVE_REPORT,
        { i: { projectId: id, period: '2020-09', actualInvestment: '600000000', photoIds: [good], version: versions.data!.project.sep.version + 1 } },
        token,
      );
      expect(replaced.data!.saveMonthlyReport.photos).toHaveLength(1);
      expect((await getFile(t, photos[away].file.url, tokens['admin.shenyang'])).status).toBe(404);
    });

    it('refuses a photo that does not exist or is not a picture, naming the list position, and changes nothing', async () => {
      const id = byName['达利食品沈阳生产基地'];
      const v = (await t.gql<{ project: { report: { version: number } } }>('query($id: ID!) { project(id: $id) { report(period: "2020-09") { version } } }', { id }, tokens['admin.sujiatun'])).data!.project.report.version;
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('x').addRow(['x']);
      const workbook = await upload(t, tokens['admin.sujiatun'], Buffer.from(await wb.xlsx.writeBuffer()), 'x.xlsx', 'spreadsheet');
      const bad = await t.gql(SAVE_REPORT, { i: { projectId: id, period: '2020-09', actualInvestment: '1', photoIds: ['00000000-0000-0000-0000-000000000000', workbook], version: v } }, tokens['admin.sujiatun']);
      expect(errorCode(bad)).toBe('BAD_USER_INPUT');
      const problems = bad.errors![0].extensions!.problems as { field: string }[];
      expect(problems.map((p) => p.field)).toEqual(['input.photoIds[0]', 'input.photoIds[1]']);
      const after = await t.gql<{ project: { report: { version: number } } }>('query($id: ID!) { project(id: $id) { report(period: "2020-09") { version } } }', { id }, tokens['admin.sujiatun']);
      expect(after.data!.project.report.version).toBe(v);
    });

    it('sets renderings, served to the project’s readers only', async () => {
      const id = byName['桃李面包沈阳生产基地扩建'];
      const file = await upload(t, tokens['admin.sujiatun'], await photo({ color: 41 }), '鸟瞰效果图.jpg');
      const res = await t.gql<{ setProjectRenderings: { renderings: { id: string; name: string; url: string }[] } }>(
        'mutation($id: ID!, $f: [ID!]!) { setProjectRenderings(projectId: $id, fileIds: $f) { renderings { id name url } } }',
        { id, f: [file] },
        tokens['admin.sujiatun'],
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.setProjectRenderings.renderings).toEqual([{ id: file, name: '鸟瞰效果图.jpg', url: `/api/files/${file}` }]);
      expect((await getFile(t, `/api/files/${file}`, tokens['analyst'])).status).toBe(200);
      expect((await getFile(t, `/api/files/${file}`, tokens['admin.dadong'])).status).toBe(404);
    });
  });

  describe('plan sheets (.xlsx)', () => {
    async function sheet(rows: (string | number | null)[][]): Promise<Buffer> {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('项目计划表');
      ws.addRow(['项目编码', '项目名称', '年度', '年度计划投资（元）', '年度形象进度', ...Array.from({ length: 12 }, (_, i) => `${i + 1}月计划投资（元）`)]);
      for (const r of rows) ws.addRow(r);
      return Buffer.from(await wb.xlsx.writeBuffer());
    }
    const IMPORT = 'mutation($f: ID!, $d: Boolean!) { importPlans(fileId: $f, dryRun: $d) { dryRun totalRows validRows created updated committed problems { row column header reason } } }';
    type Result = { importPlans: { dryRun: boolean; totalRows: number; validRows: number; created: number; updated: number; committed: boolean; problems: { row: number; column: string; header: string; reason: string }[] } };

    it('downloads the template', async () => {
      const res = await getFile(t, '/api/projects/plan-template.xlsx', tokens['admin.sujiatun']);
      expect(res.status).toBe(200);
      expect(res.type).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.body as unknown as ArrayBuffer);
      const header = (wb.getWorksheet('项目计划表')!.getRow(1).values as unknown[]).filter(Boolean);
      expect(header.slice(0, 4)).toEqual(['项目编码*', '项目名称', '年度*', '年度计划投资（元）*']);
      expect((await getFile(t, '/api/projects/plan-template.xlsx')).status).toBe(401);
    });

    it('imports many projects’ plans: a dry run names every bad row and column, a commit with a bad row writes nothing, a clean commit writes all', async () => {
      const create = (code: string, total: string) =>
        t.gql(
          'mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }',
          {
            i: { districtId: ids['苏家屯区'], code, name: `导入测试${code}`, category: 'INDUSTRIAL', stage: 'NEW', totalInvestment: total, constructionStart: '2020-01', constructionEnd: '2021-12', enterprise: '沈阳测试有限公司', responsibleLeader: '副区长', responsibleUnit: '苏家屯区工信局' },
          },
          tokens['admin.sujiatun'],
        );
      await create('IMP-001', '120000000');
      await create('IMP-002', '200000000');
      const months = Array.from({ length: 12 }, () => 5000000);
      const good: (string | number | null)[][] = [
        ['IMP-001', '导入测试一', 2020, 60000000, '厂房主体', ...months],
        ['IMP-001', '导入测试一', 2021, 60000000, '竣工投产'],
        ['IMP-002', '导入测试二', 2020, 100000000, null],
        ['IMP-002', '导入测试二', 2021, 100000000, null],
      ];
      const badMonths = [...months.slice(0, 11), 4000000];
      const bad = [
        ...good.slice(0, 3),
        ['IMP-002', '导入测试二', 2021, 90000000, null], // row 5: the years no longer add up to the total
        ['IMP-001', '导入测试一', 2020, 60000000, null], // row 6: 2020 twice
        ['DD-2020-001', '大东区项目', 2020, 1000, null], // row 7: another district's project
        ['NOPE-1', '不存在', 2020, 1000, null], // row 8
        ['IMP-003', '导入测试三', 'x', 'abc', null], // row 9: not a year, not an amount
      ];
      void badMonths;
      const badFile = await upload(t, tokens['admin.sujiatun'], await sheet(bad), 'plans.xlsx', 'spreadsheet');
      const dry = await t.gql<Result>(IMPORT, { f: badFile, d: true }, tokens['admin.sujiatun']);
      expect(dry.errors).toBeUndefined();
      const problems = dry.data!.importPlans.problems;
      expect(problems.map((p) => [p.row, p.column])).toEqual([
        [2, 'D'],
        [4, 'D'],
        [6, 'C'],
        [7, 'A'],
        [8, 'A'],
        [9, 'C'],
        [9, 'D'],
      ]);
      expect(problems[0]).toMatchObject({ header: '年度计划投资（元）', reason: expect.stringContaining('与总投资 12,000万元 不符') });
      expect(problems[2].reason).toContain('2020年度重复');
      expect(problems[3].reason).toContain('不在你的管辖范围内');
      expect(problems[5]).toMatchObject({ header: '年度', reason: expect.stringContaining('不是整数') });
      expect(problems[6].reason).toContain('不是以元为单位');
      expect(dry.data!.importPlans).toMatchObject({ dryRun: true, totalRows: 8, committed: false });
      const commitBad = await t.gql<Result>(IMPORT, { f: badFile, d: false }, tokens['admin.sujiatun']);
      expect(commitBad.data!.importPlans).toMatchObject({ committed: false, created: 0 });
      const imp1 = await t.server.db.getRepository(Project).findOneByOrFail({ code: 'IMP-001' });
      expect(await t.server.db.getRepository(PlanYear).countBy({ projectId: imp1.id })).toBe(0);

      // A month plan that does not add up to its year is named on its row.
      const monthsBad = await upload(t, tokens['admin.sujiatun'], await sheet([['IMP-001', null, 2020, 60000000, null, ...badMonths], good[1]]), 'plans.xlsx', 'spreadsheet');
      const dry3 = await t.gql<Result>(IMPORT, { f: monthsBad, d: true }, tokens['admin.sujiatun']);
      expect(dry3.data!.importPlans.problems).toEqual([{ row: 2, column: 'Q', header: '12月计划投资（元）', reason: expect.stringContaining('各月计划投资之和') }]);

      const goodFile = await upload(t, tokens['admin.sujiatun'], await sheet(good), 'plans.xlsx', 'spreadsheet');
      const dryGood = await t.gql<Result>(IMPORT, { f: goodFile, d: true }, tokens['admin.sujiatun']);
      expect(dryGood.data!.importPlans).toMatchObject({ dryRun: true, totalRows: 4, validRows: 4, committed: false, problems: [] });
      expect(await t.server.db.getRepository(PlanYear).countBy({ projectId: imp1.id })).toBe(0);
      const commit = await t.gql<Result>(IMPORT, { f: goodFile, d: false }, tokens['admin.sujiatun']);
      expect(commit.data!.importPlans).toMatchObject({ committed: true, created: 2, updated: 0, problems: [] });
      expect(await t.server.db.getRepository(PlanYear).countBy({ projectId: imp1.id })).toBe(2);
      expect(await t.server.db.getRepository(PlanMonth).countBy({ projectId: imp1.id })).toBe(12);
      // Another district's admin cannot import into these projects.
      const theirs = await upload(t, tokens['admin.dadong'], await sheet(good), 'plans.xlsx', 'spreadsheet');
      const refused = await t.gql<Result>(IMPORT, { f: theirs, d: true }, tokens['admin.dadong']);
      expect(refused.data!.importPlans.problems.every((p) => p.column === 'A')).toBe(true);
    });

    it('exports a district’s monthly report: every project with plan, actual, light and reason', async () => {
      const res = await getFile(t, `/api/projects/monthly-report.xlsx?districtId=${ids['苏家屯区']}&period=2020-09`, tokens['admin.sujiatun']);
      expect(res.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.body as unknown as ArrayBuffer);
      const ws = wb.worksheets[0];
      expect((ws.getRow(1).values as unknown[]).filter(Boolean)).toEqual(['项目编码', '项目名称', '本月计划投资（元）', '本月实际完成（元）', '亮灯', '原因', '形象进度']);
      const rows: unknown[][] = [];
      ws.eachRow((row, n) => n > 1 && rows.push(row.values as unknown[]));
      const projects = await t.server.db.getRepository(Project).countBy({ areaId: Number(ids['苏家屯区']) });
      expect(rows).toHaveLength(projects);
      const lights = rows.map((r) => r[5]);
      expect(lights.filter((l) => l === '黄灯').length + lights.filter((l) => l === '红灯').length).toBeGreaterThanOrEqual(13);
      expect(rows.some((r) => String(r[6]).includes('零进展'))).toBe(true);
      expect((await getFile(t, `/api/projects/monthly-report.xlsx?districtId=${ids['苏家屯区']}&period=2020-09`, tokens['admin.dadong'])).status).toBe(404);
      expect((await getFile(t, `/api/projects/monthly-report.xlsx?districtId=${ids['苏家屯区']}&period=2020-9`, tokens['admin.sujiatun'])).status).toBe(400);
      expect((await getFile(t, `/api/projects/monthly-report.xlsx?period=2020-09`)).status).toBe(401);
      expect((await getFile(t, `/api/projects/monthly-report.xlsx?period=2020-09`, tokens['admin.dadong'])).status).toBe(200);
    });
  });
});
