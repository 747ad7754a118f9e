import { periodOfInstant, addMonths } from '@kpd/domain';
import { AuditRecord } from '../../core/audit/audit-record.entity';
import { DRIVERS, errorCode, leastStatements, startTestServer, type GraphQLResponse, type TestServer } from '../../testing/harness';
import { Area } from '../../core/areas/area.entity';
import { MonthlyReport, PlanYear } from './plan.entity';
import { Project } from './project.entity';

const SEED = ['areas', 'accounts', 'projects'];

const CREATE = `mutation($i: CreateProjectInput!) { createProject(input: $i) { id code version stage libraryMembership { member reason } stageHistory { fromStage toStage reason changedBy } district { name } } }`;
const SAVE_REPORT = `mutation($i: MonthlyReportInput!) { saveMonthlyReport(input: $i) { id version actualInvestment reporterName light { color reasonCode } } }`;

function field(res: GraphQLResponse): unknown {
  return res.errors?.[0]?.extensions?.field;
}

describe.each(DRIVERS)('projects [%s]', (driver) => {
  let t: TestServer;
  let ids: Record<string, string>;
  let byName: Record<string, string>;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestServer(driver, { seedModules: SEED });
    ids = Object.fromEntries((await t.server.db.getRepository(Area).find()).map((a) => [a.name, String(a.id)]));
    byName = Object.fromEntries((await t.server.db.getRepository(Project).find()).map((p) => [p.name, String(p.id)]));
    for (const u of ['admin.sujiatun', 'admin.shenyang', 'admin.dadong', 'admin.dalian', 'admin.liaoning', 'analyst', 'secretary.lijun', 'delegate.001']) {
      tokens[u] = await t.login(u);
    }
  }, 120_000);
  afterAll(() => t.close());

  const newProject = (over: Record<string, unknown> = {}) => ({
    districtId: ids['苏家屯区'],
    code: 'SJT-TEST-001',
    name: '测试新建项目',
    category: 'INDUSTRIAL',
    stage: 'NEW',
    totalInvestment: '120000000.00',
    constructionStart: '2020-01',
    constructionEnd: '2021-12',
    enterprise: '沈阳测试有限公司',
    responsibleLeader: '副区长',
    responsibleUnit: '苏家屯区工信局',
    ...over,
  });

  describe('the project list', () => {
    it('lists a district’s projects with filters, ordering and pages', async () => {
      const all = await t.gql<{ projects: { totalCount: number; nodes: { name: string; totalInvestment: string }[] } }>(
        '{ projects(orderBy: TOTAL_INVESTMENT_DESC, first: 3) { totalCount nodes { name totalInvestment } } }',
        {},
        tokens['admin.sujiatun'],
      );
      expect(all.errors).toBeUndefined();
      expect(all.data!.projects.totalCount).toBe(102);
      expect(all.data!.projects.nodes[0].name).toBe('恒大文化旅游城');
      const amounts = all.data!.projects.nodes.map((n) => BigInt(n.totalInvestment.replace('.', '')));
      expect([...amounts].sort((a, b) => (a < b ? 1 : -1))).toEqual(amounts);

      // Every project once across pages.
      const seen: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < 5; i++) {
        const page: GraphQLResponse<{ projects: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }> = await t.gql(
          'query($a: String) { projects(first: 40, after: $a, orderBy: NAME) { nodes { id } pageInfo { hasNextPage endCursor } } }',
          { a: after },
          tokens['admin.sujiatun'],
        );
        seen.push(...page.data!.projects.nodes.map((n) => n.id));
        if (!page.data!.projects.pageInfo.hasNextPage) break;
        after = page.data!.projects.pageInfo.endCursor;
      }
      expect(seen).toHaveLength(102);
      expect(new Set(seen).size).toBe(102);

      // Backwards from the end (last/before), in every sort order, the same list in the same order.
      type Paged = { projects: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null } } };
      for (const orderBy of ['NAME', 'TOTAL_INVESTMENT_DESC', 'CODE']) {
        const forwards: string[] = [];
        let cursor: string | null = null;
        for (let i = 0; i < 10; i++) {
          const page: GraphQLResponse<Paged> = await t.gql(
            `query($a: String) { projects(first: 33, after: $a, orderBy: ${orderBy}) { nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
            { a: cursor },
            tokens['admin.sujiatun'],
          );
          expect(page.data!.projects.pageInfo.hasPreviousPage).toBe(cursor !== null);
          forwards.push(...page.data!.projects.nodes.map((n) => n.id));
          if (!page.data!.projects.pageInfo.hasNextPage) break;
          cursor = page.data!.projects.pageInfo.endCursor;
        }
        const backwards: string[][] = [];
        cursor = null;
        for (let i = 0; i < 10; i++) {
          const page: GraphQLResponse<Paged> = await t.gql(
            `query($b: String) { projects(last: 33, before: $b, orderBy: ${orderBy}) { nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
            { b: cursor },
            tokens['admin.sujiatun'],
          );
          expect(page.errors).toBeUndefined();
          expect(page.data!.projects.pageInfo.hasNextPage).toBe(cursor !== null);
          backwards.unshift(page.data!.projects.nodes.map((n) => n.id));
          if (!page.data!.projects.pageInfo.hasPreviousPage) break;
          cursor = page.data!.projects.pageInfo.startCursor;
        }
        expect(forwards).toHaveLength(102);
        expect(backwards.flat()).toEqual(forwards);
        expect(backwards[0]).toHaveLength(102 % 33);
      }
      expect(field(await t.gql('{ projects(first: 2, last: 2) { totalCount } }', {}, tokens['admin.sujiatun']))).toBe('last');
      expect(field(await t.gql('{ projects(last: 101) { totalCount } }', {}, tokens['admin.sujiatun']))).toBe('last');
      expect(field(await t.gql('{ projects(last: 2, before: "bm90IGEgY3Vyc29y") { totalCount } }', {}, tokens['admin.sujiatun']))).toBe('before');

      const q = (filter: Record<string, unknown>) =>
        t.gql<{ projects: { totalCount: number; nodes: { name: string }[] } }>('query($f: ProjectFilter) { projects(filter: $f, first: 100) { totalCount nodes { name } } }', { f: filter }, tokens['admin.sujiatun']);
      const taoli = await q({ search: '桃李' });
      expect(taoli.errors).toBeUndefined();
      expect(taoli.data!.projects.nodes.map((n) => n.name)).toEqual(['桃李面包沈阳生产基地扩建']);
      expect((await q({ search: '沈阳达利食品' })).data!.projects.nodes.map((n) => n.name)).toEqual(['达利食品沈阳生产基地']);
      expect((await q({ search: '%' })).data!.projects.totalCount).toBe(0);
      expect((await q({ stages: ['RESERVE'] })).data!.projects.totalCount).toBe(2);
      expect((await q({ libraryMember: false })).data!.projects.nodes.map((n) => n.name).sort()).toEqual(['苏家屯区农贸市场提升', '苏家屯区社区卫生服务中心改造']);
      const social = (await q({ categories: ['SOCIAL'] })).data!.projects;
      expect(social.totalCount).toBeGreaterThan(2);
      expect(errorCode(await q({ lightColor: 'RED' }))).toBe('BAD_USER_INPUT');
      expect(field(await q({ lightColor: 'RED' }))).toBe('filter.lightPeriod');
      expect(field(await t.gql('{ projects(first: 500) { totalCount } }', {}, tokens['admin.sujiatun']))).toBe('first');
    });

    it('keeps every reader to its scope: by id, by filter and by role', async () => {
      const sj = byName['恒大文化旅游城'];
      const mine = await t.gql<{ project: { name: string; district: { name: string } } }>('query($id: ID!) { project(id: $id) { name district { name } } }', { id: sj }, tokens['admin.sujiatun']);
      expect(mine.data!.project).toEqual({ name: '恒大文化旅游城', district: { name: '苏家屯区' } });
      // Another district's admin: not found by id, forbidden by filter, absent from the list.
      const byId = await t.gql('query($id: ID!) { project(id: $id) { name reports { actualInvestment } lights { color } } }', { id: sj }, tokens['admin.dadong']);
      expect(errorCode(byId)).toBe('NOT_FOUND');
      expect(byId.data).toBeNull();
      expect(errorCode(await t.gql('query($d: ID) { projects(filter: { districtId: $d }) { totalCount } }', { d: ids['苏家屯区'] }, tokens['admin.dadong']))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql('query($d: ID) { projects(filter: { areaId: $d }) { totalCount } }', { d: ids['沈阳市'] }, tokens['admin.dadong']))).toBe('FORBIDDEN');
      // 大东区: its 12 projects in the ledger and DD-2019-001, completed.
      const dadong = await t.gql<{ projects: { totalCount: number; nodes: { district: { name: string } }[] } }>('{ projects(first: 100) { totalCount nodes { district { name } } } }', {}, tokens['admin.dadong']);
      expect(dadong.data!.projects.totalCount).toBe(13);
      expect(dadong.data!.projects.nodes.every((n) => n.district.name === '大东区')).toBe(true);
      // The city sees all its districts; the province and the analyst everything.
      const city = await t.gql<{ projects: { totalCount: number } }>('query($a: ID) { projects(filter: { areaId: $a }) { totalCount } }', { a: ids['沈阳市'] }, tokens['admin.shenyang']);
      expect(city.data!.projects.totalCount).toBe(217);
      const analyst = await t.gql<{ projects: { totalCount: number } }>('{ projects { totalCount } }', {}, tokens['analyst']);
      expect(analyst.data!.projects.totalCount).toBe(232);
      // A secretary reads the projects assigned to it, nothing else of its district.
      const lijun = await t.gql<{ projects: { nodes: { name: string }[] } }>('{ projects { nodes { name } } }', {}, tokens['secretary.lijun']);
      expect(lijun.data!.projects.nodes.map((n) => n.name).sort()).toEqual(['保利天禧', '凯丹广场', '辉盛阁国际公寓'].sort());
      expect(errorCode(await t.gql('query($id: ID!) { project(id: $id) { name } }', { id: byName['英特尔二期'] }, tokens['secretary.lijun']))).toBe('NOT_FOUND');
      // A delegate reads no projects; an anonymous caller must sign in.
      const delegate = await t.gql<{ projects: { totalCount: number } }>('{ projects { totalCount } }', {}, tokens['delegate.001']);
      expect(delegate.data!.projects.totalCount).toBe(0);
      expect(errorCode(await t.gql('{ projects { totalCount } }'))).toBe('UNAUTHENTICATED');
      expect(errorCode(await t.gql('query($id: ID!) { project(id: $id) { name } }', { id: sj }))).toBe('UNAUTHENTICATED');
    });

    it('loads a page’s nested fields in a fixed number of SQL statements whatever its length', async () => {
      const query = 'query($n: Int) { projects(first: $n, orderBy: CODE) { nodes { name district { name } libraryMembership { member } light(period: "2020-09") { color reason } report(period: "2020-09") { actualInvestment plannedInvestment } } } }';
      await t.gql(query, { n: 1 }, tokens['admin.sujiatun']); // warm: the session and area caches
      const few = await t.gql<{ projects: { nodes: unknown[] } }>(query, { n: 2 }, tokens['admin.sujiatun']);
      const more = await t.gql<{ projects: { nodes: unknown[] } }>(query, { n: 10 }, tokens['admin.sujiatun']);
      expect(few.errors).toBeUndefined();
      expect(more.errors).toBeUndefined();
      expect(more.data!.projects.nodes).toHaveLength(10);
      const [fewStatements, moreStatements] = [await leastStatements(t, query, { n: 2 }, tokens['admin.sujiatun']), await leastStatements(t, query, { n: 10 }, tokens['admin.sujiatun'])];
      expect(fewStatements).toBeGreaterThan(0);
      expect(moreStatements).toBe(fewStatements);
      expect(moreStatements).toBeLessThanOrEqual(8);
    });

    it('answers a month’s light and report as the project’s history holds them, reading only that month', async () => {
      const query =
        'query($p: Period!, $s: String) { projects(first: 4, orderBy: CODE, filter: { search: $s }) { nodes { code lights { period color reason } reports { period actualInvestment light { color } } light(period: $p) { period color reason } report(period: $p) { period actualInvestment light { color } } } } }';
      type Node = { code: string; lights: { period: string; color: string; reason: string }[]; reports: { period: string; actualInvestment: string; light: { color: string } | null }[]; light: unknown; report: unknown };
      let compared = 0;
      for (const [p, s] of [['2020-08', null], ['2020-09', null], ['2020-09', '英特尔'], ['2031-01', null]]) {
        const res = await t.gql<{ projects: { nodes: Node[] } }>(query, { p, s }, tokens['admin.sujiatun']);
        expect(res.errors).toBeUndefined();
        for (const n of res.data!.projects.nodes) {
          expect(n.light).toEqual(n.lights.find((l) => l.period === p) ?? null);
          expect(n.report).toEqual(n.reports.find((r) => r.period === p) ?? null);
          for (const r of n.reports) expect(r.light?.color ?? null).toBe(n.lights.find((l) => l.period === r.period)?.color ?? null);
          if (n.light) compared++;
        }
      }
      expect(compared).toBeGreaterThan(0);
      // In code order, page after page, every project once.
      const codes: string[] = [];
      let after: string | null = null;
      do {
        const page: { data?: { projects: { nodes: { code: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } | null } = await t.gql(
          'query($a: String) { projects(first: 7, after: $a, orderBy: CODE) { nodes { code } pageInfo { hasNextPage endCursor } } }',
          { a: after },
          tokens['admin.sujiatun'],
        );
        codes.push(...page.data!.projects.nodes.map((n) => n.code));
        after = page.data!.projects.pageInfo.hasNextPage ? page.data!.projects.pageInfo.endCursor : null;
      } while (after);
      expect(codes).toEqual([...codes].sort());
      expect(new Set(codes).size).toBe(codes.length);
    });

    it('shows the plan table and the membership with the city’s threshold', async () => {
      const res = await t.gql<{ project: { totalInvestment: string; planYears: { year: number; plannedInvestment: string }[]; planMonths: { period: string }[]; libraryMembership: { member: boolean; reason: string } } }>(
        'query($id: ID!) { project(id: $id) { totalInvestment planYears { year plannedInvestment } planMonths(year: 2020) { period } libraryMembership { member reason } } }',
        { id: byName['桃李面包沈阳生产基地扩建'] },
        tokens['admin.sujiatun'],
      );
      const p = res.data!.project;
      const sum = p.planYears.reduce((s, y) => s + BigInt(y.plannedInvestment.replace('.', '')), 0n);
      expect(sum).toBe(BigInt(p.totalInvestment.replace('.', '')));
      expect(p.planMonths).toHaveLength(12);
      expect(p.libraryMembership.member).toBe(true);
      expect(p.libraryMembership.reason).toContain('达到入库门槛 1.00亿元');
      const reserve = await t.gql<{ project: { libraryMembership: { member: boolean; reason: string } } }>(
        'query($id: ID!) { project(id: $id) { libraryMembership { member reason } } }',
        { id: byName['苏家屯区社区卫生服务中心改造'] },
        tokens['admin.sujiatun'],
      );
      expect(reserve.data!.project.libraryMembership).toEqual({ member: false, reason: '总投资 6000.00万元 低于入库门槛 1.00亿元' });
    });
  });

  describe('entering and changing projects', () => {
    it('creates a project in the admin’s district, with its first stage recorded; the threshold is the city’s', async () => {
      const res = await t.gql<{ createProject: { code: string; version: number; stage: string; libraryMembership: { member: boolean }; stageHistory: unknown[]; district: { name: string } } }>(
        CREATE,
        { i: newProject() },
        tokens['admin.sujiatun'],
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.createProject).toMatchObject({ code: 'SJT-TEST-001', version: 1, stage: 'NEW', libraryMembership: { member: true }, district: { name: '苏家屯区' } });
      expect(res.data!.createProject.stageHistory).toEqual([{ fromStage: null, toStage: 'NEW', reason: '项目录入', changedBy: 'admin.sujiatun' }]);
      // 6000万元: in Dalian's library (5000万元), not in Shenyang's (1亿元).
      const dalian = await t.gql<{ createProject: { libraryMembership: { member: boolean } } }>(
        CREATE,
        { i: newProject({ districtId: ids['中山区'], code: 'DL-TEST-001', totalInvestment: '60000000' }) },
        tokens['admin.dalian'],
      );
      expect(dalian.data!.createProject.libraryMembership.member).toBe(true);
      const small = await t.gql<{ createProject: { libraryMembership: { member: boolean } } }>(CREATE, { i: newProject({ code: 'SJT-TEST-002', totalInvestment: '60000000' }) }, tokens['admin.sujiatun']);
      expect(small.data!.createProject.libraryMembership.member).toBe(false);
      const audit = await t.server.db.getRepository(AuditRecord).findOneBy({ action: 'project.create', entityId: String((await t.server.db.getRepository(Project).findOneByOrFail({ code: 'SJT-TEST-001' })).id) });
      expect(audit?.actorUsername).toBe('admin.sujiatun');
    });

    it('refuses bad projects naming the field, and writes nothing', async () => {
      const count = await t.server.db.getRepository(Project).count();
      const cases: [Record<string, unknown>, string, string][] = [
        [{ code: 'SJT-TEST-001' }, 'input.code', 'BAD_USER_INPUT'],
        [{ code: 'SJT TEST/9' }, 'input.code', 'BAD_USER_INPUT'],
        [{ code: 'SJT-TEST-009', constructionStart: '2022-01' }, 'input.constructionEnd', 'BAD_USER_INPUT'],
        [{ code: 'SJT-TEST-009', totalInvestment: '0' }, 'input.totalInvestment', 'BAD_USER_INPUT'],
        [{ code: 'SJT-TEST-009', stage: 'REMOVED' }, 'input.stage', 'BAD_USER_INPUT'],
      ];
      for (const [over, f, code] of cases) {
        const res = await t.gql(CREATE, { i: newProject(over) }, tokens['admin.sujiatun']);
        expect([over, errorCode(res), field(res)]).toEqual([over, code, f]);
      }
      const city = await t.gql(CREATE, { i: newProject({ code: 'SJT-TEST-009', districtId: ids['沈阳市'] }) }, tokens['admin.shenyang']);
      expect([errorCode(city), field(city)]).toEqual(['BAD_USER_INPUT', 'input.districtId']);
      expect(errorCode(await t.gql(CREATE, { i: newProject({ code: 'X-1', districtId: ids['大东区'] }) }, tokens['admin.sujiatun']))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(CREATE, { i: newProject({ code: 'X-2' }) }, tokens['secretary.lijun']))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(CREATE, { i: newProject({ code: 'X-3' }) }, tokens['analyst']))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(CREATE, { i: newProject({ code: 'X-4', totalInvestment: 1.5 }) }, tokens['admin.sujiatun']))).toBe('BAD_USER_INPUT');
      expect(await t.server.db.getRepository(Project).count()).toBe(count);
    });

    it('changes a project with its version; a stage change is recorded with its reason; a stale version is a conflict', async () => {
      const id = String((await t.server.db.getRepository(Project).findOneByOrFail({ code: 'SJT-TEST-001' })).id);
      const UPDATE = 'mutation($id: ID!, $i: UpdateProjectInput!) { updateProject(id: $id, input: $i) { version stage name stageHistory { fromStage toStage reason } } }';
      expect(field(await t.gql(UPDATE, { id, i: { version: 1, stage: 'CONTINUING' } }, tokens['admin.sujiatun']))).toBe('input.stageReason');
      const ok = await t.gql<{ updateProject: { version: number; stage: string; name: string; stageHistory: { fromStage: string; toStage: string; reason: string }[] } }>(
        UPDATE,
        { id, i: { version: 1, stage: 'CONTINUING', stageReason: '跨年续建', name: '测试项目（续建）' } },
        tokens['admin.sujiatun'],
      );
      expect(ok.errors).toBeUndefined();
      expect(ok.data!.updateProject).toMatchObject({ version: 2, stage: 'CONTINUING', name: '测试项目（续建）' });
      expect(ok.data!.updateProject.stageHistory.at(-1)).toEqual({ fromStage: 'NEW', toStage: 'CONTINUING', reason: '跨年续建' });
      const stale = await t.gql(UPDATE, { id, i: { version: 1, name: '旧版本的修改' } }, tokens['admin.sujiatun']);
      expect(errorCode(stale)).toBe('CONFLICT');
      expect((await t.server.db.getRepository(Project).findOneByOrFail({ id: Number(id) })).name).toBe('测试项目（续建）');
      expect(errorCode(await t.gql(UPDATE, { id, i: { version: 2, name: 'x' } }, tokens['admin.dadong']))).toBe('NOT_FOUND');
    });
  });

  describe('the plan table', () => {
    const SAVE_PLAN = 'mutation($id: ID!, $i: PlanTableInput!) { savePlanTable(projectId: $id, input: $i) { planYears { year plannedInvestment } planMonths(year: 2020) { period plannedInvestment } } }';
    const months = (amounts: string[]) => amounts.map((a, i) => ({ month: i + 1, plannedInvestment: a }));
    const twelve = (each: string) => Array.from({ length: 12 }, () => each);

    it('saves the years across the construction period and this year by month', async () => {
      const id = String((await t.server.db.getRepository(Project).findOneByOrFail({ code: 'SJT-TEST-001' })).id);
      const input = { years: [{ year: 2020, plannedInvestment: '60000000' }, { year: 2021, plannedInvestment: '60000000' }], year: 2020, months: months(twelve('5000000')) };
      type Saved = { savePlanTable: { planYears: { year: number; plannedInvestment: string }[]; planMonths: unknown[] } };
      const res: GraphQLResponse<Saved> = await t.gql(SAVE_PLAN, { id, i: input }, tokens['admin.sujiatun']);
      expect(res.errors).toBeUndefined();
      expect(res.data!.savePlanTable.planYears).toEqual([
        { year: 2020, plannedInvestment: '60000000.00' },
        { year: 2021, plannedInvestment: '60000000.00' },
      ]);
      expect(res.data!.savePlanTable.planMonths).toHaveLength(12);
    });

    it('refuses a plan whose years or months do not add up, naming every problem, and keeps the old plan', async () => {
      const id = String((await t.server.db.getRepository(Project).findOneByOrFail({ code: 'SJT-TEST-001' })).id);
      const before = await t.server.db.getRepository(PlanYear).findBy({ projectId: Number(id) });
      const input = { years: [{ year: 2020, plannedInvestment: '60000000' }, { year: 2021, plannedInvestment: '50000000' }], year: 2020, months: months(twelve('4000000')) };
      const res = await t.gql(SAVE_PLAN, { id, i: input }, tokens['admin.sujiatun']);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      const problems = res.errors![0].extensions!.problems as { field: string; reason: string }[];
      expect(problems.map((p) => p.field).sort()).toEqual(['input.months', 'input.years']);
      expect(problems.find((p) => p.field === 'input.years')!.reason).toContain('与总投资');
      const outside = await t.gql(SAVE_PLAN, { id, i: { years: [{ year: 2020, plannedInvestment: '60000000' }, { year: 2021, plannedInvestment: '60000000' }, { year: 2023, plannedInvestment: '0' }] } }, tokens['admin.sujiatun']);
      expect(field(outside)).toBe('input.years[2].year');
      const negative = await t.gql(SAVE_PLAN, { id, i: { years: [{ year: 2020, plannedInvestment: '-1' }, { year: 2021, plannedInvestment: '120000001' }] } }, tokens['admin.sujiatun']);
      expect(field(negative)).toBe('input.years[0].plannedInvestment');
      expect(await t.server.db.getRepository(PlanYear).findBy({ projectId: Number(id) })).toEqual(before);
      expect(errorCode(await t.gql(SAVE_PLAN, { id, i: { years: [] } }, tokens['admin.dadong']))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(SAVE_PLAN, { id: byName['凯丹广场'], i: { years: [] } }, tokens['secretary.lijun']))).toBe('FORBIDDEN');
    });
  });

  describe('monthly reports', () => {
    it('refuses a future month, a month outside the construction period and a negative amount, naming the field', async () => {
      const id = String((await t.server.db.getRepository(Project).findOneByOrFail({ code: 'SJT-TEST-001' })).id);
      const next = addMonths(periodOfInstant(new Date()), 1);
      const future = await t.gql(SAVE_REPORT, { i: { projectId: id, period: next, actualInvestment: '1' } }, tokens['admin.sujiatun']);
      expect([errorCode(future), field(future)]).toEqual(['BAD_USER_INPUT', 'input.period']);
      expect(future.errors![0].extensions!.reason).toContain('未来月份');
      const before = await t.gql(SAVE_REPORT, { i: { projectId: id, period: '2019-12', actualInvestment: '1' } }, tokens['admin.sujiatun']);
      expect([errorCode(before), field(before)]).toEqual(['BAD_USER_INPUT', 'input.period']);
      const negative = await t.gql(SAVE_REPORT, { i: { projectId: id, period: '2020-09', actualInvestment: '-5' } }, tokens['admin.sujiatun']);
      expect([errorCode(negative), field(negative)]).toEqual(['BAD_USER_INPUT', 'input.actualInvestment']);
      expect(await t.server.db.getRepository(MonthlyReport).countBy({ projectId: Number(id) })).toBe(0);
    });

    it('creates a report, lights the month, and refuses a change without the current version', async () => {
      const id = String((await t.server.db.getRepository(Project).findOneByOrFail({ code: 'SJT-TEST-001' })).id);
      const created = await t.gql<{ saveMonthlyReport: { version: number; reporterName: string; light: { color: string; reasonCode: string } } }>(
        SAVE_REPORT,
        { i: { projectId: id, period: '2020-09', actualInvestment: '3000000', progress: '厂房基础施工' } },
        tokens['admin.sujiatun'],
      );
      expect(created.errors).toBeUndefined();
      // Planned 500万元, done 300万元: behind plan. (The report came long after the 2020-10-05 deadline.)
      expect(created.data!.saveMonthlyReport).toMatchObject({ version: 1, reporterName: '苏家屯区发改局', light: { color: 'RED', reasonCode: 'REPORTED_LATE' } });
      const again = await t.gql(SAVE_REPORT, { i: { projectId: id, period: '2020-09', actualInvestment: '1' } }, tokens['admin.sujiatun']);
      expect(errorCode(again)).toBe('CONFLICT');
      expect(again.errors![0].extensions!.currentVersion).toBe(1);
      const stale = await t.gql(SAVE_REPORT, { i: { projectId: id, period: '2020-09', actualInvestment: '1', version: 7 } }, tokens['admin.sujiatun']);
      expect(errorCode(stale)).toBe('CONFLICT');
      const report = await t.server.db.getRepository(MonthlyReport).findOneByOrFail({ projectId: Number(id), period: '2020-09' });
      expect(report.actualInvestment).toBe(300000000n);
    });

    it('lets a secretary report for its own projects only', async () => {
      const ok = await t.gql<{ saveMonthlyReport: { reporterName: string } }>(
        SAVE_REPORT,
        { i: { projectId: byName['凯丹广场'], period: '2020-10', actualInvestment: '1000000', progress: '外立面施工' } },
        tokens['secretary.lijun'],
      );
      expect(ok.errors).toBeUndefined();
      expect(ok.data!.saveMonthlyReport.reporterName).toBe('李军（中山区东港街道）');
      expect(errorCode(await t.gql(SAVE_REPORT, { i: { projectId: byName['英特尔二期'], period: '2020-10', actualInvestment: '1' } }, tokens['secretary.lijun']))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(SAVE_REPORT, { i: { projectId: byName['恒大文化旅游城'], period: '2020-10', actualInvestment: '1' } }, tokens['admin.dadong']))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(SAVE_REPORT, { i: { projectId: byName['恒大文化旅游城'], period: '2020-10', actualInvestment: '1' } }, tokens['analyst']))).toBe('FORBIDDEN');
    });

    it('two reporters saving one report at once: one CONFLICT, the other’s figures kept, no update lost', async () => {
      const id = byName['达利食品沈阳生产基地'];
      const read = await t.gql<{ project: { report: { version: number } } }>('query($id: ID!) { project(id: $id) { report(period: "2020-09") { version } } }', { id }, tokens['admin.sujiatun']);
      const version = read.data!.project.report.version;
      const auditsBefore = await t.server.db.getRepository(AuditRecord).countBy({ action: 'report.update' });
      const [a, b] = await Promise.all([
        t.gql<{ saveMonthlyReport: { version: number; actualInvestment: string } }>(SAVE_REPORT, { i: { projectId: id, period: '2020-09', actualInvestment: '11111111.00', version } }, tokens['admin.sujiatun']),
        t.gql<{ saveMonthlyReport: { version: number; actualInvestment: string } }>(SAVE_REPORT, { i: { projectId: id, period: '2020-09', actualInvestment: '22222222.00', version } }, tokens['admin.shenyang']),
      ]);
      const results = [a, b];
      const winners = results.filter((r) => !r.errors);
      const losers = results.filter((r) => r.errors);
      expect(winners).toHaveLength(1);
      expect(losers.map(errorCode)).toEqual(['CONFLICT']);
      const stored = await t.server.db.getRepository(MonthlyReport).findOneByOrFail({ projectId: Number(id), period: '2020-09' });
      expect(stored.version).toBe(version + 1);
      expect(`${stored.actualInvestment / 100n}.00`).toBe(winners[0].data!.saveMonthlyReport.actualInvestment);
      expect(await t.server.db.getRepository(AuditRecord).countBy({ action: 'report.update' })).toBe(auditsBefore + 1);
      // The loser retries on the new version and is kept as well: nothing is lost.
      const retry = await t.gql<{ saveMonthlyReport: { version: number } }>(SAVE_REPORT, { i: { projectId: id, period: '2020-09', actualInvestment: '33333333.00', version: version + 1 } }, tokens['admin.sujiatun']);
      expect(retry.data!.saveMonthlyReport.version).toBe(version + 2);
    });

    it('two reporters creating the same month’s report at once: one is created, the other hears CONFLICT', async () => {
      const id = byName['苏宁易购沈阳物流基地'];
      const results = await Promise.all(
        ['1000000', '2000000', '3000000'].map((amount, k) =>
          t.gql(SAVE_REPORT, { i: { projectId: id, period: '2020-10', actualInvestment: amount } }, tokens[k === 1 ? 'admin.shenyang' : 'admin.sujiatun']),
        ),
      );
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.filter((r) => r.errors).map(errorCode)).toEqual(['CONFLICT', 'CONFLICT']);
      expect(await t.server.db.getRepository(MonthlyReport).countBy({ projectId: Number(id), period: '2020-10' })).toBe(1);
    });
  });
});
