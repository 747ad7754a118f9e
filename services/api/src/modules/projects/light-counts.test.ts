import { DRIVERS, startTestServer, type TestServer } from '../../testing/harness';
import { Area } from '../../core/areas/area.entity';
import { lightCountsFromBaseTables, storedLightCounts } from './light-counts';
import { ProjectLight } from './light.entity';
import { runMonthEndLights } from './lights.service';

const SEED = ['areas', 'accounts', 'projects'];
const SAVE_REPORT = 'mutation($i: MonthlyReportInput!) { saveMonthlyReport(input: $i) { light { color } } }';
const MONTH_END = 'mutation($p: Period!) { runMonthEndLights(period: $p) }';
/** Reports per kind and round: a third on plan, a third behind, a third with nothing done. */
const REPORTED = 9;

describe.each(DRIVERS)('light counts with many writers at once [%s]', (driver) => {
  let t: TestServer;
  let sujiatun: number;
  const tokens: string[] = [];
  beforeAll(async () => {
    t = await startTestServer(driver, { seedModules: SEED });
    sujiatun = (await t.server.db.getRepository(Area).findOneByOrFail({ name: '苏家屯区' })).id;
    // Four clients: two sessions each of the district's and the province's admin.
    for (const u of ['admin.sujiatun', 'admin.liaoning', 'admin.sujiatun', 'admin.liaoning']) tokens.push(await t.login(u));
  }, 120_000);
  afterAll(() => t.close());

  it.each(['2020-10', '2020-11'])(
    'month-end jobs for %s in four transactions and two API calls, with reports submitted at the same moment, leave the counts equal to the lights',
    async (period) => {
      const db = t.server.db;
      expect(await db.getRepository(ProjectLight).countBy({ period })).toBe(0);
      // Half the projects correct their September report (on time, so the light changes colour, and the
      // relight runs on through the month the jobs light); the other half report this month, late.
      const list = await t.gql<{ projects: { nodes: { id: string; report: { version: number } | null; planMonths: { period: string; plannedInvestment: string }[] }[] } }>(
        `query($d: ID) { projects(filter: { districtId: $d, libraryMember: true }, first: ${2 * REPORTED}, orderBy: CODE) { nodes { id report(period: "2020-09") { version } planMonths(year: 2020) { period plannedInvestment } } } }`,
        { d: String(sujiatun) },
        tokens[0],
      );
      expect(list.errors).toBeUndefined();
      const projects = list.data!.projects.nodes;
      expect(projects).toHaveLength(2 * REPORTED);
      const round = period === '2020-10' ? 0 : 1;
      const reports = projects.map((p, i) => {
        const month = i < REPORTED ? '2020-09' : period;
        const planned = p.planMonths.find((m) => m.period === month)?.plannedInvestment ?? '0';
        const kind = (i + round) % 3;
        const amount = kind === 0 ? planned : kind === 1 ? (Number(planned) / 2).toFixed(2) : '0';
        return t.gql<{ saveMonthlyReport: { light: { color: string } | null } }>(
          SAVE_REPORT,
          { i: { projectId: p.id, period: month, actualInvestment: amount, progress: '月底集中报送', version: month === '2020-09' ? p.report!.version : null } },
          tokens[i % tokens.length],
        );
      });
      const now = new Date();
      const jobs = [
        ...[0, 1, 2, 3].map(() => db.transaction((em) => runMonthEndLights(em, period, now))),
        ...[0, 1].map((i) => t.gql<{ runMonthEndLights: number }>(MONTH_END, { p: period }, tokens[i]).then((r) => (r.errors ? Promise.reject(new Error(JSON.stringify(r.errors))) : r.data!.runMonthEndLights))),
      ];
      const [saved, added] = await Promise.all([Promise.all(reports), Promise.all(jobs)]);
      for (const s of saved) expect(s.errors).toBeUndefined();

      // One light per lit project, each the job's or the report's, and every one counted once.
      const lights = await db.getRepository(ProjectLight).findBy({ period });
      expect(new Set(lights.map((l) => l.projectId)).size).toBe(lights.length);
      expect(lights.length).toBeGreaterThan(100);
      const lateIds = new Set(projects.slice(REPORTED).map((p) => Number(p.id)));
      const byJobs = added.reduce((n, a) => n + a, 0);
      expect(byJobs).toBeGreaterThanOrEqual(lights.length - lateIds.size);
      expect(byJobs).toBeLessThanOrEqual(lights.length);
      // Whichever ran first, a project ends with its report's light.
      const september = new Map((await db.getRepository(ProjectLight).findBy({ period: '2020-09' })).map((l) => [l.projectId, l.color]));
      const thisMonth = new Map(lights.map((l) => [l.projectId, l.color]));
      projects.forEach((p, i) => expect((i < REPORTED ? september : thisMonth).get(Number(p.id))).toBe(saved[i].data!.saveMonthlyReport.light!.color));
      expect(new Set(saved.slice(0, REPORTED).map((s) => s.data!.saveMonthlyReport.light!.color))).toEqual(new Set(['GREEN', 'YELLOW', 'RED']));

      const [stored, fresh] = await Promise.all([storedLightCounts(db.manager), lightCountsFromBaseTables(db.manager)]);
      expect(Object.fromEntries(stored)).toEqual(Object.fromEntries(fresh));
      const month = [...stored].filter(([k]) => k.startsWith(`${period}|`)).reduce((n, [, c]) => n + c.green + c.yellow + c.red, 0);
      expect(month).toBe(lights.length);
      expect(await runMonthEndLights(db.manager, period, now)).toBe(0);
    },
    120_000,
  );
});
