import ExcelJS from 'exceljs';
import { setTodayForTesting } from '../../core/clock';
import { DRIVERS, errorCode, startTestServer, type TestServer } from '../../testing/harness';
import { Area } from '../../core/areas/area.entity';
import { Project } from '../projects/project.entity';
import { DispatchListItem, DispatchMeeting } from './meeting.entity';

const SEED = ['areas', 'accounts', 'projects', 'problems', 'rankings', 'dispatch'];

type Entry = { project: { name: string }; reasons: string[]; labels: string[] };

describe.each(DRIVERS)('dispatch meetings [%s]', (driver) => {
  let t: TestServer;
  let ids: Record<string, string>;
  let byName: Record<string, string>;
  const tok: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestServer(driver, { seedModules: SEED });
    ids = Object.fromEntries((await t.server.db.getRepository(Area).find()).map((a) => [a.name, String(a.id)]));
    byName = Object.fromEntries((await t.server.db.getRepository(Project).find()).map((p) => [p.name, String(p.id)]));
    for (const u of ['admin.sujiatun', 'admin.shenyang', 'admin.dadong', 'admin.fuxin', 'analyst', 'secretary.lijun']) tok[u] = await t.login(u);
  }, 120_000);
  afterAll(() => t.close());

  const list = async (who = 'admin.shenyang', area = ids['苏家屯区']) => {
    const res = await t.gql<{ dispatchList: Entry[] }>('query($a: ID) { dispatchList(areaId: $a) { project { name } reasons labels } }', { a: area }, tok[who]);
    expect(res.errors).toBeUndefined();
    return new Map(res.data!.dispatchList.map((e) => [e.project.name, e]));
  };

  it('generates Sujiatun’s report list by the must-dispatch rule, with each project’s reasons', async () => {
    setTodayForTesting('2020-10-15');
    const l = await list();
    expect(l.get('恒大文化旅游城')).toMatchObject({ reasons: ['KEY_PUSH', 'CONTINUING_WITH_PROBLEMS'], labels: ['重点推进项目', '存在问题的续建项目'] });
    expect(l.get('航空生物联仪产业园')!.reasons).toEqual(['NEW']);
    expect(l.get('姚千街道医共体医院改扩建项目（98号）')!.reasons).toEqual(['CONTINUING_WITH_PROBLEMS', 'MAJOR_GOVERNMENT_INVESTMENT']);
    expect(l.has('桃李面包沈阳生产基地扩建')).toBe(false); // continuing, its problem closed out
    // Reserve projects are listed only when a pre-construction procedure is past its promised limit:
    // 社区卫生服务中心改造's 环评, due 10 September, is; 农贸市场提升's 立项, applied for on 9 October, is not yet.
    expect(l.get('苏家屯区社区卫生服务中心改造')).toMatchObject({ reasons: ['OVERDUE_PROCEDURES'], labels: ['前期手续逾期项目'] });
    expect(l.has('苏家屯区农贸市场提升')).toBe(false);
    // A new problem puts a continuing project on the list; resolving it takes it off.
    const raised = await t.gql<{ raiseProblem: { id: string } }>(
      'mutation($i: RaiseProblemInput!) { raiseProblem(input: $i) { id } }',
      { i: { projectId: byName['桃李面包沈阳生产基地扩建'], category: 'POWER', title: '三期用电报装', ownerUnit: '供电公司', workingDays: 10, raisedDate: '2020-10-09' } },
      tok['admin.sujiatun'],
    );
    expect((await list()).get('桃李面包沈阳生产基地扩建')!.reasons).toEqual(['CONTINUING_WITH_PROBLEMS']);
    await t.gql('mutation($id: ID!) { moveProblem(id: $id, action: RESOLVE, input: { version: 1, date: "2020-10-12" }) { status } }', { id: raised.data!.raiseProblem.id }, tok['admin.sujiatun']);
    expect((await list()).has('桃李面包沈阳生产基地扩建')).toBe(false);
    expect(errorCode(await t.gql('query($a: ID) { dispatchList(areaId: $a) { reasons } }', { a: ids['苏家屯区'] }, tok['admin.dadong']))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql('{ dispatchList { reasons } }', {}, tok['secretary.lijun']))).toBe('FORBIDDEN');
    setTodayForTesting(undefined);
  });

  it('shows the September 2020 meeting to its district and city, not to another district', async () => {
    const q = 'query($a: ID) { dispatchMeetings(areaId: $a, first: 1) { totalCount nodes { id title period heldOn attendees { name unit role } list { project { name } reasons } decisions { title ownerUnit deadline } } } }';
    const sj = await t.gql<{ dispatchMeetings: { totalCount: number; nodes: { id: string; title: string; attendees: unknown[]; list: Entry[]; decisions: { title: string; deadline: string }[] }[] } }>(q, {}, tok['admin.sujiatun']);
    expect(sj.errors).toBeUndefined();
    expect(sj.data!.dispatchMeetings.totalCount).toBe(1);
    const m = sj.data!.dispatchMeetings.nodes[0];
    expect(m.title).toBe('苏家屯区2020年9月重点项目调度会');
    expect(m.attendees).toHaveLength(6);
    expect(m.list.length).toBeGreaterThan(30);
    expect(m.list.every((e) => e.reasons.length > 0)).toBe(true);
    expect(m.decisions.map((d) => d.title)).toEqual(['二期厂房配套道路接入', '新增产线用电负荷报装']);
    expect(m.decisions[1].deadline).toBe('2020-10-19'); // 28 September + 10 working days over National Day
    expect((await t.gql<{ dispatchMeetings: { totalCount: number } }>(q, {}, tok['admin.shenyang'])).data!.dispatchMeetings.totalCount).toBe(1);
    expect((await t.gql<{ dispatchMeetings: { totalCount: number } }>(q, {}, tok['admin.dadong'])).data!.dispatchMeetings.totalCount).toBe(0);
    expect(errorCode(await t.gql('query($id: ID!) { dispatchMeeting(id: $id) { title } }', { id: m.id }, tok['admin.dadong']))).toBe('NOT_FOUND');
  });

  it('creates a meeting with its generated list, records it, and turns decisions into problems', async () => {
    const CREATE = 'mutation($i: CreateMeetingInput!) { createDispatchMeeting(input: $i) { id title version list { project { name } reasons } } }';
    expect(errorCode(await t.gql(CREATE, { i: { areaId: ids['苏家屯区'], period: '2020-10' } }, tok['admin.dadong']))).toBe('FORBIDDEN');
    const created = await t.gql<{ createDispatchMeeting: { id: string; title: string; version: number; list: Entry[] } }>(CREATE, { i: { areaId: ids['苏家屯区'], period: '2020-10', heldOn: '2020-10-26' } }, tok['admin.sujiatun']);
    expect(created.errors).toBeUndefined();
    const meeting = created.data!.createDispatchMeeting;
    expect(meeting.title).toBe('苏家屯区2020年10月重点项目调度会');
    const preview = await list('admin.sujiatun');
    expect(meeting.list.map((e) => e.project.name)).toEqual([...preview.keys()]);
    expect(errorCode(await t.gql(CREATE, { i: { areaId: ids['苏家屯区'], period: '2020-10' } }, tok['admin.sujiatun']))).toBe('CONFLICT');
    expect(await t.server.db.getRepository(DispatchMeeting).countBy({ period: '2020-10', areaId: Number(ids['苏家屯区']) })).toBe(1);

    const RECORD = 'mutation($id: ID!, $i: RecordMeetingInput!) { recordDispatchMeeting(id: $id, input: $i) { version minutes attendees { name unit role } } }';
    const recorded = await t.gql<{ recordDispatchMeeting: { version: number; attendees: unknown[] } }>(
      RECORD,
      { id: meeting.id, i: { version: 1, minutes: '听取汇报，议定事项如下。', attendees: [{ name: '区长', unit: '苏家屯区人民政府', role: '主持' }] } },
      tok['admin.sujiatun'],
    );
    expect(recorded.data!.recordDispatchMeeting).toMatchObject({ version: 2, attendees: [{ name: '区长', unit: '苏家屯区人民政府', role: '主持' }] });
    expect(errorCode(await t.gql(RECORD, { id: meeting.id, i: { version: 1, minutes: '旧版本' } }, tok['admin.sujiatun']))).toBe('CONFLICT');
    const badName = await t.gql(RECORD, { id: meeting.id, i: { version: 2, attendees: [{ name: ' ', unit: 'x' }] } }, tok['admin.sujiatun']);
    expect(badName.errors?.[0]?.extensions?.field).toBe('input.attendees[0].name');

    const DECIDE = 'mutation($m: ID!, $i: DecisionInput!) { addDispatchDecision(meetingId: $m, input: $i) { title ownerUnit raisedDate deadline status } }';
    const decision = { projectId: byName['恒大文化旅游城'], category: 'DEMOLITION', title: '三期地块动迁', ownerUnit: '苏家屯区征收办', workingDays: 20 };
    const made = await t.gql<{ addDispatchDecision: { raisedDate: string; deadline: string; status: string } }>(DECIDE, { m: meeting.id, i: decision }, tok['admin.sujiatun']);
    expect(made.errors).toBeUndefined();
    expect(made.data!.addDispatchDecision).toMatchObject({ raisedDate: '2020-10-26', deadline: '2020-11-23', status: 'OPEN' });
    const off = await t.gql(DECIDE, { m: meeting.id, i: { ...decision, projectId: byName['桃李面包沈阳生产基地扩建'] } }, tok['admin.sujiatun']);
    expect(off.errors?.[0]?.extensions?.field).toBe('input.projectId');
    const read = await t.gql<{ dispatchMeeting: { decisions: { title: string }[] } }>('query($id: ID!) { dispatchMeeting(id: $id) { decisions { title } } }', { id: meeting.id }, tok['admin.shenyang']);
    expect(read.data!.dispatchMeeting.decisions.map((d) => d.title)).toEqual(['三期地块动迁']);
  });

  it('suggests the best-ranked county to host Fuxin’s on-site meeting', async () => {
    const s = await t.gql<{ suggestedMeetingHost: { host: { name: string }; rank: number; basedOn: string; published: boolean } }>(
      'query($c: ID!) { suggestedMeetingHost(cityId: $c, period: "2020-10") { host { name } rank basedOn published } }',
      { c: ids['阜新市'] },
      tok['admin.fuxin'],
    );
    expect(s.data!.suggestedMeetingHost).toEqual({ host: { name: '彰武县' }, rank: 1, basedOn: '2020-09', published: true });
    const created = await t.gql<{ createDispatchMeeting: { host: { name: string }; title: string } }>(
      'mutation($i: CreateMeetingInput!) { createDispatchMeeting(input: $i) { host { name } title } }',
      { i: { areaId: ids['阜新市'], period: '2020-12', kind: 'ON_SITE' } },
      tok['admin.fuxin'],
    );
    expect(created.data!.createDispatchMeeting).toEqual({ host: { name: '彰武县' }, title: '阜新市2020年12月项目现场推进会' });
    const district = await t.gql('mutation($i: CreateMeetingInput!) { createDispatchMeeting(input: $i) { id } }', { i: { areaId: ids['苏家屯区'], period: '2020-12', kind: 'ON_SITE' } }, tok['admin.sujiatun']);
    expect(district.errors?.[0]?.extensions?.field).toBe('input.areaId');
  });

  it('prints the meeting pack: one page per listed project, and the same as a workbook', async () => {
    const meeting = await t.server.db.getRepository(DispatchMeeting).findOneByOrFail({ period: '2020-09', areaId: Number(ids['苏家屯区']) });
    const listed = await t.server.db.getRepository(DispatchListItem).countBy({ meetingId: meeting.id });
    const get = (path: string, who?: string) => fetch(`${t.url}/api/dispatch/meetings/${meeting.id}/${path}`, { headers: who ? { authorization: `Bearer ${tok[who]}` } : {} });
    const html = await get('pack.html', 'admin.sujiatun');
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    const body = await html.text();
    expect(body.match(/<section class="page">/g)).toHaveLength(listed + 1);
    expect(body).toContain('恒大文化旅游城');
    expect(body).toContain('东至规划丰乐路');
    expect(body).toContain('<svg class="site"');
    expect(body).toContain('列入原因：重点推进项目、存在问题的续建项目');
    expect((await get('pack.html', 'admin.dadong')).status).toBe(404);
    expect((await get('pack.html')).status).toBe(401);
    const xlsx = await get('pack.xlsx', 'admin.shenyang');
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    const ws = wb.worksheets[0];
    expect(ws.rowCount).toBe(listed * 12 + 1);
    expect(ws.getRow(1).getCell(1).value).toBe('项目编码');
  });
});
