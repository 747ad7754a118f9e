import { Area } from '../../core/areas/area.entity';
import { AuditRecord } from '../../core/audit/audit-record.entity';
import { setTodayForTesting } from '../../core/clock';
import { DRIVERS, errorCode, startTestServer, type TestServer } from '../../testing/harness';
import { Problem } from '../problems/problem.entity';
import { ProcedureNode } from './procedure.entity';

const SEED = ['areas', 'accounts', 'projects'];
const TODAY = '2020-10-15';

interface Node {
  id: string;
  code: string;
  name: string;
  department: string;
  state: string;
  version: number;
  requestedDate: string | null;
  approvedDate: string | null;
  dueDate: string | null;
  workingDaysTaken: number | null;
  problemId: string | null;
  predecessors: string[];
  timing: { overdue: boolean; daysOverdue: number; workingDaysTaken: number | null };
}
interface Chain {
  nodes: Node[];
  heldBy: Node | null;
  frontier: string[];
  complete: boolean;
  totalPromisedDays: number;
}

const NODE = 'id code name department state version requestedDate approvedDate dueDate workingDaysTaken problemId predecessors timing { overdue daysOverdue workingDaysTaken }';
const CHAIN = `nodes { ${NODE} } heldBy { ${NODE} } frontier complete totalPromisedDays`;

describe.each(DRIVERS)('pre-construction procedures [%s]', (driver) => {
  let t: TestServer;
  let ids: Record<string, string>;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestServer(driver, { seedModules: SEED });
    ids = Object.fromEntries((await t.server.db.getRepository(Area).find()).map((a) => [a.name, String(a.id)]));
    for (const u of ['admin.sujiatun', 'admin.shenyang', 'admin.dadong', 'analyst']) tokens[u] = await t.login(u);
    setTodayForTesting(TODAY);
  }, 120_000);
  afterAll(async () => {
    setTodayForTesting(undefined);
    await t.close();
  });

  async function projectsOf(stages: string[], token = tokens['admin.sujiatun']) {
    type P = { id: string; code: string; name: string; procedures: Chain | null };
    const all: P[] = [];
    for (let after: string | null = null; ;) {
      const res: { data?: { projects: { nodes: P[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } } | null; errors?: unknown[] } = await t.gql(
        `query($d: ID, $s: [ProjectStage!], $after: String) { projects(filter: { districtId: $d, stages: $s }, first: 20, after: $after, orderBy: CODE) { nodes { id code name procedures { ${CHAIN} } } pageInfo { endCursor hasNextPage } } }`,
        { d: ids['苏家屯区'], s: stages, after },
        token,
      );
      expect(res.errors).toBeUndefined();
      all.push(...res.data!.projects.nodes);
      if (!res.data!.projects.pageInfo.hasNextPage) return all;
      after = res.data!.projects.pageInfo.endCursor;
    }
  }

  async function chainOf(code: string): Promise<{ id: string; chain: Chain }> {
    const all = await projectsOf(['RESERVE', 'NEW']);
    const p = all.find((x) => x.code === code)!;
    return { id: p.id, chain: p.procedures! };
  }

  it('the city’s template keeps the 50 working days: 8 procedures, a critical path of 28', async () => {
    const res = await t.gql<{ procedureTemplate: { cityName: string; types: { code: string; predecessors: string[] }[]; totalPromisedDays: number; totalLegalDays: number; criticalPath: string[]; limitDays: number; withinLimit: boolean } }>(
      'query($a: ID) { procedureTemplate(areaId: $a) { cityName types { code predecessors } totalPromisedDays totalLegalDays criticalPath limitDays withinLimit } }',
      { a: ids['苏家屯区'] },
      tokens['admin.sujiatun'],
    );
    const tpl = res.data!.procedureTemplate;
    expect(tpl.cityName).toBe('沈阳市');
    expect(tpl.types.map((x) => x.code)).toEqual(['LX', 'YDYS', 'HP', 'JN', 'YDGH', 'GCGH', 'SGT', 'SGXK']);
    expect(tpl.types.find((x) => x.code === 'SGXK')!.predecessors).toEqual(['SGT', 'HP', 'JN']);
    expect(tpl).toMatchObject({ totalPromisedDays: 28, criticalPath: ['LX', 'YDYS', 'YDGH', 'GCGH', 'SGT', 'SGXK'], limitDays: 50, withinLimit: true });
    expect(tpl.totalLegalDays).toBe(20 + 20 + 20 + 20 + 20 + 15);
  });

  it('a reserve project shows the node that holds it up and the department that owns it', async () => {
    const { chain } = await chainOf('SJT-2020-R01');
    expect(chain.nodes).toHaveLength(8);
    expect(chain.heldBy).toMatchObject({ code: 'HP', name: '环境影响评价审批', department: '沈阳市生态环境局苏家屯分局', state: 'IN_PROGRESS', requestedDate: '2020-08-20' });
    // 15 working days after Thursday 20 August: Thursday 10 September; by 15 October 21 working days late
    // (11, 14–18, 21–25, Sunday 27 made up, 28–30 September; 9, Saturday 10 made up, 12–15 October: the National Day week does not count).
    expect(chain.heldBy!.dueDate).toBe('2020-09-10');
    expect(chain.heldBy!.timing).toEqual({ overdue: true, daysOverdue: 21, workingDaysTaken: 36 });
    expect(chain.frontier.sort()).toEqual(['HP', 'JN', 'YDGH']);
    expect(chain.nodes.find((n) => n.code === 'YDGH')!.timing.overdue).toBe(false);
    expect(chain.complete).toBe(false);
    expect(chain.totalPromisedDays).toBe(28);
  });

  it('the figures, counted by the database, agree with the chains node by node', async () => {
    const projects = await projectsOf(['RESERVE', 'NEW']);
    const byDept = new Map<string, { overdue: number; inProgress: number; blocked: Set<string> }>();
    for (const p of projects) {
      for (const n of p.procedures?.nodes ?? []) {
        const row = byDept.get(n.department) ?? { overdue: 0, inProgress: 0, blocked: new Set<string>() };
        if (n.state === 'IN_PROGRESS') row.inProgress++;
        if (n.timing.overdue) {
          row.overdue++;
          row.blocked.add(p.id);
        }
        byDept.set(n.department, row);
      }
    }
    const res = await t.gql<{ procedureFigures: { projects: number; blockedProjects: number; overdueNodes: number; byDepartment: { department: string; inProgress: number; overdue: number; blockedProjects: number }[]; byType: { code: string; approved: number; averageDays: number | null; promisedDays: number; approvedLate: number; overdue: number }[]; template: { withinLimit: boolean } } }>(
      'query($a: ID) { procedureFigures(areaId: $a) { projects blockedProjects overdueNodes byDepartment { department inProgress overdue blockedProjects } byType { code approved averageDays promisedDays approvedLate overdue } template { withinLimit } } }',
      { a: ids['苏家屯区'] },
      tokens['admin.shenyang'],
    );
    expect(res.errors).toBeUndefined();
    const f = res.data!.procedureFigures;
    expect(f.projects).toBe(projects.filter((p) => p.procedures).length);
    expect(f.projects).toBeGreaterThan(30);
    const overdue = [...byDept.values()].reduce((s, r) => s + r.overdue, 0);
    expect(f.overdueNodes).toBe(overdue);
    expect(overdue).toBeGreaterThanOrEqual(3);
    expect(f.blockedProjects).toBe(new Set([...byDept.values()].flatMap((r) => [...r.blocked])).size);
    for (const row of f.byDepartment) {
      const mine = byDept.get(row.department)!;
      expect(row).toEqual({ department: row.department, inProgress: mine.inProgress, overdue: mine.overdue, blockedProjects: mine.blocked.size });
    }
    expect(f.byDepartment[0].department).toBe('苏家屯区住房和城乡建设局');
    const hp = f.byType.find((r) => r.code === 'HP')!;
    const approvedHp = projects.flatMap((p) => p.procedures?.nodes ?? []).filter((n) => n.code === 'HP' && n.state === 'APPROVED');
    expect(hp.approved).toBe(approvedHp.length);
    expect(hp.averageDays).toBeCloseTo(approvedHp.reduce((s, n) => s + n.workingDaysTaken!, 0) / approvedHp.length, 1);
    expect(hp.approvedLate).toBe(approvedHp.filter((n) => n.workingDaysTaken! > 15).length);
    expect(hp.approvedLate).toBeGreaterThan(0);
    expect(f.template.withinLimit).toBe(true);
    // Another district's admin cannot ask for 苏家屯区.
    const other = await t.gql('query($a: ID) { procedureFigures(areaId: $a) { projects } }', { a: ids['苏家屯区'] }, tokens['admin.dadong']);
    expect(errorCode(other)).toBe('FORBIDDEN');
  });

  it('records an application and an approval on the chain’s rules, each field’s refusal named, stale versions refused', async () => {
    const { chain } = await chainOf('SJT-2020-R02');
    const lx = chain.nodes.find((n) => n.code === 'LX')!;
    const sgxk = chain.nodes.find((n) => n.code === 'SGXK')!;
    const update = (id: string, input: Record<string, unknown>) =>
      t.gql<{ updateProcedureNode: Node }>(`mutation($id: ID!, $i: ProcedureNodeInput!) { updateProcedureNode(id: $id, input: $i) { ${NODE} } }`, { id, i: input }, tokens['admin.sujiatun']);

    const early = await update(sgxk.id, { version: sgxk.version, state: 'IN_PROGRESS', ownerUnit: '苏家屯区城建投资有限公司', requestedDate: '2020-10-14' });
    expect(errorCode(early)).toBe('BAD_USER_INPUT');
    expect(early.errors![0].extensions!.field).toBe('input.state');
    expect(early.errors![0].message).toMatch(/前置手续「.*」尚未办结/);

    const noDoc = await update(lx.id, { version: lx.version, state: 'APPROVED', ownerUnit: '苏家屯区城建投资有限公司', requestedDate: '2020-10-09', approvedDate: '2020-10-14' });
    expect(errorCode(noDoc)).toBe('BAD_USER_INPUT');
    expect(noDoc.errors![0].extensions!.field).toBe('input.documentNumber');

    const audits = await t.server.db.getRepository(AuditRecord).count({ where: { action: 'procedure-node.update' } });
    const ok = await update(lx.id, { version: lx.version, state: 'APPROVED', ownerUnit: '苏家屯区城建投资有限公司', requestedDate: '2020-10-09', approvedDate: '2020-10-14', documentNumber: '沈苏发改审批〔2020〕88号' });
    expect(ok.errors).toBeUndefined();
    // Friday 9 October to Wednesday 14 October: Saturday 10 (a make-up working day), 12, 13, 14.
    expect(ok.data!.updateProcedureNode).toMatchObject({ state: 'APPROVED', approvedDate: '2020-10-14', workingDaysTaken: 4, dueDate: '2020-10-15', version: lx.version + 1 });
    expect(await t.server.db.getRepository(AuditRecord).count({ where: { action: 'procedure-node.update' } })).toBe(audits + 1);

    const stale = await update(lx.id, { version: lx.version, state: 'APPROVED', ownerUnit: 'x', requestedDate: '2020-10-09', approvedDate: '2020-10-14', documentNumber: 'x' });
    expect(errorCode(stale)).toBe('CONFLICT');

    // 用地预审 may now be applied for, but not before 立项 was approved; and 立项 cannot go back while it is.
    const ydys = chain.nodes.find((n) => n.code === 'YDYS')!;
    const before = await update(ydys.id, { version: ydys.version, state: 'IN_PROGRESS', ownerUnit: '苏家屯区城建投资有限公司', requestedDate: '2020-10-13' });
    expect(before.errors![0].extensions!.field).toBe('input.requestedDate');
    expect((await update(ydys.id, { version: ydys.version, state: 'IN_PROGRESS', ownerUnit: '苏家屯区城建投资有限公司', requestedDate: '2020-10-15' })).errors).toBeUndefined();
    const back = await update(lx.id, { version: lx.version + 1, state: 'IN_PROGRESS', ownerUnit: '苏家屯区城建投资有限公司', requestedDate: '2020-10-09' });
    expect(back.errors![0].extensions!.field).toBe('input.state');
    expect(back.errors![0].message).toMatch(/后续手续「用地预审与选址意见书」已申报/);
    const after = await chainOf('SJT-2020-R02');
    expect(after.chain.heldBy!.code).toBe('YDYS');
  });

  it('raises an overdue node as a problem in one step, once, even when two press at once', async () => {
    const raise = (nodeId: string, token = tokens['admin.sujiatun']) =>
      t.gql<{ raiseProcedureProblem: { id: string; title: string; ownerUnit: string; category: string; deadline: string; project: { code: string } } }>(
        'mutation($n: ID!) { raiseProcedureProblem(nodeId: $n, workingDays: 5) { id title ownerUnit category deadline project { code } } }',
        { n: nodeId },
        token,
      );
    const { chain } = await chainOf('SJT-2020-R01');
    const yd = chain.nodes.find((n) => n.code === 'YDGH')!;
    const notYet = await raise(yd.id);
    expect(errorCode(notYet)).toBe('BAD_USER_INPUT');
    expect(notYet.errors![0].extensions!.field).toBe('nodeId');

    expect(errorCode(await raise(chain.heldBy!.id, tokens['admin.dadong']))).toBe('NOT_FOUND');

    const problems = await t.server.db.getRepository(Problem).count();
    const [a, b] = await Promise.all([raise(chain.heldBy!.id), raise(chain.heldBy!.id)]);
    const wins = [a, b].filter((r) => !r.errors);
    expect(wins).toHaveLength(1);
    expect(['CONFLICT', 'BAD_USER_INPUT']).toContain(errorCode([a, b].find((r) => r.errors)!));
    expect(await t.server.db.getRepository(Problem).count()).toBe(problems + 1);
    const problem = wins[0].data!.raiseProcedureProblem;
    expect(problem).toMatchObject({ title: '前期手续「环境影响评价审批」逾期 21 个工作日', ownerUnit: '沈阳市生态环境局苏家屯分局', category: 'PERMITS', project: { code: 'SJT-2020-R01' } });
    // Five working days from Thursday 15 October: 16, 19, 20, 21, 22.
    expect(problem.deadline).toBe('2020-10-22');
    const node = await t.server.db.getRepository(ProcedureNode).findOneByOrFail({ id: Number(chain.heldBy!.id) });
    expect(String(node.problemId)).toBe(problem.id);
    const again = await raise(chain.heldBy!.id);
    expect(again.errors![0].message).toMatch(/已转为问题/);
  });

  it('a city admin keeps the template; a cycle or an unknown predecessor is refused; the limit check follows the total', async () => {
    const save = (input: Record<string, unknown>, token = tokens['admin.shenyang']) =>
      t.gql<{ saveProcedureType: { totalPromisedDays: number; withinLimit: boolean; types: { id: string; code: string; version: number }[] } }>(
        'mutation($c: ID!, $i: ProcedureTypeInput!) { saveProcedureType(cityId: $c, input: $i) { totalPromisedDays withinLimit types { id code version } } }',
        { c: ids['沈阳市'], i: input },
        token,
      );
    const type = { code: 'JGYS', name: '竣工联合验收', department: '{区县}住房和城乡建设局', legalDays: 60, promisedDays: 12, predecessors: ['SGXK'] };
    expect(errorCode(await save(type, tokens['admin.sujiatun']))).toBe('FORBIDDEN');
    const unknown = await save({ ...type, predecessors: ['NOPE'] });
    expect(unknown.errors![0].extensions!.field).toBe('input.predecessors');
    const overLegal = await save({ ...type, promisedDays: 70 });
    expect(overLegal.errors![0].extensions!.field).toBe('input.promisedDays');

    const added = await save(type);
    expect(added.errors).toBeUndefined();
    expect(added.data!.saveProcedureType).toMatchObject({ totalPromisedDays: 40, withinLimit: true });
    const jgys = added.data!.saveProcedureType.types.find((x) => x.code === 'JGYS')!;
    const longer = await save({ ...type, id: jgys.id, version: jgys.version, promisedDays: 25 });
    expect(longer.data!.saveProcedureType).toMatchObject({ totalPromisedDays: 53, withinLimit: false });

    // 立项 after 竣工验收 would close a loop.
    const tpl = longer.data!.saveProcedureType.types.find((x) => x.code === 'LX')!;
    const cycle = await save({ code: 'LX', name: '项目审批（核准、备案）', department: '{区县}发展和改革局', legalDays: 20, promisedDays: 5, predecessors: ['JGYS'], id: tpl.id, version: tpl.version });
    expect(errorCode(cycle)).toBe('BAD_USER_INPUT');
    expect(cycle.errors![0].message).toMatch(/成环/);
  });
});
