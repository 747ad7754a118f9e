import { spawn } from 'node:child_process';
import path from 'node:path';
import { AuditRecord } from '../../core/audit/audit-record.entity';
import { DRIVERS, errorCode, startTestServer, type TestServer } from '../../testing/harness';
import { Area } from '../../core/areas/area.entity';
import { lightCountsFromBaseTables, storedLightCounts } from './light-counts';
import { ProjectLight } from './light.entity';
import { runMonthEndLights } from './lights.service';
import { MonthlyReport, PlanMonth } from './plan.entity';
import { Project } from './project.entity';

const SEED = ['areas', 'accounts', 'projects'];

describe.each(DRIVERS)('lights [%s]', (driver) => {
  let t: TestServer;
  let ids: Record<string, string>;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestServer(driver, { seedModules: SEED });
    ids = Object.fromEntries((await t.server.db.getRepository(Area).find()).map((a) => [a.name, String(a.id)]));
    for (const u of ['admin.sujiatun', 'admin.shenyang', 'admin.dadong', 'admin.dalian', 'analyst', 'secretary.lijun']) tokens[u] = await t.login(u);
  }, 120_000);
  afterAll(() => t.close());
  // Every scenario below writes lights (month-end jobs, two at once, reports changing colours, lights
  // deleted): after each, the kept counts are those of the lights.
  const expectCountsEqualLights = async () => {
    const [stored, fresh] = await Promise.all([storedLightCounts(t.server.db.manager), lightCountsFromBaseTables(t.server.db.manager)]);
    expect(Object.fromEntries(stored)).toEqual(Object.fromEntries(fresh));
  };
  afterEach(expectCountsEqualLights);

  it('lights Sujiatun’s September 2020 as the report says: 100 key projects, 10 yellow, 4 red, computed by the rule', async () => {
    const board = await t.gql<{ lightBoard: { published: boolean; districts: { district: { name: string }; green: number; yellow: number; red: number; total: number }[]; projects: { name: string; color: string; reason: string; reasonCode: string }[] } }>(
      'query($a: ID, $p: Period!) { lightBoard(areaId: $a, period: $p) { published districts { district { name } green yellow red total } projects { name color reason reasonCode } } }',
      { a: ids['苏家屯区'], p: '2020-09' },
      tokens['admin.sujiatun'],
    );
    expect(board.errors).toBeUndefined();
    expect(board.data!.lightBoard.districts).toEqual([{ district: { name: '苏家屯区' }, green: 86, yellow: 10, red: 4, total: 100 }]);
    const reds = board.data!.lightBoard.projects.filter((p) => p.color === 'RED');
    const yellows = board.data!.lightBoard.projects.filter((p) => p.color === 'YELLOW');
    expect(reds).toHaveLength(4);
    expect(yellows).toHaveLength(10);
    expect(board.data!.lightBoard.projects.slice(0, 4).every((p) => p.color === 'RED')).toBe(true);
    for (const r of reds) expect(r).toMatchObject({ reasonCode: 'ZERO_PROGRESS', reason: expect.stringContaining('零进展') });
    for (const y of yellows) expect(y).toMatchObject({ reasonCode: 'BEHIND_PLAN', reason: expect.stringContaining('未完成计划') });
    expect(yellows.some((y) => y.reason.includes('连续第2个月'))).toBe(true);

    // The same through the project list, with the library filter and the light filter.
    const list = await t.gql<{ key: { totalCount: number }; yellow: { totalCount: number; nodes: { name: string; light: { color: string; reason: string } }[] }; red: { totalCount: number } }>(
      `query($d: ID) {
        key: projects(filter: { districtId: $d, libraryMember: true }) { totalCount }
        yellow: projects(filter: { districtId: $d, lightColor: YELLOW, lightPeriod: "2020-09" }, first: 100) { totalCount nodes { name light(period: "2020-09") { color reason } } }
        red: projects(filter: { districtId: $d, lightColor: RED, lightPeriod: "2020-09" }) { totalCount }
      }`,
      { d: ids['苏家屯区'] },
      tokens['admin.sujiatun'],
    );
    expect(list.errors).toBeUndefined();
    expect(list.data!.key.totalCount).toBe(100);
    expect(list.data!.yellow.totalCount).toBe(10);
    expect(list.data!.red.totalCount).toBe(4);
    expect(list.data!.yellow.nodes.every((n) => n.light.color === 'YELLOW' && n.light.reason.length > 0)).toBe(true);
  });

  it('adds up Sujiatun’s demo investment to the report’s 93亿元 for January–September and 14.8亿元 in September', async () => {
    const db = t.server.db;
    const sum = async (from: string, to: string) => {
      const row = await db
        .getRepository(MonthlyReport)
        .createQueryBuilder('r')
        .select('SUM(r.actual_investment)', 's')
        .where('r.area_id = :a AND r.period >= :from AND r.period <= :to', { a: Number(ids['苏家屯区']), from, to })
        .getRawOne<{ s: unknown }>();
      return BigInt(String(row!.s).replace(/\.0+$/, ''));
    };
    expect(await sum('2020-01', '2020-09')).toBe(93n * 100_000_000n * 100n);
    expect(await sum('2020-09', '2020-09')).toBe(1_480_000_000n * 100n);
  });

  it('answers why: each light carries its figures and rule version, the history oldest first', async () => {
    const res = await t.gql<{ projects: { nodes: { id: string; lights: { period: string; color: string; reason: string; figures: string; ruleVersion: string }[] }[] } }>(
      'query($d: ID) { projects(filter: { districtId: $d, lightColor: YELLOW, lightPeriod: "2020-09" }, first: 1) { nodes { id lights { period color reason figures ruleVersion } } } }',
      { d: ids['苏家屯区'] },
      tokens['admin.sujiatun'],
    );
    const lights = res.data!.projects.nodes[0].lights;
    expect(lights.map((l) => l.period)).toEqual(['2020-01', '2020-02', '2020-03', '2020-04', '2020-05', '2020-06', '2020-07', '2020-08', '2020-09']);
    const sep = lights[8];
    expect(sep.ruleVersion).toBe('investment-v1');
    const figures = JSON.parse(sep.figures) as { planned: string; actual: string; behindRun: number };
    expect(BigInt(figures.actual)).toBeLessThan(BigInt(figures.planned));
    expect(BigInt(figures.actual)).toBeGreaterThan(0n);
  });

  it('lights Dalian by milestones, the city’s rule', async () => {
    const res = await t.gql<{ lightBoard: { districts: { district: { name: string }; green: number; yellow: number; red: number }[]; projects: { name: string; color: string; reasonCode: string }[] } }>(
      'query { lightBoard(period: "2020-09") { districts { district { name } green yellow red } projects { name color reasonCode } } }',
      {},
      tokens['admin.dalian'],
    );
    expect(res.errors).toBeUndefined();
    const byName = Object.fromEntries(res.data!.lightBoard.projects.map((p) => [p.name, p]));
    expect(byName['保利天禧']).toMatchObject({ color: 'RED', reasonCode: 'OVERDUE' });
    expect(byName['凯丹广场']).toMatchObject({ color: 'YELLOW', reasonCode: 'BEHIND_SCHEDULE' });
    const zhongshan = res.data!.lightBoard.districts.find((d) => d.district.name === '中山区')!;
    expect(zhongshan).toMatchObject({ green: 1, yellow: 1, red: 1 });
  });

  it('keeps each district’s board to its scope and shows anonymous callers only published boards', async () => {
    const other = await t.gql('query($a: ID) { lightBoard(areaId: $a, period: "2020-09") { period } }', { a: ids['苏家屯区'] }, tokens['admin.dadong']);
    expect(errorCode(other)).toBe('FORBIDDEN');
    // The demo publishes Sujiatun's September board (report 000: 上墙公示); anyone may list and read it.
    const listed = await t.gql<{ publishedLightBoards: { area: { name: string }; period: string }[] }>('{ publishedLightBoards { area { name } period } }');
    expect(listed.data!.publishedLightBoards.map((b) => `${b.area.name} ${b.period}`)).toEqual(['苏家屯区 2020-09']);
    const anonymous = await t.gql<{ lightBoard: { published: boolean; districts: { red: number; yellow: number }[]; projects: unknown[] } }>(
      'query($a: ID) { lightBoard(areaId: $a, period: "2020-09") { published districts { red yellow } projects { name reason } } }',
      { a: ids['苏家屯区'] },
    );
    expect(anonymous.data!.lightBoard).toMatchObject({ published: true, districts: [{ red: 4, yellow: 10 }] });
    expect(anonymous.data!.lightBoard.projects).toHaveLength(14);
    // August is not published until its admin publishes it.
    const anonymousBefore = await t.gql('query($a: ID) { lightBoard(areaId: $a, period: "2020-08") { period } }', { a: ids['苏家屯区'] });
    expect(errorCode(anonymousBefore)).toBe('NOT_FOUND');
    const refused = await t.gql('mutation($a: ID!) { publishLightBoard(areaId: $a, period: "2020-08") }', { a: ids['苏家屯区'] }, tokens['admin.dadong']);
    expect(errorCode(refused)).toBe('FORBIDDEN');
    const published = await t.gql('mutation($a: ID!) { publishLightBoard(areaId: $a, period: "2020-08") }', { a: ids['苏家屯区'] }, tokens['admin.sujiatun']);
    expect(published.data).toEqual({ publishLightBoard: true });
    const august = await t.gql<{ lightBoard: { published: boolean; period: string } }>('query($a: ID) { lightBoard(areaId: $a, period: "2020-08") { published period } }', { a: ids['苏家屯区'] });
    expect(august.data!.lightBoard).toEqual({ published: true, period: '2020-08' });
    const after = await t.gql<{ publishedLightBoards: { area: { name: string }; period: string }[] }>('{ publishedLightBoards { area { name } period } }');
    expect(after.data!.publishedLightBoards.map((b) => `${b.area.name} ${b.period}`)).toEqual(['苏家屯区 2020-09', '苏家屯区 2020-08']);
    // Another month, or the city above, is not published.
    expect(errorCode(await t.gql('query($a: ID) { lightBoard(areaId: $a, period: "2020-07") { period } }', { a: ids['苏家屯区'] }))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql('query($a: ID) { lightBoard(areaId: $a, period: "2020-09") { period } }', { a: ids['沈阳市'] }))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql('query($p: Period!) { lightBoard(period: $p) { period } }', { p: '2020-9' }, tokens['admin.sujiatun']))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql('{ lightBoard(period: "2020-9") { period } }', {}, tokens['admin.sujiatun']))).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('reads whether a board is published only when asked', async () => {
    const counts = 'query($a: ID) { lightBoard(areaId: $a, period: "2020-09") { districts { green yellow red } } }';
    const withPublished = 'query($a: ID) { lightBoard(areaId: $a, period: "2020-09") { published districts { green yellow red } } }';
    const statements = async (query: string) => Number((await t.gql(query, { a: ids['苏家屯区'] }, tokens['admin.sujiatun'])).headers.get('x-sql-statements'));
    // The least of a few tries: the session is kept for a few seconds, and read again after any audited change.
    const least = async (query: string) => Math.min(await statements(query), await statements(query), await statements(query));
    const without = await least(counts);
    const asked = await least(withPublished);
    expect(asked).toBeGreaterThan(without);
    const res = await t.gql<{ lightBoard: { published: boolean } }>(withPublished, { a: ids['苏家屯区'] }, tokens['admin.sujiatun']);
    expect(res.data!.lightBoard.published).toBe(true);
  });

  it('proposes removal on a red light; an admin confirms or declines with a reason, once', async () => {
    const reds = await t.gql<{ projects: { nodes: { id: string; light: { removal: string } }[] } }>(
      'query($d: ID) { projects(filter: { districtId: $d, lightColor: RED, lightPeriod: "2020-09" }) { nodes { id light(period: "2020-09") { removal } } } }',
      { d: ids['苏家屯区'] },
      tokens['admin.sujiatun'],
    );
    const [a, b] = reds.data!.projects.nodes;
    expect(a.light.removal).toBe('PROPOSED');
    const decide = (id: string, confirm: boolean, token: string, reason = '投资意愿发生重大变化，零进展') =>
      t.gql<{ decideLibraryRemoval: { removal: string; removalReason: string; removalDecidedBy: string } }>(
        'mutation($id: ID!, $c: Boolean!, $r: String!) { decideLibraryRemoval(projectId: $id, period: "2020-09", confirm: $c, reason: $r) { removal removalReason removalDecidedBy } }',
        { id, c: confirm, r: reason },
        token,
      );
    expect(errorCode(await decide(a.id, true, tokens['admin.dadong']))).toBe('NOT_FOUND');
    expect(errorCode(await decide(a.id, true, tokens['analyst']))).toBe('FORBIDDEN');
    expect(errorCode(await decide(a.id, true, tokens['admin.sujiatun'], 'x'))).toBe('BAD_USER_INPUT');
    const confirmed = await decide(a.id, true, tokens['admin.sujiatun']);
    expect(confirmed.data!.decideLibraryRemoval).toEqual({ removal: 'CONFIRMED', removalReason: '投资意愿发生重大变化，零进展', removalDecidedBy: 'admin.sujiatun' });
    expect(errorCode(await decide(a.id, false, tokens['admin.sujiatun']))).toBe('CONFLICT');
    const declined = await decide(b.id, false, tokens['admin.sujiatun'], '企业已承诺十月复工');
    expect(declined.data!.decideLibraryRemoval.removal).toBe('DECLINED');
    const after = await t.gql<{ a: { libraryMembership: { member: boolean; reason: string }; stageHistory: { reason: string }[] }; b: { libraryMembership: { member: boolean } } }>(
      'query($a: ID!, $b: ID!) { a: project(id: $a) { libraryMembership { member reason } stageHistory { reason } } b: project(id: $b) { libraryMembership { member } } }',
      { a: a.id, b: b.id },
      tokens['admin.sujiatun'],
    );
    expect(after.data!.a.libraryMembership).toEqual({ member: false, reason: '已决定移出重点项目库' });
    expect(after.data!.a.stageHistory.at(-1)!.reason).toContain('移出重点项目库');
    expect(after.data!.b.libraryMembership.member).toBe(true);
    // Out of the library, the project is lit no more, but its history stays — even when a report is corrected.
    const v = await t.gql<{ project: { report: { version: number } } }>('query($id: ID!) { project(id: $id) { report(period: "2020-09") { version } } }', { id: a.id }, tokens['admin.sujiatun']);
    const corrected = await t.gql<{ saveMonthlyReport: { light: { color: string; removal: string } } }>(
      'mutation($i: MonthlyReportInput!) { saveMonthlyReport(input: $i) { light { color removal } } }',
      { i: { projectId: a.id, period: '2020-09', actualInvestment: '0', progress: '停工', version: v.data!.project.report.version } },
      tokens['admin.sujiatun'],
    );
    expect(corrected.data!.saveMonthlyReport.light).toEqual({ color: 'RED', removal: 'CONFIRMED' });
    const audits = await t.server.db.getRepository(AuditRecord).findBy({ entityType: 'ProjectLight' });
    expect(audits.map((r) => r.action)).toEqual(expect.arrayContaining(['library.removal.confirmed', 'library.removal.declined']));
    // A green light proposes nothing.
    const green = await t.gql<{ projects: { nodes: { id: string }[] } }>(
      'query($d: ID) { projects(filter: { districtId: $d, lightColor: GREEN, lightPeriod: "2020-09" }, first: 1) { nodes { id } } }',
      { d: ids['苏家屯区'] },
      tokens['admin.sujiatun'],
    );
    expect(errorCode(await decide(green.data!.projects.nodes[0].id, true, tokens['admin.sujiatun']))).toBe('BAD_USER_INPUT');
  });

  it('month-end job: lights unreported projects red once the deadline passed; twice, or from two processes at once, leaves one light per project and month', async () => {
    const db = t.server.db;
    const sujiatun = Number(ids['苏家屯区']);
    // October 2020 has plans but no reports in the demo.
    const before = await db.getRepository(ProjectLight).countBy({ period: '2020-10' });
    expect(before).toBe(0);
    // Two processes on the same database, started together; each runs the job twice.
    const url = (await t.context('admin.sujiatun')).config.databaseUrl;
    const now = new Date('2020-11-06T00:00:00Z'); // after 5 November, October's deadline
    const child = await startChild(url, '2020-10', now.toISOString(), 2);
    const [mine, theirs] = await Promise.all([
      (async () => {
        child.go();
        let n = 0;
        for (let i = 0; i < 2; i++) n += await db.transaction((em) => runMonthEndLights(em, '2020-10', now));
        return n;
      })(),
      child.added,
    ]);
    const rows = await db.getRepository(ProjectLight).findBy({ period: '2020-10' });
    expect(mine + theirs).toBe(rows.length);
    expect(new Set(rows.map((r) => r.projectId)).size).toBe(rows.length);
    // Sujiatun's 99 projects still in the library did not report October: red, not reported.
    const sj = rows.filter((r) => r.areaId === sujiatun);
    expect(sj).toHaveLength(99);
    expect(sj.every((r) => r.color === 'RED' && r.reasonCode === 'NOT_REPORTED')).toBe(true);
    expect(await runMonthEndLights(db.manager, '2020-10', now)).toBe(0);
    expect(await db.getRepository(ProjectLight).countBy({ period: '2020-10' })).toBe(rows.length);
    // Four runs in two processes counted each light once: Sujiatun's October row is its 99 reds.
    await expectCountsEqualLights();
    expect((await storedLightCounts(db.manager)).get(`2020-10|${sujiatun}`)).toEqual({ green: 0, yellow: 0, red: 99 });
  }, 60_000);

  it('month-end job waits for the deadline and leaves reported months alone', async () => {
    const db = t.server.db;
    expect(await runMonthEndLights(db.manager, '2020-11', new Date('2020-12-05T15:00:00Z'), [Number(ids['苏家屯区'])])).toBe(0); // 23:00 on 5 December in Shenyang
    const sep = await db.getRepository(ProjectLight).countBy({ period: '2020-09' });
    expect(await runMonthEndLights(db.manager, '2020-09', new Date())).toBe(0);
    expect(await db.getRepository(ProjectLight).countBy({ period: '2020-09' })).toBe(sep);
    // Through the API the job lights the caller's scope only, once.
    const viaApi = await t.gql<{ runMonthEndLights: number }>('mutation { runMonthEndLights(period: "2020-11") }', {}, tokens['admin.sujiatun']);
    expect(viaApi.data).toEqual({ runMonthEndLights: 99 });
    const again = await t.gql<{ runMonthEndLights: number }>('mutation { runMonthEndLights(period: "2020-11") }', {}, tokens['admin.sujiatun']);
    expect(again.data).toEqual({ runMonthEndLights: 0 });
    const nov = await db.getRepository(ProjectLight).findBy({ period: '2020-11' });
    expect(nov.every((l) => l.areaId === Number(ids['苏家屯区']))).toBe(true);
    expect(errorCode(await t.gql('mutation { runMonthEndLights(period: "2020-10") }', {}, tokens['analyst']))).toBe('FORBIDDEN');
  });

  it('recomputes the month’s light in the same transaction when a report changes', async () => {
    const yellow = await t.gql<{ projects: { nodes: { id: string; report: { version: number; actualInvestment: string }; planMonths: { period: string; plannedInvestment: string }[] }[] } }>(
      'query($d: ID) { projects(filter: { districtId: $d, lightColor: YELLOW, lightPeriod: "2020-09" }, first: 1) { nodes { id report(period: "2020-09") { version actualInvestment } planMonths(year: 2020) { period plannedInvestment } } } }',
      { d: ids['苏家屯区'] },
      tokens['admin.sujiatun'],
    );
    const p = yellow.data!.projects.nodes[0];
    const planned = p.planMonths.find((m) => m.period === '2020-09')!.plannedInvestment;
    const septemberBefore = (await storedLightCounts(t.server.db.manager)).get(`2020-09|${ids['苏家屯区']}`)!;
    const saved = await t.gql<{ saveMonthlyReport: { version: number; light: { color: string; reasonCode: string } } }>(
      'mutation($i: MonthlyReportInput!) { saveMonthlyReport(input: $i) { version light { color reasonCode } } }',
      { i: { projectId: p.id, period: '2020-09', actualInvestment: planned, progress: '追赶进度，完成本月计划', version: p.report.version } },
      tokens['admin.sujiatun'],
    );
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.saveMonthlyReport).toEqual({ version: p.report.version + 1, light: { color: 'GREEN', reasonCode: 'ON_PLAN' } });
    // The yellow light turned green in the same transaction as its count.
    await expectCountsEqualLights();
    expect((await storedLightCounts(t.server.db.manager)).get(`2020-09|${ids['苏家屯区']}`)).toEqual({ ...septemberBefore, yellow: septemberBefore.yellow - 1, green: septemberBefore.green + 1 });
    const plan = await t.server.db.getRepository(PlanMonth).findOneByOrFail({ projectId: Number(p.id), period: '2020-09' });
    expect(plan.plannedInvestment).toBe(BigInt(planned.replace('.', '')));
    // And back to zero: red, with a removal proposal.
    const zero = await t.gql<{ saveMonthlyReport: { light: { color: string; reasonCode: string; removal: string } } }>(
      'mutation($i: MonthlyReportInput!) { saveMonthlyReport(input: $i) { light { color reasonCode removal } } }',
      { i: { projectId: p.id, period: '2020-09', actualInvestment: '0', version: p.report.version + 1 } },
      tokens['admin.sujiatun'],
    );
    expect(zero.data!.saveMonthlyReport.light).toEqual({ color: 'RED', reasonCode: 'ZERO_PROGRESS', removal: 'PROPOSED' });
    const project = await t.server.db.getRepository(Project).findOneByOrFail({ id: Number(p.id) });
    expect(project.removedFromLibrary).toBe(false);
  });

  it('relights a milestone project when its milestones change; a secretary keeps its own projects’ milestones', async () => {
    const res = await t.gql<{ projects: { nodes: { id: string; name: string; milestones: { name: string; startDate: string; dueDate: string; weight: number; progress: number; metDate: string | null }[]; light: { color: string } }[] } }>(
      '{ projects(filter: { search: "保利天禧" }, first: 1) { nodes { id name milestones { name startDate dueDate weight progress metDate } light(period: "2020-09") { color } } } }',
      {},
      tokens['secretary.lijun'],
    );
    expect(res.errors).toBeUndefined();
    const p = res.data!.projects.nodes[0];
    expect(p.light.color).toBe('RED');
    const SAVE = 'mutation($id: ID!, $m: [ProjectMilestoneInput!]!) { saveMilestones(projectId: $id, milestones: $m) { light(period: "2020-09") { color reasonCode reason } } }';
    const met = p.milestones.map((m) => (m.metDate ? m : { ...m, progress: 100, metDate: '2020-09-10' }));
    const saved = await t.gql<{ saveMilestones: { light: { color: string; reasonCode: string; reason: string } } }>(SAVE, { id: p.id, m: met }, tokens['secretary.lijun']);
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.saveMilestones.light).toMatchObject({ color: 'YELLOW', reasonCode: 'MET_LATE' });
    expect(saved.data!.saveMilestones.light.reason).toContain('逾期完成');
    const bad = await t.gql(SAVE, { id: p.id, m: [{ name: '竣工验收', dueDate: '2020-13-01' }, { name: '试运行', dueDate: '2020-12-01', startDate: '2021-01-01' }] }, tokens['secretary.lijun']);
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect((bad.errors![0].extensions!.problems as { field: string }[]).map((x) => x.field)).toEqual(['milestones[0].dueDate', 'milestones[1].startDate']);
    expect(errorCode(await t.gql(SAVE, { id: p.id, m: [] }, tokens['admin.sujiatun']))).toBe('NOT_FOUND');
  });

  it('drops a light and its count when the month has nothing to light by any more (every milestone removed)', async () => {
    const BOARD = 'query { lightBoard(period: "2020-09") { districts { district { name } green yellow red total } } }';
    const zhongshan = async () => (await t.gql<{ lightBoard: { districts: { district: { name: string }; green: number; yellow: number; red: number; total: number }[] } }>(BOARD, {}, tokens['admin.dalian'])).data!.lightBoard.districts.find((d) => d.district.name === '中山区')!;
    const res = await t.gql<{ projects: { nodes: { id: string; lights: { period: string; color: string }[] }[] } }>(
      '{ projects(filter: { search: "凯丹广场" }, first: 1) { nodes { id lights { period color } } } }',
      {},
      tokens['secretary.lijun'],
    );
    const p = res.data!.projects.nodes[0];
    const september = p.lights.find((l) => l.period === '2020-09')!;
    expect(p.lights.map((l) => l.period)).toEqual(expect.arrayContaining(['2020-07', '2020-08', '2020-09']));
    const before = await zhongshan();
    const saved = await t.gql<{ saveMilestones: { lights: unknown[] } }>('mutation($id: ID!) { saveMilestones(projectId: $id, milestones: []) { lights { period } } }', { id: p.id }, tokens['secretary.lijun']);
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.saveMilestones.lights).toEqual([]);
    const key = september.color.toLowerCase() as 'green' | 'yellow' | 'red';
    expect(await zhongshan()).toEqual({ ...before, [key]: before[key] - 1, total: before.total - 1 });
    await expectCountsEqualLights();
  });
});


/** A second Node process running the month-end job on the same database, released by `go()`. */
async function startChild(url: string, period: string, now: string, runs: number): Promise<{ go: () => void; added: Promise<number> }> {
  const root = path.resolve(__dirname, '..', '..', '..');
  const proc = spawn(process.execPath, ['-r', path.join(root, 'src/testing/ts-register.js'), path.join(__dirname, 'month-end.child.ts'), url, period, now, String(runs)], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  proc.stderr.on('data', (d) => (err += String(d)));
  if (process.env.DEBUG_CHILD) proc.stderr.on('data', (d) => process.stderr.write(d));
  if (process.env.DEBUG_CHILD) proc.stdout.on('data', (d) => process.stderr.write('child: ' + String(d)));
  const ready = new Promise<void>((resolve, reject) => {
    proc.stdout.on('data', (d) => {
      out += String(d);
      if (out.includes('ready\n')) resolve();
    });
    proc.on('exit', (code) => reject(new Error(`child exited ${code}: ${err}`)));
  });
  const added = new Promise<number>((resolve, reject) =>
    proc.on('exit', (code) => (code === 0 ? resolve(Number(out.replace('ready\n', '').trim())) : reject(new Error(`child exited ${code}: ${err}`)))),
  );
  added.catch(() => undefined);
  await ready;
  return { go: () => proc.stdin.end('go\n'), added };
}
