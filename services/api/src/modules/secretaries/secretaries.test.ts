import { addDays, deadlineFromWorkingDays, shanghaiDate } from '@kpd/domain';
import ExcelJS from 'exceljs';
import { AuditRecord } from '../../core/audit/audit-record.entity';
import { DRIVERS, errorCode, leastStatements, startTestServer, type GraphQLResponse, type TestServer } from '../../testing/harness';
import { Area } from '../../core/areas/area.entity';
import { Project } from '../projects/project.entity';
import { Secretary, SecretaryAssignment, SecretaryEvaluation, ServiceLogEntry } from './secretary.entity';

const SEED = ['areas', 'accounts', 'projects', 'secretaries'];

const OVERVIEW = `query($a: ID, $d: LocalDate) { secretaryOverview(areaId: $a, today: $d) {
  total { secretaries keyProjects covered coveragePercent projectsServed projectsPerSecretary quietProjects }
  districts { area { name } secretaries keyProjects covered coveragePercent projectsServed quietProjects uncoveredProjects { name } } } }`;
const QUIET = `query($a: ID, $d: LocalDate, $first: Int) { quietProjects(areaId: $a, today: $d, first: $first) { totalCount nodes { project { name } lastContactDate daysSinceContact noContactDays } } }`;
const LOG = `mutation($i: ServiceLogInput!) { logService(input: $i) { id kind date summary project { name } secretary { name } } }`;
const ASSIGN = `mutation($i: AssignSecretaryInput!) { assignSecretary(input: $i) { id startDate endDate teamRole active project { name } secretary { name } } }`;
const CREATE = `mutation($i: CreateSecretaryInput!) { createSecretary(input: $i) { id name workUnit district { name } } }`;
const IMPORT = `mutation($f: ID!, $dry: Boolean!) { importSecretaryEvaluations(fileId: $f, dryRun: $dry) { dryRun totalRows validRows created updated committed problems { row column header reason } } }`;

function field(res: GraphQLResponse): unknown {
  return res.errors?.[0]?.extensions?.field;
}

async function workbook(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('服务秘书评估');
  ws.addRow(['秘书编号', '姓名', '评估期', '评分', '评语']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(t: TestServer, token: string, body: Buffer): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(body)]), 'scores.xlsx');
  const res = await fetch(`${t.url}/api/files?purpose=spreadsheet`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const json = (await res.json()) as { id: string };
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(json)}`);
  return json.id;
}

describe.each(DRIVERS)('service secretaries [%s]', (driver) => {
  let t: TestServer;
  let area: Record<string, string>;
  let project: Record<string, string>;
  let sujiatunProjects: string[];
  const tokens: Record<string, string> = {};
  const today = shanghaiDate(new Date());

  beforeAll(async () => {
    t = await startTestServer(driver, { seedModules: SEED });
    area = Object.fromEntries((await t.server.db.getRepository(Area).find()).map((a) => [a.name, String(a.id)]));
    const projects = await t.server.db.getRepository(Project).find({ order: { id: 'ASC' } });
    project = Object.fromEntries(projects.map((p) => [p.name, String(p.id)]));
    sujiatunProjects = projects.filter((p) => p.code.startsWith('SJT-2020-0')).map((p) => String(p.id));
    for (const u of ['admin.dalian', 'admin.zhongshan', 'admin.sujiatun', 'admin.dadong', 'analyst', 'secretary.lijun', 'evaluator.dalian', 'delegate.001']) tokens[u] = await t.login(u);
  }, 300_000);
  afterAll(() => t?.close());

  async function secretaryId(name: string): Promise<string> {
    return String((await t.server.db.getRepository(Secretary).findOneByOrFail({ name })).id);
  }

  describe('the demo data of report 001', () => {
    it('gives Dalian 378 secretaries serving its 719 key projects, every one covered', async () => {
      const res = await t.gql<{ secretaryOverview: { total: Record<string, number>; districts: { area: { name: string }; secretaries: number; projectsServed: number }[] } }>(
        OVERVIEW,
        { a: area['大连市'] },
        tokens['admin.dalian'],
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.secretaryOverview.total).toMatchObject({ secretaries: 378, keyProjects: 719, covered: 719, coveragePercent: 100, projectsServed: 719, projectsPerSecretary: 1.9 });
      const districts = res.data!.secretaryOverview.districts;
      expect(districts.reduce((s, d) => s + d.secretaries, 0)).toBe(378);
      expect(districts.reduce((s, d) => s + d.projectsServed, 0)).toBe(719);
      expect(districts.find((d) => d.area.name === '中山区')).toMatchObject({ projectsServed: 53 });

      const list = await t.gql<{ secretaries: { totalCount: number } }>('query($a: ID) { secretaries(filter: { areaId: $a }) { totalCount } }', { a: area['大连市'] }, tokens['admin.dalian']);
      expect(list.data!.secretaries.totalCount).toBe(378);
      const projects = await t.gql<{ projects: { totalCount: number } }>('query($a: ID) { projects(filter: { areaId: $a }) { totalCount } }', { a: area['大连市'] }, tokens['admin.dalian']);
      expect(projects.data!.projects.totalCount).toBe(719);
    });

    it('names the thirteen secretaries with their work units and projects, and the reinforced teams', async () => {
      const res = await t.gql<{ secretaries: { nodes: { name: string; workUnit: string; assignments: { teamRole: string; project: { name: string } }[] }[] } }>(
        'query($a: ID) { secretaries(filter: { areaId: $a, search: "凌水" }, first: 5) { nodes { name workUnit assignments { teamRole project { name } } } } }',
        { a: area['大连市'] },
        tokens['admin.dalian'],
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.secretaries.nodes).toEqual([
        { name: '孙国轩', workUnit: '大连高新区凌水街道', assignments: [{ teamRole: 'SOLE', project: { name: '大湖山语' } }, { teamRole: 'SOLE', project: { name: '梁家北湾居住区' } }] },
      ]);
      const team = await t.gql<{ project: { secretaryAssignments: { teamRole: string }[] } }>(
        'query($id: ID!) { project(id: $id) { secretaryAssignments { teamRole } } }',
        { id: project['恒力石化2000万吨/年炼化一体化'] },
        tokens['admin.dalian'],
      );
      expect(team.data!.project.secretaryAssignments.map((a) => a.teamRole).sort()).toEqual(['LEAD', 'MEMBER', 'MEMBER', 'MEMBER', 'MEMBER']);
    });

    it('lets secretary.lijun see exactly his three projects and himself', async () => {
      const res = await t.gql<{ projects: { totalCount: number; nodes: { name: string }[] }; secretaries: { nodes: { name: string; workload: Record<string, unknown> }[] } }>(
        '{ projects(first: 50) { totalCount nodes { name } } secretaries { nodes { name workload { projects quietProjects openProblems overdueProblems averageDaysToResolve } } } }',
        {},
        tokens['secretary.lijun'],
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.projects.nodes.map((p) => p.name).sort()).toEqual(['保利天禧', '凯丹广场', '辉盛阁国际公寓'].sort());
      expect(res.data!.projects.totalCount).toBe(3);
      expect(res.data!.secretaries.nodes).toHaveLength(1);
      // No problem is on the list yet (the problems' demo data is not seeded here).
      expect(res.data!.secretaries.nodes[0]).toMatchObject({ name: '李军', workload: { projects: 3, quietProjects: 1, openProblems: 0, overdueProblems: 0, averageDaysToResolve: null } });
    });

    it('loads a page of secretaries with their workload, assignments and scores in a fixed number of SQL statements', async () => {
      const q = 'query($n: Int) { secretaries(first: $n) { nodes { name district { name } workload { projects logEntriesLast30Days quietProjects } assignments { teamRole } evaluations { score } } } }';
      await t.gql(q, { n: 1 }, tokens['admin.dalian']); // a session's use is recorded now and then: keep it out of the count
      const few = await t.gql<{ secretaries: { nodes: { workload: { projects: number } }[] } }>(q, { n: 2 }, tokens['admin.dalian']);
      const many = await t.gql<{ secretaries: { nodes: { workload: { projects: number } }[] } }>(q, { n: 15 }, tokens['admin.dalian']);
      expect(many.errors).toBeUndefined();
      expect(many.data!.secretaries.nodes).toHaveLength(15);
      expect(many.data!.secretaries.nodes.every((n) => n.workload.projects >= 1)).toBe(true);
      const [fewStatements, manyStatements] = [await leastStatements(t, q, { n: 2 }, tokens['admin.dalian']), await leastStatements(t, q, { n: 15 }, tokens['admin.dalian'])];
      expect(few.errors).toBeUndefined();
      expect(fewStatements).toBeGreaterThan(0);
      expect(manyStatements).toBe(fewStatements);
    });

    it('shows admin.dalian the quiet projects, 保利天禧 among them', async () => {
      const res = await t.gql<{ quietProjects: { totalCount: number; nodes: { project: { name: string }; daysSinceContact: number; noContactDays: number; secretaries: { name: string }[] }[] } }>(
        QUIET,
        { a: area['大连市'], first: 100 },
        tokens['admin.dalian'],
      );
      expect(res.errors).toBeUndefined();
      const q = res.data!.quietProjects;
      expect(q.totalCount).toBeGreaterThan(5);
      expect(q.totalCount).toBeLessThan(80);
      const baoli = q.nodes.find((n) => n.project.name === '保利天禧')!;
      expect(baoli).toMatchObject({ noContactDays: 30 });
      const zs = await t.gql<{ quietProjects: { nodes: { project: { name: string }; secretaries: { name: string }[] }[] } }>(
        'query($a: ID) { quietProjects(areaId: $a, first: 20) { nodes { project { name } secretaries { name } } } }',
        { a: area['中山区'] },
        tokens['admin.zhongshan'],
      );
      expect(zs.errors).toBeUndefined();
      expect(zs.data!.quietProjects.nodes.find((n) => n.project.name === '保利天禧')!.secretaries).toEqual([{ name: '李军' }]);
      expect(baoli.daysSinceContact).toBeGreaterThanOrEqual(30);
      const days = q.nodes.map((n) => n.daysSinceContact);
      expect([...days].sort((a, b) => b - a)).toEqual(days);
    });
  });

  describe('the service log and its scope', () => {
    it('lets lijun log a visit to his project, which ends its no-contact warning', async () => {
      const res = await t.gql<{ logService: { kind: string; project: { name: string }; secretary: { name: string } } }>(
        LOG,
        { i: { projectId: project['保利天禧'], kind: 'VISIT', date: today, summary: '到项目现场走访，协调外部配套' } },
        tokens['secretary.lijun'],
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.logService).toMatchObject({ kind: 'VISIT', project: { name: '保利天禧' }, secretary: { name: '李军' } });
      const me = await t.gql<{ secretaries: { nodes: { workload: { quietProjects: number; lastContactDate: string } }[] } }>('{ secretaries { nodes { workload { quietProjects lastContactDate } } } }', {}, tokens['secretary.lijun']);
      expect(me.data!.secretaries.nodes[0].workload).toEqual({ quietProjects: 0, lastContactDate: today });
      const audit = await t.server.db.getRepository(AuditRecord).findOneBy({ action: 'serviceLog.create', actorUsername: 'secretary.lijun' });
      expect(audit).not.toBeNull();
    });

    it('refuses lijun writing for another secretary’s project, or as another secretary, and writes nothing', async () => {
      const before = await t.server.db.getRepository(ServiceLogEntry).count();
      const other = await t.gql(LOG, { i: { projectId: project['黑嘴子码头及周边地块改造'], kind: 'CALL', date: today, summary: '越权记录' } }, tokens['secretary.lijun']);
      expect(errorCode(other)).toBe('NOT_FOUND');
      const asOther = await t.gql(LOG, { i: { projectId: project['凯丹广场'], kind: 'CALL', date: today, summary: '冒名记录', secretaryId: await secretaryId('刘文峰') } }, tokens['secretary.lijun']);
      expect(errorCode(asOther)).toBe('FORBIDDEN');
      const future = await t.gql(LOG, { i: { projectId: project['凯丹广场'], kind: 'CALL', date: addDays(today, 1), summary: '明天' } }, tokens['secretary.lijun']);
      expect({ code: errorCode(future), field: field(future) }).toEqual({ code: 'BAD_USER_INPUT', field: 'input.date' });
      const beforeAssignment = await t.gql(LOG, { i: { projectId: project['凯丹广场'], kind: 'CALL', date: '2018-01-10', summary: '任命之前' } }, tokens['secretary.lijun']);
      expect({ code: errorCode(beforeAssignment), field: field(beforeAssignment) }).toEqual({ code: 'BAD_USER_INPUT', field: 'input.date' });
      expect(await t.server.db.getRepository(ServiceLogEntry).count()).toBe(before);
    });

    it('reads the log in scope: a district admin its district, a secretary its own entries', async () => {
      const zs = await t.gql<{ serviceLog: { totalCount: number; nodes: { project: { name: string } }[] } }>('query($a: ID) { serviceLog(filter: { areaId: $a }, first: 100) { totalCount nodes { project { name } } } }', { a: area['中山区'] }, tokens['admin.zhongshan']);
      expect(zs.errors).toBeUndefined();
      expect(zs.data!.serviceLog.totalCount).toBeGreaterThan(100);
      const out = await t.gql('query($a: ID) { serviceLog(filter: { areaId: $a }) { totalCount } }', { a: area['西岗区'] }, tokens['admin.zhongshan']);
      expect(errorCode(out)).toBe('FORBIDDEN');
      const own = await t.gql<{ serviceLog: { nodes: { secretary: { name: string } }[] } }>('{ serviceLog(first: 100) { nodes { secretary { name } } } }', {}, tokens['secretary.lijun']);
      expect(new Set(own.data!.serviceLog.nodes.map((n) => n.secretary.name))).toEqual(new Set(['李军']));
      const delegate = await t.gql<{ serviceLog: { totalCount: number } }>('{ serviceLog { totalCount } }', {}, tokens['delegate.001']);
      expect(delegate.data!.serviceLog.totalCount).toBe(0);
    });
  });

  describe('contact details', () => {
    const Q = 'query($id: ID!) { secretary(id: $id) { name workUnit contact } }';
    it('are shown to admins whose scope covers the secretary', async () => {
      const id = await secretaryId('李军');
      for (const admin of ['admin.zhongshan', 'admin.dalian']) {
        const res = await t.gql<{ secretary: { contact: string } }>(Q, { id }, tokens[admin]);
        expect(res.errors).toBeUndefined();
        expect(res.data!.secretary.contact).toMatch(/^手机 139\d{8}$/);
      }
    });

    it('are refused to an analyst with FORBIDDEN on that field while the rest of the answer stands', async () => {
      const res = await t.gql<{ secretary: { name: string; workUnit: string; contact: string | null } }>(Q, { id: await secretaryId('李军') }, tokens['analyst']);
      expect(res.data!.secretary).toEqual({ name: '李军', workUnit: '中山区东港街道', contact: null });
      expect(res.errors).toEqual([expect.objectContaining({ path: ['secretary', 'contact'], extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })]);
      const self = await t.gql<{ secretary: { contact: string | null } }>(Q, { id: await secretaryId('李军') }, tokens['secretary.lijun']);
      expect(self.data!.secretary.contact).toBeNull();
      expect(errorCode(self)).toBe('FORBIDDEN');
    });

    it('are out of reach for another district’s admin, who cannot read the secretary at all', async () => {
      expect(errorCode(await t.gql(Q, { id: await secretaryId('李军') }, tokens['admin.dadong']))).toBe('NOT_FOUND');
    });
  });

  describe('coverage, teams and the no-contact warning', () => {
    let wang: string;
    beforeAll(async () => {
      const res = await t.gql<{ createSecretary: { id: string } }>(CREATE, { i: { districtId: area['苏家屯区'], name: '王测试', workUnit: '苏家屯区发改局', contact: '024-8981 0000' } }, tokens['admin.sujiatun']);
      expect(res.errors).toBeUndefined();
      wang = res.data!.createSecretary.id;
    });

    it('counts a district’s key projects with a secretary and lists the others', async () => {
      const before = await t.gql<{ secretaryOverview: { total: { keyProjects: number; covered: number; coveragePercent: number }; districts: { uncoveredProjects: { name: string }[] }[] } }>(
        OVERVIEW,
        { a: area['苏家屯区'], d: '2020-10-15' },
        tokens['admin.sujiatun'],
      );
      expect(before.errors).toBeUndefined();
      expect(before.data!.secretaryOverview.total).toMatchObject({ keyProjects: 100, covered: 0, coveragePercent: 0 });
      expect(before.data!.secretaryOverview.districts[0].uncoveredProjects).toHaveLength(100);

      const a = await t.gql<{ assignSecretary: { id: string; active: boolean; project: { name: string } } }>(ASSIGN, { i: { secretaryId: wang, projectId: sujiatunProjects[0], startDate: '2020-01-01' } }, tokens['admin.sujiatun']);
      expect(a.errors).toBeUndefined();
      const after = await t.gql<{ secretaryOverview: { total: { covered: number; coveragePercent: number; secretaries: number; projectsPerSecretary: number }; districts: { uncoveredProjects: { name: string }[] }[] } }>(
        OVERVIEW,
        { a: area['苏家屯区'], d: '2020-10-15' },
        tokens['admin.sujiatun'],
      );
      expect(after.data!.secretaryOverview.total).toMatchObject({ covered: 1, coveragePercent: 1, secretaries: 1, projectsPerSecretary: 1 });
      expect(after.data!.secretaryOverview.districts[0].uncoveredProjects.map((p) => p.name)).not.toContain(a.data!.assignSecretary.project.name);
      // Before the assignment started, the project was uncovered.
      const earlier = await t.gql<{ secretaryOverview: { total: { covered: number } } }>(OVERVIEW, { a: area['苏家屯区'], d: '2019-12-31' }, tokens['admin.sujiatun']);
      expect(earlier.data!.secretaryOverview.total.covered).toBe(0);

      // Ended yesterday: uncovered again.
      const ended = await t.gql('mutation($id: ID!, $e: LocalDate!) { endSecretaryAssignment(id: $id, endDate: $e) { endDate } }', { id: a.data!.assignSecretary.id, e: '2020-10-14' }, tokens['admin.sujiatun']);
      expect(ended.errors).toBeUndefined();
      const later = await t.gql<{ secretaryOverview: { total: { covered: number } } }>(OVERVIEW, { a: area['苏家屯区'], d: '2020-10-15' }, tokens['admin.sujiatun']);
      expect(later.data!.secretaryOverview.total.covered).toBe(0);
    });

    it('keeps one sole secretary or one lead per project at a time', async () => {
      const p = sujiatunProjects[1];
      const first = await t.gql(ASSIGN, { i: { secretaryId: wang, projectId: p, startDate: '2020-01-01' } }, tokens['admin.sujiatun']);
      expect(first.errors).toBeUndefined();
      const other = await t.gql<{ createSecretary: { id: string } }>(CREATE, { i: { districtId: area['苏家屯区'], name: '赵测试', workUnit: '苏家屯区工信局' } }, tokens['admin.sujiatun']);
      const second = await t.gql(ASSIGN, { i: { secretaryId: other.data!.createSecretary.id, projectId: p, startDate: '2020-06-01' } }, tokens['admin.sujiatun']);
      expect({ code: errorCode(second), field: field(second) }).toEqual({ code: 'BAD_USER_INPUT', field: 'input.teamRole' });
      const endsFirst = await t.gql(ASSIGN, { i: { secretaryId: wang, projectId: p, startDate: '2020-06-01', endDate: '2020-05-01' } }, tokens['admin.sujiatun']);
      expect({ code: errorCode(endsFirst), field: field(endsFirst) }).toEqual({ code: 'BAD_USER_INPUT', field: 'input.endDate' });
      // Another district's admin cannot assign to Sujiatun's project.
      expect(errorCode(await t.gql(ASSIGN, { i: { secretaryId: wang, projectId: p, startDate: '2020-01-01' } }, tokens['admin.dadong']))).toBe('NOT_FOUND');
    });

    it('lets only one of two concurrent sole assignments to a project through', async () => {
      const p = sujiatunProjects[3];
      const others = await Promise.all(
        ['钱并发', '孙并发', '周并发', '吴并发'].map((name) => t.gql<{ createSecretary: { id: string } }>(CREATE, { i: { districtId: area['苏家屯区'], name, workUnit: '苏家屯区发改局' } }, tokens['admin.sujiatun'])),
      );
      const results = await Promise.all(others.map((o) => t.gql(ASSIGN, { i: { secretaryId: o.data!.createSecretary.id, projectId: p, startDate: '2020-02-01' } }, tokens['admin.sujiatun'])));
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.filter((r) => r.errors).map((r) => field(r))).toEqual(['input.teamRole', 'input.teamRole', 'input.teamRole']);
      expect(await t.server.db.getRepository(SecretaryAssignment).countBy({ projectId: Number(p) })).toBe(1);
    });

    it('warns after 30 days without contact, counted across the month end', async () => {
      const p = sujiatunProjects[2];
      const name = (await t.server.db.getRepository(Project).findOneByOrFail({ id: Number(p) })).name;
      expect((await t.gql(ASSIGN, { i: { secretaryId: wang, projectId: p, startDate: '2020-08-01' } }, tokens['admin.sujiatun'])).errors).toBeUndefined();
      const logged = await t.gql(LOG, { i: { projectId: p, kind: 'APPROVAL_HELP', date: '2020-09-30', summary: '协助办理施工许可', secretaryId: wang } }, tokens['admin.sujiatun']);
      expect(logged.errors).toBeUndefined();
      const quietOn = async (d: string) => {
        const res = await t.gql<{ quietProjects: { nodes: { project: { name: string }; daysSinceContact: number; lastContactDate: string }[] } }>(QUIET, { a: area['苏家屯区'], d, first: 100 }, tokens['admin.sujiatun']);
        expect(res.errors).toBeUndefined();
        return res.data!.quietProjects.nodes.filter((n) => n.project.name === name);
      };
      expect(await quietOn('2020-10-29')).toEqual([]);
      expect(await quietOn('2020-10-30')).toEqual([expect.objectContaining({ lastContactDate: '2020-09-30', daysSinceContact: 30 })]);
      // Never contacted: measured from the assignment's start (1 August → quiet from 31 August).
      const log = t.server.db.getRepository(ServiceLogEntry);
      await log.delete({ projectId: Number(p) });
      expect(await quietOn('2020-08-30')).toEqual([]);
      expect(await quietOn('2020-08-31')).toEqual([expect.objectContaining({ lastContactDate: null, daysSinceContact: null })]);
    });
  });

  describe('the projects’ secretary scope follows the assignments', () => {
    const MINE = '{ projects(first: 10) { nodes { name } } }';
    const names = async () => (await t.gql<{ projects: { nodes: { name: string }[] } }>(MINE, {}, tokens['secretary.lijun'])).data!.projects.nodes.map((n) => n.name).sort();

    it('lets lijun report for his project and not for another', async () => {
      const REPORT = 'mutation($i: MonthlyReportInput!) { saveMonthlyReport(input: $i) { period reporterName } }';
      const mine = await t.gql(REPORT, { i: { projectId: project['凯丹广场'], period: '2020-10', actualInvestment: '1000000.00', progress: '主体结构封顶' } }, tokens['secretary.lijun']);
      expect(mine.errors).toBeUndefined();
      const other = await t.gql(REPORT, { i: { projectId: project['黑嘴子码头及周边地块改造'], period: '2020-10', actualInvestment: '1.00' } }, tokens['secretary.lijun']);
      expect(errorCode(other)).toBe('NOT_FOUND');
    });

    it('takes a project away when its assignment ends and gives it back with a new one', async () => {
      const zs = tokens['admin.zhongshan'];
      const lijun = await secretaryId('李军');
      const detail = await t.gql<{ secretary: { assignments: { id: string; project: { name: string } }[] } }>('query($id: ID!) { secretary(id: $id) { assignments { id project { name } } } }', { id: lijun }, zs);
      const kaidan = detail.data!.secretary.assignments.find((a) => a.project.name === '凯丹广场')!;
      const ended = await t.gql('mutation($id: ID!, $e: LocalDate!) { endSecretaryAssignment(id: $id, endDate: $e) { endDate active } }', { id: kaidan.id, e: addDays(today, -1) }, zs);
      expect(ended.data).toEqual({ endSecretaryAssignment: { endDate: addDays(today, -1), active: false } });
      expect(await names()).toEqual(['保利天禧', '辉盛阁国际公寓'].sort());
      expect(errorCode(await t.gql('query($id: ID!) { project(id: $id) { name } }', { id: project['凯丹广场'] }, tokens['secretary.lijun']))).toBe('NOT_FOUND');
      const again = await t.gql(ASSIGN, { i: { secretaryId: lijun, projectId: project['凯丹广场'], startDate: today } }, zs);
      expect(again.errors).toBeUndefined();
      expect(await names()).toEqual(['保利天禧', '凯丹广场', '辉盛阁国际公寓'].sort());
    });
  });

  describe('evaluation', () => {
    const SCORE = 'mutation($i: EvaluationInput!) { scoreSecretary(input: $i) { period score comments evaluatedBy } }';

    it('lets the evaluator score a secretary and keeps one score per period in the history', async () => {
      const id = await secretaryId('李军');
      const res = await t.gql(SCORE, { i: { secretaryId: id, period: '2019-06', score: 88, comments: '走访及时' } }, tokens['evaluator.dalian']);
      expect(res.errors).toBeUndefined();
      const again = await t.gql(SCORE, { i: { secretaryId: id, period: '2019-06', score: 91, comments: '复核后调整' } }, tokens['evaluator.dalian']);
      expect(again.data).toEqual({ scoreSecretary: { period: '2019-06', score: 91, comments: '复核后调整', evaluatedBy: 'evaluator.dalian' } });
      const bad = await t.gql(SCORE, { i: { secretaryId: id, period: '2019-06', score: 101 } }, tokens['evaluator.dalian']);
      expect(errorCode(bad)).toBe('BAD_USER_INPUT');
      expect(errorCode(await t.gql(SCORE, { i: { secretaryId: id, period: '2019-06', score: 90 } }, tokens['admin.dalian']))).toBe('FORBIDDEN');
      const history = await t.gql<{ secretary: { evaluations: { period: string; score: number }[]; latestEvaluation: { period: string; score: number } } }>(
        'query($id: ID!) { secretary(id: $id) { evaluations { period score } latestEvaluation { period score } } }',
        { id },
        tokens['admin.zhongshan'],
      );
      const periods = history.data!.secretary.evaluations.map((e) => e.period);
      // The list's latest score is the last of the history (the latest period).
      expect(history.data!.secretary.latestEvaluation).toEqual(history.data!.secretary.evaluations.at(-1));
      expect(history.data!.secretary.latestEvaluation.period > '2019-06').toBe(true);
      expect(periods[0]).toBe('2019-06');
      expect(history.data!.secretary.evaluations[0].score).toBe(91);
      expect([...periods].sort()).toEqual(periods);
      expect(periods).toHaveLength(3);
    });

    it('imports a sheet: the dry run names every bad row, a sheet with bad rows writes nothing, a good one writes all', async () => {
      const lijun = await secretaryId('李军');
      const liu = await secretaryId('刘文峰');
      const sun = await secretaryId('孙野');
      const repo = t.server.db.getRepository(SecretaryEvaluation);
      const before = await repo.count();
      const bad = await upload(
        t,
        tokens['evaluator.dalian'],
        await workbook([
          [Number(lijun), '李军', '2018-12', 93, '服务主动'],
          [Number(liu), '刘文峰', '2018-12', 150, ''],
          [999999, '无此人', '2018-12', 80, ''],
          [Number(sun), '孙国轩', '2018-12', 80, ''],
          [Number(lijun), '李军', '2018-12', 90, '重复'],
          [Number(liu), '刘文峰', '2099-12', 90, ''],
        ]),
      );
      const dry = await t.gql<{ importSecretaryEvaluations: { committed: boolean; totalRows: number; validRows: number; problems: { row: number; header: string; reason: string }[] } }>(IMPORT, { f: bad, dry: true }, tokens['evaluator.dalian']);
      expect(dry.errors).toBeUndefined();
      const r = dry.data!.importSecretaryEvaluations;
      expect(r).toMatchObject({ committed: false, totalRows: 6 });
      expect(r.problems.map((p) => [p.row, p.header])).toEqual(
        expect.arrayContaining([
          [3, '评分'],
          [4, '秘书编号'],
          [5, '姓名'],
          [7, '评估期'],
        ]),
      );
      expect(r.problems.some((p) => p.row === 6 || p.row === 2)).toBe(true); // the duplicate (id, period)
      const commit = await t.gql<{ importSecretaryEvaluations: { committed: boolean } }>(IMPORT, { f: bad, dry: false }, tokens['evaluator.dalian']);
      expect(commit.data!.importSecretaryEvaluations.committed).toBe(false);
      expect(await repo.count()).toBe(before);

      const good = await upload(t, tokens['evaluator.dalian'], await workbook([
        [Number(lijun), '李军', '2018-12', 93, '服务主动'],
        [Number(liu), '刘文峰', '2018-12', 96, '解决码头瓶颈问题'],
      ]));
      const ok = await t.gql<{ importSecretaryEvaluations: { committed: boolean; created: number } }>(IMPORT, { f: good, dry: false }, tokens['evaluator.dalian']);
      expect(ok.data!.importSecretaryEvaluations).toMatchObject({ committed: true, created: 2 });
      expect(await repo.count()).toBe(before + 2);
      // An analyst reads only; another city's admin cannot see Dalian's secretaries to score them.
      expect(errorCode(await t.gql(IMPORT, { f: good, dry: true }, tokens['analyst']))).toBe('FORBIDDEN');
    });
  });

  describe('problems link back to their secretary', () => {
    const RAISE = `mutation($i: RaiseProblemInput!) { raiseProblem(input: $i) { id version deadline secretary { name } resolvedBySecretary { name } } }`;
    const MOVE = `mutation($id: ID!, $a: ProblemAction!, $i: ProblemMoveInput!) { moveProblem(id: $id, action: $a, input: $i) { id status daysToResolve secretary { name } resolvedBySecretary { name } } }`;
    const WORKLOAD = `query($id: ID!, $d: LocalDate) { secretary(id: $id) { name workload(today: $d) { openProblems overdueProblems averageDaysToResolve } problems { title status secretary { name } } } }`;
    type Raised = { id: string; version: number; deadline: string; secretary: { name: string } | null; resolvedBySecretary: { name: string } | null };
    const raised: Record<string, Raised> = {};

    async function raise(token: string, name: string, title: string, raisedDate: string, workingDays: number): Promise<Raised> {
      const res = await t.gql<{ raiseProblem: Raised }>(RAISE, { i: { projectId: project[name], category: 'UTILITIES', title, ownerUnit: '中山区城建局', workingDays, raisedDate } }, token);
      expect(res.errors).toBeUndefined();
      return res.data!.raiseProblem;
    }

    beforeAll(async () => {
      // 李军 raises two; the district admin raises two on his projects; one of each is resolved.
      raised.overdue = await raise(tokens['secretary.lijun'], '凯丹广场', '雨污管网接驳', '2020-09-01', 5);
      raised.open = await raise(tokens['secretary.lijun'], '辉盛阁国际公寓', '施工围挡占道审批', '2020-10-09', 20);
      raised.byAdmin = await raise(tokens['admin.zhongshan'], '保利天禧', '临时用电增容', '2020-09-01', 10);
      raised.byAdmin2 = await raise(tokens['admin.zhongshan'], '凯丹广场', '消防通道调整', '2020-09-10', 10);
      const lijun = await t.gql<{ moveProblem: { status: string; daysToResolve: number; resolvedBySecretary: { name: string } | null } }>(
        MOVE,
        { id: raised.byAdmin.id, a: 'RESOLVE', i: { version: raised.byAdmin.version, date: '2020-09-11' } },
        tokens['secretary.lijun'],
      );
      expect(lijun.errors).toBeUndefined();
      expect(lijun.data!.moveProblem).toMatchObject({ status: 'RESOLVED', daysToResolve: 10, resolvedBySecretary: { name: '李军' } });
      const admin = await t.gql<{ moveProblem: { daysToResolve: number; resolvedBySecretary: unknown } }>(
        MOVE,
        { id: raised.byAdmin2.id, a: 'RESOLVE', i: { version: raised.byAdmin2.version, date: '2020-09-15' } },
        tokens['admin.zhongshan'],
      );
      expect(admin.data!.moveProblem).toMatchObject({ daysToResolve: 5, resolvedBySecretary: null });
    });

    it('links a problem raised by a secretary to it, and one raised by an admin to the project’s secretary that day', () => {
      for (const p of Object.values(raised)) expect(p.secretary).toEqual({ name: '李军' });
      expect(raised.overdue.deadline).toBe(deadlineFromWorkingDays('2020-09-01', 5));
    });

    it('gives a reinforced team’s problem raised by an admin to the team’s lead', async () => {
      const p = await t.gql<{ raiseProblem: { secretary: { name: string } } }>(
        RAISE,
        { i: { projectId: project['恒力石化2000万吨/年炼化一体化'], category: 'POWER', title: '220千伏外线接入', ownerUnit: '国网大连供电公司', workingDays: 15, raisedDate: '2020-09-01' } },
        tokens['admin.dalian'],
      );
      expect(p.errors).toBeUndefined();
      const team = await t.gql<{ project: { secretaryAssignments: { teamRole: string; secretary: { name: string } }[] } }>(
        'query($id: ID!) { project(id: $id) { secretaryAssignments { teamRole secretary { name } } } }',
        { id: project['恒力石化2000万吨/年炼化一体化'] },
        tokens['admin.dalian'],
      );
      const lead = team.data!.project.secretaryAssignments.find((a) => a.teamRole === 'LEAD')!.secretary.name;
      expect(p.data!.raiseProblem.secretary).toEqual({ name: lead });
    });

    it('counts the open, overdue and resolved problems of the secretary exactly', async () => {
      const id = await secretaryId('李军');
      const res = await t.gql<{ secretary: { workload: Record<string, unknown>; problems: { title: string; secretary: { name: string } }[] } }>(WORKLOAD, { id, d: '2020-10-15' }, tokens['admin.zhongshan']);
      expect(res.errors).toBeUndefined();
      // Open: 雨污管网接驳 (past its deadline) and 施工围挡占道审批; resolved in 10 and 5 days.
      expect(res.data!.secretary.workload).toEqual({ openProblems: 2, overdueProblems: 1, averageDaysToResolve: 7.5 });
      expect(res.data!.secretary.problems.map((p) => p.title).sort()).toEqual(['临时用电增容', '施工围挡占道审批', '消防通道调整', '雨污管网接驳'].sort());
      expect(res.data!.secretary.problems.every((p) => p.secretary.name === '李军')).toBe(true);
    });

    it.each<[string, (deadline: string) => string, number, number]>([
      ['on its deadline day the problem is not overdue yet', (d) => d, 1, 0],
      ['the day after its deadline it is overdue', (d) => addDays(d, 1), 1, 1],
      ['a problem raised after the day is left out', () => '2020-10-08', 1, 1],
      ['raised that day, it counts', () => '2020-10-09', 2, 1],
    ])('%s', async (_d, day, open, overdue) => {
      const res = await t.gql<{ secretary: { workload: { openProblems: number; overdueProblems: number } } }>(
        WORKLOAD,
        { id: await secretaryId('李军'), d: day(raised.overdue.deadline) },
        tokens['secretary.lijun'],
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.secretary.workload).toMatchObject({ openProblems: open, overdueProblems: overdue });
    });

    it('keeps the scope: another district reads neither the secretary nor its problems', async () => {
      const id = await secretaryId('李军');
      expect(errorCode(await t.gql(WORKLOAD, { id, d: '2020-10-15' }, tokens['admin.dadong']))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql('query($id: ID!) { problem(id: $id) { secretary { name } } }', { id: raised.overdue.id }, tokens['admin.dadong']))).toBe('NOT_FOUND');
      const analyst = await t.gql<{ problem: { secretary: { name: string } } }>('query($id: ID!) { problem(id: $id) { secretary { name } } }', { id: raised.overdue.id }, tokens['analyst']);
      expect(analyst.data!.problem.secretary).toEqual({ name: '李军' });
    });

    it('gives a secretary without problems zeros and no average', async () => {
      const res = await t.gql<{ secretary: { workload: Record<string, unknown> } }>(WORKLOAD, { id: await secretaryId('刘文峰'), d: '2020-10-15' }, tokens['admin.dalian']);
      expect(res.data!.secretary.workload).toEqual({ openProblems: 0, overdueProblems: 0, averageDaysToResolve: null });
    });
  });
});
