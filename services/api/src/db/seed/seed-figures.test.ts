/**
 * Every figure the seeds state (the source reports in ../shared/seeds), checked against the API as
 * a user would read it, on the whole demo as `pnpm start` seeds it; and every district of 沈阳市,
 * 大连市 and 阜新市 alive: key projects with plans, reports, lights and problems.
 */
import { periodRange } from '@kpd/domain';
import { DRIVERS, startTestServer, type TestServer } from '../../testing/harness';
import { modules } from '../../modules';
import { DALIAN_LISTED_PROBLEMS } from '../../modules/problems/seed';
import { DALIAN_CITY_KEY, isDalianCityLeader, SUJIATUN_SEPTEMBER } from '../../modules/projects/seed';
import { DALIAN_SECRETARIES } from '../../modules/secretaries/seed';

type Node = { id: string; name: string; category: string; responsibleLeader: string; district: { name: string }; planYears: { year: number }[]; report: { period: string } | null; light: { color: string } | null };

describe.each(DRIVERS)('the figures the seeds state, through the API [%s]', (driver) => {
  let t: TestServer;
  let token: string;
  let ids: Record<string, string>;
  beforeAll(async () => {
    const started = Date.now();
    t = await startTestServer(driver, { seedModules: modules.map((m) => m.name) });
    // `pnpm start` seeds the same: well under a minute, even on a loaded machine.
    expect(Date.now() - started).toBeLessThan(60_000);
    token = await t.login('admin.liaoning');
    const res = await t.gql<{ areas: { id: string; name: string; children: { id: string; name: string; children: { id: string; name: string }[] }[] }[] }>('{ areas { id name children { id name children { id name } } } }', {}, token);
    ids = {};
    for (const city of res.data!.areas[0].children) {
      ids[city.name] = city.id;
      for (const d of city.children) ids[d.name] = d.id;
    }
  });
  afterAll(() => t.close());

  async function allProjects(areaId: string, period = '2020-09'): Promise<Node[]> {
    const out: Node[] = [];
    let after: string | null = null;
    do {
      const res: Awaited<ReturnType<typeof t.gql<{ projects: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Node[] } }>>> = await t.gql(
        `query($a: ID, $after: String, $p: Period!) { projects(filter: { areaId: $a }, first: 25, after: $after) { pageInfo { hasNextPage endCursor }
           nodes { id name category responsibleLeader district { name } planYears { year } report(period: $p) { period } light(period: $p) { color } } } }`,
        { a: areaId, after, p: period },
        token,
      );
      expect(res.errors).toBeUndefined();
      out.push(...res.data!.projects.nodes);
      after = res.data!.projects.pageInfo.hasNextPage ? res.data!.projects.pageInfo.endCursor : null;
    } while (after);
    return out;
  }

  it('苏家屯区 (report 000): 100 key projects over 1亿元; September 2020 10 yellow and 4 red; 93亿 January–September, 14.8亿 in September, +20.6%', async () => {
    const library = await t.gql<{ projects: { totalCount: number } }>('query($d: ID) { projects(filter: { districtId: $d, libraryMember: true }) { totalCount } }', { d: ids['苏家屯区'] }, token);
    expect(library.data!.projects.totalCount).toBe(SUJIATUN_SEPTEMBER.projects);
    const board = await t.gql<{ lightBoard: { districts: { green: number; yellow: number; red: number; total: number }[] } }>('query($a: ID!) { lightBoard(areaId: $a, period: "2020-09") { districts { green yellow red total } } }', { a: ids['苏家屯区'] }, token);
    expect(board.data!.lightBoard.districts[0]).toEqual({ green: 86, yellow: 10, red: 4, total: 100 });
    const stats = await t.gql<{ investmentStats: { total: { ytdActual: string; monthActual: string; monthGrowth: { percent: number } } } }>(
      'query($a: ID!) { investmentStats(areaId: $a, period: "2020-09", groupBy: NONE) { total { ytdActual monthActual monthGrowth { percent } } } }',
      { a: ids['苏家屯区'] },
      token,
    );
    expect(stats.data!.investmentStats.total).toEqual({ ytdActual: '9300000000.00', monthActual: '1480000000.00', monthGrowth: { percent: 20.6 } });
  });

  it('苏家屯区 service hall (report 000): 2180 items, 603 by application, 338 fully online', async () => {
    const res = await t.gql<{ serviceCatalogueFigures: { total: number; byApplication: number; fullyOnlineRate: { numerator: number } }[] }>(
      'query($a: ID!) { serviceCatalogueFigures(areaId: $a) { total byApplication fullyOnlineRate { numerator } } }',
      { a: ids['苏家屯区'] },
      token,
    );
    expect(res.data!.serviceCatalogueFigures[0]).toEqual({ total: 2180, byApplication: 603, fullyOnlineRate: { numerator: 338 } });
  });

  it('大连市 (report 001): 378 secretaries for 719 projects; 150 city key projects (20 / 67 / 40 / 23), each with a city leader; 57 listed problems followed monthly', async () => {
    const overview = await t.gql<{ secretaryOverview: { total: { secretaries: number; keyProjects: number } } }>('query($a: ID) { secretaryOverview(areaId: $a) { total { secretaries keyProjects } } }', { a: ids['大连市'] }, token);
    expect(overview.data!.secretaryOverview.total).toEqual({ secretaries: DALIAN_SECRETARIES.secretaries, keyProjects: DALIAN_SECRETARIES.projects });

    const projects = await allProjects(ids['大连市']);
    expect(projects).toHaveLength(719);
    const cityKey = projects.filter((p) => isDalianCityLeader(p.responsibleLeader));
    expect(cityKey).toHaveLength(DALIAN_CITY_KEY.total);
    const byCategory = (c: string) => cityKey.filter((p) => p.category === c).length;
    expect([byCategory('INFRASTRUCTURE'), byCategory('INDUSTRIAL'), byCategory('MODERN_SERVICES'), byCategory('SOCIAL')]).toEqual([20, 67, 40, 23]);
    // Each city key project is planned, reported for September and lit by the milestone rule.
    expect(cityKey.filter((p) => p.planYears.length === 0 || !p.report || !p.light).map((p) => p.name)).toEqual([]);

    type Listed = { raisedDate: string; resolvedDate: string | null; cityLeader: string | null; notes: { period: string }[] };
    const nodes: Listed[] = [];
    let total = 0;
    for (let after: string | null = null, more = true; more; ) {
      const page: Awaited<ReturnType<typeof t.gql<{ problems: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Listed[] } }>>> = await t.gql(
        'query($a: ID, $after: String) { problems(filter: { areaId: $a, levels: [CITY] }, first: 30, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { raisedDate resolvedDate cityLeader notes { period } } } }',
        { a: ids['大连市'], after },
        token,
      );
      expect(page.errors).toBeUndefined();
      total = page.data!.problems.totalCount;
      nodes.push(...page.data!.problems.nodes);
      more = page.data!.problems.pageInfo.hasNextPage;
      after = page.data!.problems.pageInfo.endCursor;
    }
    expect(total).toBe(DALIAN_LISTED_PROBLEMS);
    expect(nodes).toHaveLength(DALIAN_LISTED_PROBLEMS);
    for (const p of nodes) {
      expect(p.cityLeader).toBeTruthy();
      // Followed monthly: a note for every month from the one it was raised in until solved (or September).
      const last = (p.resolvedDate ?? '2020-09-30').slice(0, 7);
      const expected = periodRange(p.raisedDate.slice(0, 7), last);
      expect([p.raisedDate, p.notes.map((n) => n.period)]).toEqual([p.raisedDate, expected]);
    }
  });

  it('阜新市 (report 003): the 2021 session adopted 10 of 15 candidates', async () => {
    const res = await t.gql<{ voteSessions: { name: string; status: string; candidates: { adopted: boolean }[] }[] }>('{ voteSessions { name status candidates { adopted } } }', {}, await t.login('admin.fuxin'));
    const session = res.data!.voteSessions.find((s) => s.name === '阜新市十六届人大四次会议')!;
    expect(session.candidates).toHaveLength(15);
    expect(session.candidates.filter((c) => c.adopted)).toHaveLength(10);
  });

  it.each(['沈阳市', '大连市', '阜新市'])('every district of %s is alive: key projects planned, reported, lit and with problems in September 2020', async (city) => {
    const res = await t.gql<{ districts: { id: string; name: string }[] }>('query($c: ID) { districts(cityId: $c) { id name } }', { c: ids[city] }, token);
    const projects = await allProjects(ids[city]);
    const dead: string[] = [];
    for (const d of res.data!.districts) {
      const own = projects.filter((p) => p.district.name === d.name);
      const lit = own.filter((p) => p.light && p.report && p.planYears.length > 0);
      const problems = await t.gql<{ problems: { totalCount: number } }>('query($a: ID) { problems(filter: { areaId: $a }) { totalCount } }', { a: d.id }, token);
      if (lit.length === 0 || problems.data!.problems.totalCount === 0) dead.push(`${d.name}: ${own.length} projects, ${lit.length} lit, ${problems.data!.problems.totalCount} problems`);
    }
    expect(dead).toEqual([]);
    // Lights in proportions like the reports': mostly green, some yellow and red.
    const colors = projects.filter((p) => p.light).map((p) => p.light!.color);
    const share = (c: string) => colors.filter((x) => x === c).length / colors.length;
    expect(share('GREEN')).toBeGreaterThan(0.6);
    expect(share('YELLOW') + share('RED')).toBeGreaterThan(0.05);
  });
});
