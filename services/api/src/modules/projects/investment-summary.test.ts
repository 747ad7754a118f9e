import fc from 'fast-check';
import { DRIVERS, startTestServer, type TestServer } from '../../testing/harness';
import { Area } from '../../core/areas/area.entity';
import { districtSummaryFromBaseTables, storedDistrictSummary, storedSummary, summaryFromBaseTables } from './investment-summary';
import { MonthlyReport } from './plan.entity';
import { Project } from './project.entity';

const SEED = ['areas', 'accounts', 'projects', 'rankings'];
const CREATE = 'mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }';
const SAVE_PLAN = 'mutation($id: ID!, $i: PlanTableInput!) { savePlanTable(projectId: $id, input: $i) { id } }';
const SAVE_REPORT = 'mutation($i: MonthlyReportInput!) { saveMonthlyReport(input: $i) { id } }';
const UPDATE = 'mutation($id: ID!, $i: UpdateProjectInput!) { updateProject(id: $id, input: $i) { id } }';
/** Four clients: two sessions each of the province's and the city's admin. */
const WRITERS = [0, 1, 2, 3];
/** Total investment of the test projects: 2,400,000 元 over 2019–2020. */
const TOTAL = 240_000_000n;

const yuan = (fenAmount: bigint) => `${fenAmount / 100n}.${String(fenAmount % 100n).padStart(2, '0')}`;

type Op =
  | { kind: 'plan'; project: number; firstYear: bigint; year: number; weights: number[] }
  | { kind: 'report'; project: number; period: string; amount: bigint }
  | { kind: 'update'; project: number; category: string; stage: string };

const PROJECTS = 6;
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('plan' as const),
    project: fc.nat(PROJECTS - 1),
    firstYear: fc.bigInt(0n, TOTAL / 100n).map((n) => n * 100n),
    year: fc.constantFrom(2019, 2020),
    weights: fc.array(fc.nat(9), { minLength: 12, maxLength: 12 }),
  }),
  fc.record({
    kind: fc.constant('report' as const),
    project: fc.nat(PROJECTS - 1),
    period: fc.integer({ min: 0, max: 23 }).map((i) => `${2019 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`),
    amount: fc.bigInt(0n, 50_000_000n),
  }),
  fc.record({
    kind: fc.constant('update' as const),
    project: fc.nat(PROJECTS - 1),
    category: fc.constantFrom('INDUSTRIAL', 'INFRASTRUCTURE', 'SOCIAL'),
    stage: fc.constantFrom('NEW', 'CONTINUING', 'COMPLETED'),
  }),
);

/** Splits an amount over twelve months by the weights (the last month takes the rest). */
function spread(amount: bigint, weights: number[]): bigint[] {
  const total = BigInt(weights.reduce((s, w) => s + w, 0));
  if (total === 0n) return weights.map((_, i) => (i === 11 ? amount : 0n));
  const parts = weights.map((w) => (amount * BigInt(w)) / total);
  parts[11] += amount - parts.reduce((s, p) => s + p, 0n);
  return parts;
}

describe.each(DRIVERS)('investment summary [%s]', (driver) => {
  let t: TestServer;
  const tokens: string[] = [];
  const projectIds: string[] = [];

  const expectSummaryEqualsBaseTables = async () => {
    const em = t.server.db.manager;
    const [stored, fresh, storedDistricts, freshDistricts] = await Promise.all([storedSummary(em), summaryFromBaseTables(em), storedDistrictSummary(em), districtSummaryFromBaseTables(em)]);
    expect(Object.fromEntries(stored)).toEqual(Object.fromEntries(fresh));
    expect(Object.fromEntries(storedDistricts)).toEqual(Object.fromEntries(freshDistricts));
  };

  beforeAll(async () => {
    t = await startTestServer(driver, { seedModules: SEED });
    const ids = Object.fromEntries((await t.server.db.getRepository(Area).find()).map((a) => [a.name, String(a.id)]));
    for (const u of ['admin.liaoning', 'admin.shenyang', 'admin.liaoning', 'admin.shenyang']) tokens.push(await t.login(u));
    for (let i = 0; i < PROJECTS; i++) {
      const res = await t.gql<{ createProject: { id: string } }>(
        CREATE,
        {
          i: {
            districtId: ids[i % 2 ? '大东区' : '苏家屯区'],
            code: `SUM-TEST-${i}`,
            name: `汇总一致性测试项目${i}`,
            category: 'INDUSTRIAL',
            stage: 'CONTINUING',
            totalInvestment: yuan(TOTAL),
            constructionStart: '2019-01',
            constructionEnd: '2020-12',
            enterprise: '沈阳测试实业有限公司',
            responsibleLeader: '分管副区长',
            responsibleUnit: '区发展和改革局',
            keyPush: false,
            majorGovernmentInvestment: false,
          },
        },
        tokens[0],
      );
      expect(res.errors).toBeUndefined();
      projectIds.push(res.data!.createProject.id);
    }
  }, 120_000);
  afterAll(() => t.close());

  it('is built from the seeded plans and reports', async () => {
    expect((await storedSummary(t.server.db.manager)).size).toBeGreaterThan(0);
    expect((await storedDistrictSummary(t.server.db.manager)).size).toBeGreaterThan(0);
    await expectSummaryEqualsBaseTables();
  });

  const run = async (op: Op, writer: number) => {
    const id = projectIds[op.project];
    const token = tokens[writer];
    if (op.kind === 'plan') {
      const second = TOTAL - op.firstYear;
      const amount = op.year === 2019 ? op.firstYear : second;
      const months = spread(amount, op.weights).map((a, i) => ({ month: i + 1, plannedInvestment: yuan(a) }));
      const years = [
        { year: 2019, plannedInvestment: yuan(op.firstYear) },
        { year: 2020, plannedInvestment: yuan(second) },
      ];
      return t.gql(SAVE_PLAN, { id, i: { years, year: op.year, months } }, token);
    }
    if (op.kind === 'report') {
      const existing = await t.server.db.getRepository(MonthlyReport).findOneBy({ projectId: Number(id), period: op.period });
      return t.gql(SAVE_REPORT, { i: { projectId: id, period: op.period, actualInvestment: yuan(op.amount), progress: '按计划推进', version: existing?.version ?? null } }, token);
    }
    const project = await t.server.db.getRepository(Project).findOneByOrFail({ id: Number(id) });
    return t.gql(UPDATE, { id, i: { version: project.version, category: op.category, stage: op.stage, stageReason: '按实际进展调整' } }, token);
  };

  it('equals the sums of the plans and reports after random edits, many clients at once', async () => {
    let applied = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 16 }), async (ops) => {
        const results = await Promise.all(ops.map((op, i) => run(op, WRITERS[i % WRITERS.length])));
        for (const res of results) {
          // Two clients changing the same row: one of them is refused with CONFLICT, never anything else.
          if (res.errors) expect(res.errors.map((e) => e.extensions?.code)).toEqual(['CONFLICT']);
          else applied += 1;
        }
        await expectSummaryEqualsBaseTables();
      }),
      { numRuns: driver === 'sqlite' ? 25 : 15, seed: 20_201_031 },
    );
    expect(applied).toBeGreaterThan(50);
  }, 600_000);

  it('gives the statistics the sums of the base tables', async () => {
    const area = String((await t.server.db.getRepository(Area).findOneByOrFail({ name: '沈阳市' })).id);
    const res = await t.gql<{ planVsActual: { planned: string; actual: string }[] }>(
      'query($a: ID!) { planVsActual(areaId: $a, year: 2020, view: YEAR) { planned actual } }',
      { a: area },
      tokens[0],
    );
    expect(res.errors).toBeUndefined();
    const ids = (await t.server.db.getRepository(Area).find()).filter((a) => a.parentId === Number(area) || a.id === Number(area)).map((a) => a.id);
    const [plan] = await t.server.db.query(
      `SELECT SUM(pm.planned_investment) AS s FROM project_plan_months pm INNER JOIN projects p ON p.id = pm.project_id WHERE p.area_id IN (${ids.join(',')}) AND pm.period BETWEEN '2020-01' AND '2020-12'`,
    );
    const [actual] = await t.server.db.query(`SELECT SUM(actual_investment) AS s FROM project_reports WHERE area_id IN (${ids.join(',')}) AND period BETWEEN '2020-01' AND '2020-12'`);
    expect(res.data!.planVsActual[0]).toEqual({ planned: yuan(BigInt(String(plan.s).split('.')[0])), actual: yuan(BigInt(String(actual.s).split('.')[0])) });
  });
});
