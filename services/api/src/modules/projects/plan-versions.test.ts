import { Area } from '../../core/areas/area.entity';
import { AuditRecord } from '../../core/audit/audit-record.entity';
import { DRIVERS, errorCode, startTestServer, type TestServer } from '../../testing/harness';

const SEED = ['areas', 'accounts', 'projects'];
const PLAN = `query($id: ID!) { project(id: $id) { planYears { year plannedInvestment plannedProgress } planMonths(year: 2020) { period plannedInvestment plannedMilestone } report(period: "2020-09") { actualInvestment } light(period: "2020-09") { color } planVersions(year: 2020) { version status reason months { period plannedInvestment } } } }`;

interface PlanAnswer {
  project: {
    planYears: { year: number; plannedInvestment: string; plannedProgress: string }[];
    planMonths: { period: string; plannedInvestment: string; plannedMilestone: string }[];
    report: { actualInvestment: string };
    light: { color: string };
    planVersions: { version: number; status: string; reason: string | null; months: { period: string; plannedInvestment: string }[] }[];
  };
}

const fen = (yuan: string) => BigInt(yuan.replace('.', ''));
const yuan = (f: bigint) => `${f / 100n}.${String(f % 100n).padStart(2, '0')}`;

describe.each(DRIVERS)('plan baselines [%s]', (driver) => {
  let t: TestServer;
  let ids: Record<string, string>;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestServer(driver, { seedModules: SEED });
    ids = Object.fromEntries((await t.server.db.getRepository(Area).find()).map((a) => [a.name, String(a.id)]));
    for (const u of ['admin.sujiatun', 'admin.shenyang']) tokens[u] = await t.login(u);
  }, 120_000);
  afterAll(() => t.close());

  async function yellow(n: number): Promise<string> {
    const res = await t.gql<{ projects: { nodes: { id: string }[] } }>(
      'query($d: ID) { projects(filter: { districtId: $d, lightColor: YELLOW, lightPeriod: "2020-09" }, first: 10, orderBy: CODE) { nodes { id } } }',
      { d: ids['苏家屯区'] },
      tokens['admin.sujiatun'],
    );
    return res.data!.projects.nodes[n].id;
  }

  /** The 2020 plan with September at the reported actual and December taking up the difference. */
  function septemberAtActual(p: PlanAnswer['project']) {
    const months = p.planMonths.map((m) => ({ month: Number(m.period.slice(5)), plannedInvestment: fen(m.plannedInvestment), plannedMilestone: m.plannedMilestone }));
    const sep = months.find((m) => m.month === 9)!;
    const dec = months.find((m) => m.month === 12)!;
    const wanted = fen(p.report.actualInvestment);
    dec.plannedInvestment += sep.plannedInvestment - wanted;
    sep.plannedInvestment = wanted;
    return {
      years: p.planYears.map((y) => ({ year: y.year, plannedInvestment: y.plannedInvestment, plannedProgress: y.plannedProgress })),
      year: 2020,
      months: months.map((m) => ({ ...m, plannedInvestment: yuan(m.plannedInvestment) })),
    };
  }

  it('approves a year’s plan as its baseline; a change is a new version a city admin approves, and the light is judged against the version in force', async () => {
    const id = await yellow(0);
    const before = (await t.gql<PlanAnswer>(PLAN, { id }, tokens['admin.sujiatun'])).data!.project;
    expect(before.planVersions).toEqual([]);

    const baseline = await t.gql<{ approvePlanBaseline: { version: number; status: string } }>('mutation($id: ID!) { approvePlanBaseline(projectId: $id, year: 2020) { version status } }', { id }, tokens['admin.sujiatun']);
    expect(baseline.errors).toBeUndefined();
    expect(baseline.data!.approvePlanBaseline).toEqual({ version: 1, status: 'APPROVED' });
    expect(errorCode(await t.gql('mutation($id: ID!) { approvePlanBaseline(projectId: $id, year: 2020) { version } }', { id }, tokens['admin.sujiatun']))).toBe('CONFLICT');

    // A plain save that changes the approved months is refused, naming the months and the way.
    const input = septemberAtActual(before);
    const save = await t.gql('mutation($id: ID!, $input: PlanTableInput!) { savePlanTable(projectId: $id, input: $input) { id } }', { id, input }, tokens['admin.sujiatun']);
    expect(errorCode(save)).toBe('BAD_USER_INPUT');
    expect(save.errors![0].extensions).toMatchObject({ field: 'input.months', planVersionNeeded: 2020 });

    const noReason = await t.gql('mutation($id: ID!, $input: PlanTableInput!) { requestPlanVersion(projectId: $id, input: $input, reason: " ") { id } }', { id, input }, tokens['admin.sujiatun']);
    expect(errorCode(noReason)).toBe('BAD_USER_INPUT');
    const asked = await t.gql<{ requestPlanVersion: { id: string; version: number; status: string } }>(
      'mutation($id: ID!, $input: PlanTableInput!, $r: String!) { requestPlanVersion(projectId: $id, input: $input, reason: $r) { id version status } }',
      { id, input, r: '9月投资计划按实际施工组织调整' },
      tokens['admin.sujiatun'],
    );
    expect(asked.errors).toBeUndefined();
    expect(asked.data!.requestPlanVersion).toMatchObject({ version: 2, status: 'PENDING' });
    const pending = (await t.gql<PlanAnswer>(PLAN, { id }, tokens['admin.sujiatun'])).data!.project;
    expect(pending.planMonths).toEqual(before.planMonths);
    expect(pending.light.color).toBe('YELLOW');

    const vid = asked.data!.requestPlanVersion.id;
    const decide = 'mutation($id: ID!, $ok: Boolean!) { decidePlanVersion(id: $id, approve: $ok, reason: "同意") { status decidedBy } }';
    expect(errorCode(await t.gql(decide, { id: vid, ok: true }, tokens['admin.sujiatun']))).toBe('FORBIDDEN');
    const approved = await t.gql<{ decidePlanVersion: { status: string } }>(decide, { id: vid, ok: true }, tokens['admin.shenyang']);
    expect(approved.errors).toBeUndefined();
    expect(approved.data!.decidePlanVersion.status).toBe('APPROVED');

    // In force: the plan table holds version 2 and September is judged against it.
    const after = (await t.gql<PlanAnswer>(PLAN, { id }, tokens['admin.sujiatun'])).data!.project;
    expect(after.planMonths.find((m) => m.period === '2020-09')!.plannedInvestment).toBe(before.report.actualInvestment);
    expect(after.light.color).toBe('GREEN');
    // Side by side: version 1 as it was, version 2 as approved, with its reason.
    expect(after.planVersions.map((v) => [v.version, v.status, v.reason])).toEqual([
      [1, 'APPROVED', null],
      [2, 'APPROVED', '9月投资计划按实际施工组织调整'],
    ]);
    expect(after.planVersions[0].months).toEqual(before.planMonths.map((m) => ({ period: m.period, plannedInvestment: m.plannedInvestment })));
    expect(after.planVersions[1].months).toEqual(after.planMonths.map((m) => ({ period: m.period, plannedInvestment: m.plannedInvestment })));
    const trail = await t.server.db.getRepository(AuditRecord).find({ where: { entityType: 'PlanVersion' }, order: { id: 'ASC' } });
    expect(trail.map((a) => [a.action, a.actorUsername])).toEqual([
      ['planVersion.baseline', 'admin.sujiatun'],
      ['planVersion.request', 'admin.sujiatun'],
      ['planVersion.approve', 'admin.shenyang'],
    ]);
  });

  it('does not change a closed month through a plan version: that takes a correction', async () => {
    const id = await yellow(1);
    await t.gql('mutation($id: ID!) { approvePlanBaseline(projectId: $id, year: 2020) { version } }', { id }, tokens['admin.sujiatun']);
    const plan = (await t.gql<PlanAnswer>(PLAN, { id }, tokens['admin.sujiatun'])).data!.project;
    const input = septemberAtActual(plan);
    // Asked while September is open …
    const asked = await t.gql<{ requestPlanVersion: { id: string } }>('mutation($id: ID!, $input: PlanTableInput!) { requestPlanVersion(projectId: $id, input: $input, reason: "调整") { id } }', { id, input }, tokens['admin.sujiatun']);
    expect(asked.errors).toBeUndefined();
    // … then September closes: approving it would change the closed month, so it is refused.
    const closed = await t.gql('mutation($a: ID) { closeMonth(areaId: $a, period: "2020-09") { closed } }', { a: ids['苏家屯区'] }, tokens['admin.sujiatun']);
    expect(closed.errors).toBeUndefined();
    const approve = await t.gql('mutation($id: ID!) { decidePlanVersion(id: $id, approve: true) { status } }', { id: asked.data!.requestPlanVersion.id }, tokens['admin.shenyang']);
    expect(errorCode(approve)).toBe('CONFLICT');
    const again = await t.gql('mutation($id: ID!, $input: PlanTableInput!) { requestPlanVersion(projectId: $id, input: $input, reason: "调整") { id } }', { id, input }, tokens['admin.sujiatun']);
    expect(errorCode(again)).toBe('BAD_USER_INPUT');
    expect(again.errors![0].message).toContain('2020-09 已关账');
    const now = (await t.gql<PlanAnswer>(PLAN, { id }, tokens['admin.sujiatun'])).data!.project;
    expect(now.planMonths).toEqual(plan.planMonths);
    expect(now.light.color).toBe('YELLOW');
  });
});
