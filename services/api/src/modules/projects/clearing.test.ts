import { Area } from '../../core/areas/area.entity';
import { DRIVERS, startTestServer, type TestServer } from '../../testing/harness';

const SEED = ['areas', 'accounts', 'projects'];

describe.each(DRIVERS)('what clears a light [%s]', (driver) => {
  let t: TestServer;
  let ids: Record<string, string>;
  let token: string;
  beforeAll(async () => {
    t = await startTestServer(driver, { seedModules: SEED });
    ids = Object.fromEntries((await t.server.db.getRepository(Area).find()).map((a) => [a.name, String(a.id)]));
    token = await t.login('admin.sujiatun');
  }, 120_000);
  afterAll(() => t.close());

  it('tells a yellow project what October needs to be green and when it turns red, from its plan and its run behind', async () => {
    const res = await t.gql<{
      projects: { nodes: Array<{ planMonths: Array<{ period: string; plannedInvestment: string }>; light: { color: string; figures: string; clearing: { nextPeriod: string; neededInvestment: string; redBy: string | null; explanation: string; milestones: unknown[] } } }> };
    }>(
      'query($d: ID) { projects(filter: { districtId: $d, lightColor: YELLOW, lightPeriod: "2020-09" }, first: 10) { nodes { planMonths(year: 2020) { period plannedInvestment } light(period: "2020-09") { color figures clearing { nextPeriod neededInvestment redBy explanation milestones { name } } } } } }',
      { d: ids['苏家屯区'] },
      token,
    );
    expect(res.errors).toBeUndefined();
    const nodes = res.data!.projects.nodes;
    expect(nodes).toHaveLength(10);
    const runs = new Set<number>();
    for (const n of nodes) {
      const { behindRun, tolerancePercent } = JSON.parse(n.light.figures) as { behindRun: number; tolerancePercent: number };
      runs.add(behindRun);
      const october = n.planMonths.find((m) => m.period === '2020-10');
      expect(tolerancePercent).toBe(0);
      expect(n.light.clearing).toMatchObject({ nextPeriod: '2020-10', neededInvestment: october ? october.plannedInvestment : '0.00', milestones: [] });
      expect(n.light.clearing.redBy).toBe(behindRun === 1 ? '2020-11' : '2020-10');
      expect(n.light.clearing.explanation).toContain('转为绿灯');
    }
    // The demo has yellow projects one and two months behind (the report's 连续第2个月).
    expect([...runs].sort()).toEqual([1, 2]);
  });

  it('has nothing to clear on a green light; a red one needs its plan and has no later red month', async () => {
    const res = await t.gql<{ green: { nodes: Array<{ light: { clearing: unknown } }> }; red: { nodes: Array<{ light: { clearing: { redBy: string | null; explanation: string } } }> } }>(
      `query($d: ID) {
        green: projects(filter: { districtId: $d, lightColor: GREEN, lightPeriod: "2020-09" }, first: 3) { nodes { light(period: "2020-09") { clearing { nextPeriod } } } }
        red: projects(filter: { districtId: $d, lightColor: RED, lightPeriod: "2020-09" }, first: 4) { nodes { light(period: "2020-09") { clearing { redBy explanation } } } }
      }`,
      { d: ids['苏家屯区'] },
      token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.green.nodes.map((n) => n.light.clearing)).toEqual([null, null, null]);
    for (const n of res.data!.red.nodes) expect(n.light.clearing).toMatchObject({ redBy: null, explanation: expect.stringContaining('继续亮红灯') });
  });

  it('shows it on the district board to its admins, never to the public', async () => {
    const q = 'query($a: ID, $p: Period!) { lightBoard(areaId: $a, period: $p) { projects { color clearing { nextPeriod redBy } } } }';
    const admin = await t.gql<{ lightBoard: { projects: Array<{ color: string; clearing: { nextPeriod: string } | null }> } }>(q, { a: ids['苏家屯区'], p: '2020-09' }, token);
    expect(admin.errors).toBeUndefined();
    expect(admin.data!.lightBoard.projects).toHaveLength(14);
    expect(admin.data!.lightBoard.projects.every((p) => p.clearing?.nextPeriod === '2020-10')).toBe(true);
    const anon = await t.gql<{ lightBoard: { projects: Array<{ clearing: unknown }> } }>(q, { a: ids['苏家屯区'], p: '2020-09' }, null);
    expect(anon.errors).toBeUndefined();
    expect(anon.data!.lightBoard.projects.map((p) => p.clearing)).toEqual(Array(14).fill(null));
  });
});
