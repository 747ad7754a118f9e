import sharp from 'sharp';
import { DRIVERS, errorCode, startTestServer, type GraphQLResponse, type TestServer } from '../../testing/harness';
import { AuditRecord } from '../../core/audit/audit-record.entity';
import { Area, AreaLevel } from '../../core/areas/area.entity';
import { Project } from '../projects/project.entity';
import { Problem, ProblemLevel } from './problem.entity';

const SEED = ['areas', 'accounts', 'projects', 'problems'];
const FIELDS = 'id status level cityLeader deadline raisedDate version resolvedDate closedOutDate evidence reopenCount escalationRequested escalationReason daysToResolve overdue escalationDue';
const RAISE = `mutation($i: RaiseProblemInput!) { raiseProblem(input: $i) { ${FIELDS} project { name } district { name } } }`;
const MOVE = `mutation($id: ID!, $a: ProblemAction!, $i: ProblemMoveInput!) { moveProblem(id: $id, action: $a, input: $i) { ${FIELDS} } }`;

type P = { id: string; status: string; level: string; cityLeader: string | null; deadline: string; version: number; evidence: string[]; reopenCount: number; escalationReason: string | null; daysToResolve: number | null; overdue: boolean; escalationDue: string[]; escalationRequested: boolean };

const field = (res: GraphQLResponse) => res.errors?.[0]?.extensions?.field;

describe.each(DRIVERS)('problems [%s]', (driver) => {
  let t: TestServer;
  let ids: Record<string, string>;
  let byName: Record<string, string>;
  const tok: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestServer(driver, { seedModules: SEED });
    ids = Object.fromEntries((await t.server.db.getRepository(Area).find()).map((a) => [a.name, String(a.id)]));
    byName = Object.fromEntries((await t.server.db.getRepository(Project).find()).map((p) => [p.name, String(p.id)]));
    for (const u of ['admin.sujiatun', 'admin.shenyang', 'admin.dadong', 'admin.dalian', 'analyst', 'secretary.lijun', 'delegate.001']) tok[u] = await t.login(u);
  }, 120_000);
  afterAll(() => t.close());

  const raise = (over: Record<string, unknown>, who = 'admin.sujiatun') =>
    t.gql<{ raiseProblem: P & { project: { name: string } } }>(
      RAISE,
      { i: { projectId: byName['达利食品沈阳生产基地'], category: 'POWER', title: '变电站增容', ownerUnit: '国网沈阳供电公司', workingDays: 3, raisedDate: '2020-09-28', ...over } },
      tok[who],
    );
  const move = (id: string, a: string, i: Record<string, unknown>, who = 'admin.sujiatun') => t.gql<{ moveProblem: P }>(MOVE, { id, a, i }, tok[who]);

  it('counts the deadline in working days across the National Day holiday and its make-up days', async () => {
    // Monday 28 September 2020 + 3 working days: 29th, 30th, then 1–8 October are off → Friday 9 October.
    const res = await raise({});
    expect(res.errors).toBeUndefined();
    expect(res.data!.raiseProblem).toMatchObject({ status: 'OPEN', level: 'DISTRICT', deadline: '2020-10-09', version: 1, project: { name: '达利食品沈阳生产基地' } });
    // Raised on Friday 9 October + 1: Saturday 10 October is a make-up working day.
    expect((await raise({ raisedDate: '2020-10-09', workingDays: 1 })).data!.raiseProblem.deadline).toBe('2020-10-10');
    const audits = await t.server.db.getRepository(AuditRecord).countBy({ action: 'problem.raise' });
    expect(audits).toBe(2);
  });

  it('refuses bad input by field and leaves nothing half-written', async () => {
    const before = await t.server.db.getRepository(Problem).count();
    const noLeader = await raise({ level: 'CITY' }, 'admin.shenyang');
    expect(errorCode(noLeader)).toBe('BAD_USER_INPUT');
    expect(field(noLeader)).toBe('input.cityLeader');
    expect(field(await raise({ raisedDate: '2099-01-04' }))).toBe('input.raisedDate');
    expect(field(await raise({ raisedDate: '2030-01-04' }))).toBe('input.raisedDate');
    expect(field(await raise({ ownerUnit: '  ' }))).toBe('input.ownerUnit');
    expect(errorCode(await raise({ workingDays: 0 }))).toBe('BAD_USER_INPUT');
    // Only the city lists a problem for city supervision.
    expect(errorCode(await raise({ level: 'CITY', cityLeader: '副市长' }))).toBe('FORBIDDEN');
    expect(await t.server.db.getRepository(Problem).count()).toBe(before);
  });

  it('lets a secretary raise problems on its own projects only, and keeps scope', async () => {
    const own = await raise({ projectId: byName['凯丹广场'], ownerUnit: '中山区东港街道' }, 'secretary.lijun');
    expect(own.errors).toBeUndefined();
    expect(errorCode(await raise({ projectId: byName['英特尔二期'] }, 'secretary.lijun'))).toBe('NOT_FOUND');
    expect(errorCode(await raise({}, 'admin.dadong'))).toBe('NOT_FOUND');
    expect(errorCode(await raise({}, 'analyst'))).toBe('FORBIDDEN');
    const list = (who: string, filter: Record<string, unknown> = {}) =>
      t.gql<{ problems: { totalCount: number; nodes: { district: { name: string }; project: { name: string } }[] } }>(
        'query($f: ProblemFilter) { problems(filter: $f, first: 100) { totalCount nodes { district { name } project { name } } } }',
        { f: filter },
        tok[who],
      );
    const sj = await list('admin.sujiatun');
    expect(sj.data!.problems.nodes.every((n) => n.district.name === '苏家屯区')).toBe(true);
    expect(sj.data!.problems.totalCount).toBe(11); // 9 demo + 2 raised above
    // 大东区's admin sees 大东区's problems (the demo gives every district some), none of another district.
    const dadong = await list('admin.dadong');
    expect(dadong.data!.problems.totalCount).toBe(await t.server.db.getRepository(Problem).countBy({ areaId: Number(ids['大东区']) }));
    expect(dadong.data!.problems.totalCount).toBeGreaterThan(0);
    expect(dadong.data!.problems.nodes.every((n) => n.district.name === '大东区')).toBe(true);
    expect(errorCode(await list('admin.dadong', { areaId: ids['苏家屯区'] }))).toBe('FORBIDDEN');
    const lijun = await list('secretary.lijun');
    expect(new Set(lijun.data!.problems.nodes.map((n) => n.project.name))).toEqual(new Set(['凯丹广场', '保利天禧']));
    expect((await list('delegate.001')).data!.problems.totalCount).toBe(0);
    expect(errorCode(await list('admin.shenyang', { areaId: ids['大连市'] }))).toBe('FORBIDDEN');
    const one = await t.gql('query($id: ID!) { problem(id: $id) { title } }', { id: own.data!.raiseProblem.id }, tok['admin.sujiatun']);
    expect(errorCode(one)).toBe('NOT_FOUND');
  });

  it('moves a problem through its state machine, refusing illegal moves on `action`', async () => {
    const p = (await raise({ raisedDate: '2020-09-01', workingDays: 10 })).data!.raiseProblem;
    const closeEarly = await move(p.id, 'CLOSE_OUT', { version: 1, evidence: ['照片'] });
    expect(errorCode(closeEarly)).toBe('BAD_USER_INPUT');
    expect(field(closeEarly)).toBe('action');
    const started = await move(p.id, 'START', { version: 1, date: '2020-09-02' });
    expect(started.data!.moveProblem).toMatchObject({ status: 'IN_PROGRESS', version: 2 });
    expect(field(await move(p.id, 'START', { version: 2 }))).toBe('action');
    expect(errorCode(await move(p.id, 'RESOLVE', { version: 1 }))).toBe('CONFLICT');
    const resolved = await move(p.id, 'RESOLVE', { version: 2, date: '2020-09-10' });
    expect(resolved.data!.moveProblem).toMatchObject({ status: 'RESOLVED', daysToResolve: 9 });
    const noEvidence = await move(p.id, 'CLOSE_OUT', { version: 3, evidence: ['  '] });
    expect(field(noEvidence)).toBe('input.evidence');
    // A secretary or another district cannot close out.
    expect(errorCode(await move(p.id, 'CLOSE_OUT', { version: 3, evidence: ['x'] }, 'admin.dadong'))).toBe('NOT_FOUND');
    const closed = await move(p.id, 'CLOSE_OUT', { version: 3, date: '2020-09-15', evidence: ['送电验收单'] });
    expect(closed.data!.moveProblem).toMatchObject({ status: 'CLOSED_OUT', evidence: ['送电验收单'] });
    expect(field(await move(p.id, 'REOPEN', { version: 4 }))).toBe('input.reason');
    const reopened = await move(p.id, 'REOPEN', { version: 4, date: '2020-10-01', reason: '二次送电失败', deadline: '2020-10-30' });
    expect(reopened.errors).toBeUndefined();
    expect(reopened.data!.moveProblem).toMatchObject({ status: 'OPEN', reopenCount: 1, evidence: [], deadline: '2020-10-30', daysToResolve: null });
    expect(field(await move(p.id, 'RESOLVE', { version: 5, date: '2099-01-01' }))).toBe('input.date');
    const row = await t.server.db.getRepository(Problem).findOneByOrFail({ id: Number(p.id) });
    expect(row.version).toBe(5);
  });

  it('closes out with pictures as evidence, attached only when the move succeeds and served to the problem’s readers', async () => {
    const upload = async (name: string, body: Buffer, who = 'admin.sujiatun') => {
      const form = new FormData();
      form.append('file', new Blob([body]), name);
      const res = await fetch(`${t.url}/api/files?purpose=photo`, { method: 'POST', headers: { authorization: `Bearer ${tok[who]}` }, body: form });
      expect(res.status).toBe(201);
      return ((await res.json()) as { id: string }).id;
    };
    const picture = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 40, g: 120, b: 200 } } }).jpeg().toBuffer();
    const p = (await raise({ raisedDate: '2020-09-01', workingDays: 10, title: '附件销号' })).data!.raiseProblem;
    await move(p.id, 'RESOLVE', { version: 1, date: '2020-09-10' });
    const file = await upload('验收照片.jpg', picture);
    // Not with another move; and a refused close-out (before the resolution) attaches nothing.
    expect(field(await move(p.id, 'REOPEN', { version: 2, reason: 'x', evidenceFileIds: [file] }))).toBe('input.evidenceFileIds');
    expect(field(await move(p.id, 'CLOSE_OUT', { version: 2, date: '2020-09-05', evidenceFileIds: [file] }))).toBe('input.date');
    const closed = await t.gql<{ moveProblem: { status: string; evidence: string[]; evidenceFiles: Array<{ id: string; name: string; url: string }> } }>(
      'mutation($id: ID!, $i: ProblemMoveInput!) { moveProblem(id: $id, action: CLOSE_OUT, input: $i) { status evidence evidenceFiles { id name url } } }',
      { id: p.id, i: { version: 2, date: '2020-09-15', evidenceFileIds: [file] } },
      tok['admin.sujiatun'],
    );
    expect(closed.errors).toBeUndefined();
    expect(closed.data!.moveProblem).toMatchObject({ status: 'CLOSED_OUT', evidence: ['附件：验收照片.jpg'], evidenceFiles: [{ id: file, name: '验收照片.jpg' }] });
    const url = closed.data!.moveProblem.evidenceFiles[0].url;
    expect((await fetch(`${t.url}${url}`, { headers: { authorization: `Bearer ${tok['admin.shenyang']}` } })).status).toBe(200);
    expect((await fetch(`${t.url}${url}`, { headers: { authorization: `Bearer ${tok['admin.dadong']}` } })).status).toBe(404);
  });

  it('escalates on request or when the deadline passes: once, even when asked twice at the same time', async () => {
    const fresh = (await raise({ raisedDate: '2020-09-01', workingDays: 5, title: '逾期测试' })).data!.raiseProblem;
    expect(fresh.overdue).toBe(true);
    expect(fresh.escalationDue).toEqual(['DEADLINE_PASSED']);
    // A district asks; only the city escalates.
    expect(errorCode(await move(fresh.id, 'ESCALATE', { version: 1, cityLeader: '副市长' }))).toBe('FORBIDDEN');
    const asked = await move(fresh.id, 'REQUEST_ESCALATION', { version: 1, reason: '需市级协调电力指标' });
    expect(asked.data!.moveProblem).toMatchObject({ escalationRequested: true, escalationDue: ['DEADLINE_PASSED', 'DISTRICT_REQUESTED'] });
    const due = await t.gql<{ problems: { totalCount: number } }>(
      'query($f: ProblemFilter) { problems(filter: $f) { totalCount } }',
      { f: { areaId: ids['苏家屯区'], escalationDue: true } },
      tok['admin.shenyang'],
    );
    const dueCount = due.data!.problems.totalCount;
    expect(dueCount).toBeGreaterThanOrEqual(4);
    const districtTries = await t.gql('mutation { escalateOverdueProblems(cityLeader: "副市长") { id } }', {}, tok['admin.sujiatun']);
    expect(districtTries.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })]);
    const run = () =>
      t.gql<{ escalateOverdueProblems: { id: string; level: string; cityLeader: string; escalationReason: string }[] }>(
        'mutation($a: ID) { escalateOverdueProblems(areaId: $a, cityLeader: "王副市长") { id level cityLeader escalationReason } }',
        { a: ids['苏家屯区'] },
        tok['admin.shenyang'],
      );
    const [a, b] = await Promise.all([run(), run()]);
    expect(a.errors ?? b.errors).toBeUndefined();
    const moved = [...a.data!.escalateOverdueProblems, ...b.data!.escalateOverdueProblems];
    expect(moved).toHaveLength(dueCount);
    expect(new Set(moved.map((m) => m.id)).size).toBe(dueCount);
    expect(moved.every((m) => m.level === 'CITY' && m.cityLeader === '王副市长')).toBe(true);
    expect(moved.find((m) => m.id === fresh.id)!.escalationReason).toBe('DEADLINE_PASSED');
    expect((await run()).data!.escalateOverdueProblems).toEqual([]);
    const audits = await t.server.db.getRepository(AuditRecord).countBy({ action: 'problem.escalate' });
    expect(audits).toBe(dueCount);
    // Now city-level: the district can no longer close it out or escalate it.
    expect(field(await move(fresh.id, 'ESCALATE', { version: 3, cityLeader: '副市长' }, 'admin.shenyang'))).toBe('action');
  });

  it('keeps monthly follow-up notes', async () => {
    const p = (await raise({ raisedDate: '2020-08-03', workingDays: 20 })).data!.raiseProblem;
    const add = (period: string, note: string, who = 'admin.sujiatun') =>
      t.gql('mutation($id: ID!, $p: Period!, $n: String!) { addProblemNote(problemId: $id, period: $p, note: $n) { period note author } }', { id: p.id, p: period, n: note }, tok[who]);
    expect((await add('2020-08', '已对接供电公司')).errors).toBeUndefined();
    expect((await add('2020-09', '设备已到场')).errors).toBeUndefined();
    expect(field(await add('2020-07', '早于提出'))).toBe('period');
    expect(field(await add('2020-09', ' '))).toBe('note');
    expect(errorCode(await add('2020-09', '越权', 'admin.dadong'))).toBe('NOT_FOUND');
    const read = await t.gql<{ problem: { notes: { period: string; note: string }[] } }>('query($id: ID!) { problem(id: $id) { notes { period note } } }', { id: p.id }, tok['admin.shenyang']);
    expect(read.data!.problem.notes).toEqual([
      { period: '2020-08', note: '已对接供电公司' },
      { period: '2020-09', note: '设备已到场' },
    ]);
  });
});

describe.each(DRIVERS)('problem figures [%s]', (driver) => {
  let t: TestServer;
  let ids: Record<string, string>;
  beforeAll(async () => {
    t = await startTestServer(driver, { seedModules: SEED });
    ids = Object.fromEntries((await t.server.db.getRepository(Area).find()).map((a) => [a.name, String(a.id)]));
  }, 120_000);
  afterAll(() => t.close());

  const FIG = 'key label district { name } total open overdue resolved resolvedOnTime onTimeRate closedOut listedForSupervision averageDaysToResolve';
  it('computes open, overdue, on-time and average days by district, category and level', async () => {
    const token = await t.login('admin.sujiatun');
    const all = await t.gql<{ problemFigures: Record<string, unknown>[] }>(`{ problemFigures(asOf: "2020-09-30") { ${FIG} } }`, {}, token);
    expect(all.errors).toBeUndefined();
    expect(all.data!.problemFigures).toEqual([
      { key: 'ALL', label: '苏家屯区', district: null, total: 9, open: 4, overdue: 3, resolved: 5, resolvedOnTime: 2, onTimeRate: 40, closedOut: 3, listedForSupervision: 0, averageDaysToResolve: 34.2 },
    ]);
    const byCategory = await t.gql<{ problemFigures: { key: string; label: string; total: number; open: number }[] }>(`{ problemFigures(groupBy: CATEGORY, asOf: "2020-09-30") { key label total open } }`, {}, token);
    expect(byCategory.data!.problemFigures).toEqual([
      { key: 'DEMOLITION', label: '征收动迁', total: 1, open: 0 },
      { key: 'FINANCING', label: '融资', total: 1, open: 1 },
      { key: 'LAND', label: '土地', total: 2, open: 1 },
      // A category with no problem is listed with zeros: missing is not zero, and zero is shown.
      { key: 'OTHER', label: '其他', total: 0, open: 0 },
      { key: 'PERMITS', label: '审批手续', total: 1, open: 0 },
      { key: 'PLANNING', label: '规划', total: 1, open: 1 },
      { key: 'POWER', label: '电力', total: 1, open: 0 },
      { key: 'UTILITIES', label: '市政配套', total: 2, open: 1 },
    ]);
    const city = await t.login('admin.dalian');
    const levels = await t.gql<{ problemFigures: { key: string; total: number; listedForSupervision: number }[] }>(`{ problemFigures(groupBy: LEVEL, asOf: "2020-09-30") { key total listedForSupervision } }`, {}, city);
    expect(levels.data!.problemFigures).toEqual([
      { key: 'CITY', total: 2, listedForSupervision: 2 },
      // The two of report 001, and two in each district the demo gave no problem (every district has some).
      { key: 'DISTRICT', total: await t.server.db.getRepository(Problem).countBy({ cityId: Number(ids['大连市']), level: ProblemLevel.DISTRICT }), listedForSupervision: 0 },
    ]);
    const analyst = await t.login('analyst');
    const byDistrict = await t.gql<{ problemFigures: { district: { name: string }; total: number }[] }>(
      'query($a: ID) { problemFigures(areaId: $a, groupBy: DISTRICT, asOf: "2020-09-30") { district { name } total } }',
      { a: ids['辽宁省'] },
      analyst,
    );
    const map = Object.fromEntries(byDistrict.data!.problemFigures.map((r) => [r.district.name, r.total]));
    const stored = await t.server.db.getRepository(Problem).createQueryBuilder('p').select('p.areaId', 'areaId').addSelect('COUNT(*)', 'n').groupBy('p.areaId').getRawMany<{ areaId: number; n: string | number }>();
    const names = Object.fromEntries(Object.entries(ids).map(([name, id]) => [id, name]));
    // Every district of the province has its row: those without a problem read 0.
    const districts = await t.server.db.getRepository(Area).countBy({ level: AreaLevel.DISTRICT });
    expect(byDistrict.data!.problemFigures).toHaveLength(districts);
    const counted = Object.fromEntries(stored.map((r) => [names[String(r.areaId)], Number(r.n)]));
    expect(Object.fromEntries(Object.entries(map).filter(([, n]) => n > 0))).toEqual(counted);
    expect(Object.values(map).filter((n) => n === 0).length).toBe(districts - Object.keys(counted).length);
    expect(map['苏家屯区']).toBe(9);
    // Before anything was raised: one row of zeros, not none.
    expect((await t.gql<{ problemFigures: unknown[] }>(`{ problemFigures(asOf: "2020-01-01") { total open } }`, {}, token)).data!.problemFigures).toEqual([{ total: 0, open: 0 }]);
    const other = await t.login('admin.dadong');
    expect(errorCode(await t.gql('query($a: ID) { problemFigures(areaId: $a) { total } }', { a: ids['苏家屯区'] }, other))).toBe('FORBIDDEN');
  });
});
