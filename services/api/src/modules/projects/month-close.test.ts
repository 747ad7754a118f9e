import { AuditRecord } from '../../core/audit/audit-record.entity';
import { Area } from '../../core/areas/area.entity';
import { DRIVERS, errorCode, startTestServer, type TestServer } from '../../testing/harness';
import { lightCountsFromBaseTables, storedLightCounts } from './light-counts';
import { ProjectLight } from './light.entity';
import { MonthClose } from './month-close.entity';

const SEED = ['areas', 'accounts', 'projects'];

const CLOSE = `mutation($a: ID, $p: Period!) { closeMonth(areaId: $a, period: $p) { districtName closed green yellow red reports actual closedBy } }`;
const BOARD = `query($a: ID, $p: Period!) { lightBoard(areaId: $a, period: $p) { published districts { green yellow red total } } }`;
const PLAN = `query($id: ID!) { project(id: $id) { totalInvestment planYears { year plannedInvestment plannedProgress } planMonths(year: 2020) { period plannedInvestment plannedMilestone } report(period: "2020-09") { actualInvestment version } light(period: "2020-09") { color } } }`;
const DECIDE = `mutation($id: ID!, $ok: Boolean!, $r: String!) { decideCorrection(id: $id, approve: $ok, reason: $r) { id status decidedBy before after relitMonths { period before after closed } } }`;

interface PlanAnswer {
  project: {
    planYears: { year: number; plannedInvestment: string; plannedProgress: string }[];
    planMonths: { period: string; plannedInvestment: string; plannedMilestone: string }[];
    report: { actualInvestment: string; version: number } | null;
    light: { color: string } | null;
  };
}

/** Yuan strings with two decimals to 分 and back (exact). */
const fen = (yuan: string) => BigInt(yuan.replace('.', ''));
const yuan = (f: bigint) => `${f / 100n}.${String(f % 100n).padStart(2, '0')}`;

describe.each(DRIVERS)('month close and corrections [%s]', (driver) => {
  let t: TestServer;
  let ids: Record<string, string>;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestServer(driver, { seedModules: SEED });
    ids = Object.fromEntries((await t.server.db.getRepository(Area).find()).map((a) => [a.name, String(a.id)]));
    for (const u of ['admin.sujiatun', 'admin.shenyang', 'admin.dadong', 'analyst']) tokens[u] = await t.login(u);
  }, 120_000);
  afterAll(() => t.close());
  afterEach(async () => {
    const [stored, fresh] = await Promise.all([storedLightCounts(t.server.db.manager), lightCountsFromBaseTables(t.server.db.manager)]);
    expect(Object.fromEntries(stored)).toEqual(Object.fromEntries(fresh));
  });

  /** The September 2020 yellow projects of 苏家屯区, with their plan table. */
  async function yellowProjects(): Promise<string[]> {
    const res = await t.gql<{ projects: { nodes: { id: string }[] } }>(
      'query($d: ID) { projects(filter: { districtId: $d, lightColor: YELLOW, lightPeriod: "2020-09" }, first: 20, orderBy: CODE) { nodes { id } } }',
      { d: ids['苏家屯区'] },
      tokens['admin.sujiatun'],
    );
    return res.data!.projects.nodes.map((n) => n.id);
  }

  /** The plan table of 2020 with September planned at `september` 分, December taking up the difference. */
  async function planWithSeptember(projectId: string, september: (plan: PlanAnswer['project']) => bigint) {
    const res = await t.gql<PlanAnswer>(PLAN, { id: projectId }, tokens['admin.sujiatun']);
    const p = res.data!.project;
    const months = p.planMonths.map((m) => ({ month: Number(m.period.slice(5)), plannedInvestment: fen(m.plannedInvestment), plannedMilestone: m.plannedMilestone }));
    const sep = months.find((m) => m.month === 9)!;
    const dec = months.find((m) => m.month === 12)!;
    const wanted = september(p);
    dec.plannedInvestment += sep.plannedInvestment - wanted;
    sep.plannedInvestment = wanted;
    return {
      plan: p,
      input: {
        years: p.planYears.map((y) => ({ year: y.year, plannedInvestment: y.plannedInvestment, plannedProgress: y.plannedProgress })),
        year: 2020,
        months: months.map((m) => ({ ...m, plannedInvestment: yuan(m.plannedInvestment) })),
      },
    };
  }

  it('refuses to close a month before its report deadline, and a district admin closes only its own district', async () => {
    const future = await t.gql(CLOSE, { a: ids['苏家屯区'], p: '2099-01' }, tokens['admin.sujiatun']);
    expect(errorCode(future)).toBe('BAD_USER_INPUT');
    expect(future.errors![0].extensions).toMatchObject({ field: 'period' });
    const other = await t.gql(CLOSE, { a: ids['大东区'], p: '2020-09' }, tokens['admin.sujiatun']);
    expect(errorCode(other)).toBe('FORBIDDEN');
    const analyst = await t.gql(CLOSE, { a: ids['苏家屯区'], p: '2020-09' }, tokens['analyst']);
    expect(errorCode(analyst)).toBe('FORBIDDEN');
    expect(await t.server.db.getRepository(MonthClose).count()).toBe(0);
  });

  it('admin.sujiatun closes September 2020 at 86 green, 10 yellow, 4 red; a plan edit then goes in as a correction and the board stays 86/10/4', async () => {
    const closed = await t.gql<{ closeMonth: { districtName: string; closed: boolean; green: number; yellow: number; red: number; reports: number; closedBy: string }[] }>(
      CLOSE,
      { a: ids['苏家屯区'], p: '2020-09' },
      tokens['admin.sujiatun'],
    );
    expect(closed.errors).toBeUndefined();
    expect(closed.data!.closeMonth).toEqual([expect.objectContaining({ districtName: '苏家屯区', closed: true, green: 86, yellow: 10, red: 4, closedBy: 'admin.sujiatun' })]);
    // Closing again changes nothing and writes no audit record.
    const auditsBefore = await t.server.db.getRepository(AuditRecord).countBy({ action: 'month.close' });
    const again = await t.gql<{ closeMonth: { green: number }[] }>(CLOSE, { a: ids['苏家屯区'], p: '2020-09' }, tokens['admin.sujiatun']);
    expect(again.data!.closeMonth[0].green).toBe(86);
    expect(await t.server.db.getRepository(AuditRecord).countBy({ action: 'month.close' })).toBe(auditsBefore);

    const published = await t.gql('mutation($a: ID!) { publishLightBoard(areaId: $a, period: "2020-09") }', { a: ids['苏家屯区'] }, tokens['admin.sujiatun']);
    expect(published.errors).toBeUndefined();

    // A plan edit that changes September: refused as a plain save, naming the month …
    const [projectId] = await yellowProjects();
    const { plan, input } = await planWithSeptember(projectId, (p) => fen(p.report!.actualInvestment));
    expect(plan.light!.color).toBe('YELLOW');
    const save = await t.gql('mutation($id: ID!, $input: PlanTableInput!) { savePlanTable(projectId: $id, input: $input) { id } }', { id: projectId, input }, tokens['admin.sujiatun']);
    expect(errorCode(save)).toBe('BAD_USER_INPUT');
    expect(save.errors![0].extensions).toMatchObject({ field: 'input.months[8].plannedInvestment', reason: expect.stringContaining('已关账'), monthClosed: '2020-09' });
    // … and accepted as a correction awaiting a city admin.
    const asked = await t.gql<{ requestPlanCorrection: { id: string; status: string; period: string; kind: string; requestedBy: string } }>(
      'mutation($id: ID!, $input: PlanTableInput!, $r: String!) { requestPlanCorrection(projectId: $id, input: $input, reason: $r) { id status period kind requestedBy } }',
      { id: projectId, input, r: '9月计划录入有误' },
      tokens['admin.sujiatun'],
    );
    expect(asked.errors).toBeUndefined();
    expect(asked.data!.requestPlanCorrection).toMatchObject({ status: 'PENDING', period: '2020-09', kind: 'PLAN' });

    // Nothing moved: the plan, the light and the board (live and as the public reads it).
    const after = await t.gql<PlanAnswer>(PLAN, { id: projectId }, tokens['admin.sujiatun']);
    expect(after.data!.project.planMonths).toEqual(plan.planMonths);
    expect(after.data!.project.light!.color).toBe('YELLOW');
    for (const token of [tokens['admin.sujiatun'], null]) {
      const board = await t.gql<{ lightBoard: { published: boolean; districts: { green: number; yellow: number; red: number }[] } }>(BOARD, { a: ids['苏家屯区'], p: '2020-09' }, token);
      expect(board.errors).toBeUndefined();
      expect(board.data!.lightBoard.districts[0]).toMatchObject({ green: 86, yellow: 10, red: 4 });
    }
    const pending = await t.gql<{ lightCorrections: { totalCount: number; nodes: { id: string; project: { id: string } }[] } }>(
      'query { lightCorrections(filter: { status: PENDING }) { totalCount nodes { id project { id } } } }',
      {},
      tokens['admin.shenyang'],
    );
    expect(pending.data!.lightCorrections.nodes).toContainEqual({ id: asked.data!.requestPlanCorrection.id, project: { id: projectId } });
  });

  it('takes a late report for a closed month only as a correction; a city admin approves it, relighting that month and the ones after, never those before', async () => {
    const [, projectId] = await yellowProjects();
    const before = await t.gql<PlanAnswer>(PLAN, { id: projectId }, tokens['admin.sujiatun']);
    const sepPlan = fen(before.data!.project.planMonths.find((m) => m.period === '2020-09')!.plannedInvestment);
    const lightsBefore = await t.server.db.getRepository(ProjectLight).find({ where: { projectId: Number(projectId) }, order: { period: 'ASC' } });

    const save = await t.gql(
      'mutation($i: MonthlyReportInput!) { saveMonthlyReport(input: $i) { id } }',
      { i: { projectId, period: '2020-09', actualInvestment: yuan(sepPlan), progress: '补报', version: before.data!.project.report!.version } },
      tokens['admin.sujiatun'],
    );
    expect(errorCode(save)).toBe('BAD_USER_INPUT');
    expect(save.errors![0].extensions).toMatchObject({ field: 'input.period', monthClosed: '2020-09' });

    const noReason = await t.gql('mutation($i: ReportCorrectionInput!) { requestReportCorrection(input: $i) { id } }', { i: { projectId, period: '2020-09', actualInvestment: yuan(sepPlan), progress: '补报', reason: ' ' } }, tokens['admin.sujiatun']);
    expect(errorCode(noReason)).toBe('BAD_USER_INPUT');
    const open = await t.gql('mutation($i: ReportCorrectionInput!) { requestReportCorrection(input: $i) { id } }', { i: { projectId, period: '2020-08', actualInvestment: yuan(sepPlan), progress: '补报', reason: '漏报' } }, tokens['admin.sujiatun']);
    expect(errorCode(open)).toBe('BAD_USER_INPUT'); // August is not closed: an ordinary save does

    const asked = await t.gql<{ requestReportCorrection: { id: string } }>(
      'mutation($i: ReportCorrectionInput!) { requestReportCorrection(input: $i) { id } }',
      { i: { projectId, period: '2020-09', actualInvestment: yuan(sepPlan), progress: '9月实际完成补报', reason: '财务入账延迟，9月投资漏报' } },
      tokens['admin.sujiatun'],
    );
    expect(asked.errors).toBeUndefined();
    const id = asked.data!.requestReportCorrection.id;

    // Neither the district admin who asked nor another district's admin may approve.
    expect(errorCode(await t.gql(DECIDE, { id, ok: true, r: '' }, tokens['admin.sujiatun']))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(DECIDE, { id, ok: true, r: '' }, tokens['admin.dadong']))).toBe('NOT_FOUND');

    const approved = await t.gql<{ decideCorrection: { status: string; decidedBy: string; before: string; after: string; relitMonths: { period: string; before: string; after: string; closed: boolean }[] } }>(
      DECIDE,
      { id, ok: true, r: '核实无误' },
      tokens['admin.shenyang'],
    );
    expect(approved.errors).toBeUndefined();
    const d = approved.data!.decideCorrection;
    expect(d.status).toBe('APPROVED');
    expect(JSON.parse(d.before)).toMatchObject({ light: { color: 'YELLOW' } });
    expect(JSON.parse(d.after)).toMatchObject({ light: { color: 'GREEN' }, report: { actualInvestment: sepPlan.toString() } });
    expect(d.relitMonths[0]).toEqual({ period: '2020-09', before: 'YELLOW', after: 'GREEN', closed: true });
    expect(d.relitMonths.every((m) => m.period >= '2020-09')).toBe(true);

    // Only September and later moved; the months before are as they were.
    const lightsAfter = await t.server.db.getRepository(ProjectLight).find({ where: { projectId: Number(projectId) }, order: { period: 'ASC' } });
    const colours = (ls: ProjectLight[], keep: (p: string) => boolean) => ls.filter((l) => keep(l.period)).map((l) => [l.period, l.color, l.reason]);
    expect(colours(lightsAfter, (p) => p < '2020-09')).toEqual(colours(lightsBefore, (p) => p < '2020-09'));
    expect(lightsAfter.find((l) => l.period === '2020-09')!.color).toBe('GREEN');
    // The close keeps the figures it closed with.
    const close = await t.server.db.getRepository(MonthClose).findOneByOrFail({ areaId: Number(ids['苏家屯区']), period: '2020-09' });
    expect([close.green, close.yellow, close.red]).toEqual([86, 10, 4]);

    // A second decision is a conflict; the trail names who asked, who approved, and the before and after.
    expect(errorCode(await t.gql(DECIDE, { id, ok: false, r: '重复' }, tokens['admin.shenyang']))).toBe('CONFLICT');
    const trail = await t.server.db.getRepository(AuditRecord).find({ where: { entityType: 'LightCorrection', entityId: id }, order: { id: 'ASC' } });
    expect(trail.map((a) => [a.action, a.actorUsername])).toEqual([
      ['correction.request', 'admin.sujiatun'],
      ['correction.approve', 'admin.shenyang'],
    ]);
    expect(JSON.parse(trail[1].after!)).toMatchObject({ status: 'APPROVED' });
  });

  it('a rejected correction changes nothing but its state, and needs a reason', async () => {
    const [, , projectId] = await yellowProjects();
    const asked = await t.gql<{ requestReportCorrection: { id: string } }>(
      'mutation($i: ReportCorrectionInput!) { requestReportCorrection(input: $i) { id } }',
      { i: { projectId, period: '2020-09', actualInvestment: '1.00', progress: '', reason: '更正' } },
      tokens['admin.sujiatun'],
    );
    const id = asked.data!.requestReportCorrection.id;
    const lightBefore = await t.server.db.getRepository(ProjectLight).findOneByOrFail({ projectId: Number(projectId), period: '2020-09' });
    expect(errorCode(await t.gql(DECIDE, { id, ok: false, r: '' }, tokens['admin.shenyang']))).toBe('BAD_USER_INPUT');
    const rejected = await t.gql<{ decideCorrection: { status: string; relitMonths: unknown[] } }>(DECIDE, { id, ok: false, r: '缺少凭证' }, tokens['admin.shenyang']);
    expect(rejected.data!.decideCorrection).toMatchObject({ status: 'REJECTED', relitMonths: [], before: null, after: null });
    const lightAfter = await t.server.db.getRepository(ProjectLight).findOneByOrFail({ projectId: Number(projectId), period: '2020-09' });
    expect([lightAfter.color, lightAfter.reason]).toEqual([lightBefore.color, lightBefore.reason]);
  });

  it('the month-end job adds no light to a closed month, and would to an open one', async () => {
    const { runMonthEndLights } = await import('./lights.service');
    const { addToLightCounts } = await import('./light-counts');
    const em = t.server.db.manager;
    const sujiatun = Number(ids['苏家屯区']);
    // Take one stored light away (with its count) in a closed month and in an open one.
    const take = async (period: string) => {
      const light = await em.findOneOrFail(ProjectLight, { where: { areaId: sujiatun, period }, order: { id: 'ASC' } });
      await em.transaction(async (tx) => {
        await tx.delete(ProjectLight, { id: light.id });
        await addToLightCounts(tx, [{ period, areaId: sujiatun, color: light.color, n: -1 }]);
      });
      return light;
    };
    const closedGone = await take('2020-09');
    await take('2020-08');
    expect(await runMonthEndLights(em, '2020-09', new Date(), [sujiatun])).toBe(0);
    expect(await runMonthEndLights(em, '2020-08', new Date(), [sujiatun])).toBe(1);
    // Put the closed month's light back as it was.
    const { id: _id, ...row } = closedGone;
    await em.transaction(async (tx) => {
      await tx.insert(ProjectLight, row);
      await addToLightCounts(tx, [{ period: '2020-09', areaId: sujiatun, color: closedGone.color, n: 1 }]);
    });
  });
});
