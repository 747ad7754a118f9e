import { DRIVERS, errorCode, startTestServer, type GraphQLResponse, type TestServer } from '../../testing/harness';
import { photo, upload } from '../../testing/photos';
import { cityId } from './testkit';

type Advice = { id: string; content: string; department: string; dueDate: string; state: string; answer: string | null; answeredOn: string | null; answeredBy: string | null };
type Photo = { file: { id: string }; takenBeforeInspection: boolean; outsideArea: boolean; reusedFromInspection: string | null; flags: string[] };

const BOARD = `query($c: ID!) { livelihoodBoard(cityId: $c, year: 2021) { id name leadDepartment
  supervision { groups inspections advices pending overdue answered }
  supervisionGroups { id name members { name delegation leader } inspections { inspectedOn place findings advices { content state dueDate answeredOn answeredBy } } } } }`;
const FORM = `mutation($p: ID!, $i: SupervisionGroupInput!) { formLivelihoodSupervisionGroup(projectId: $p, input: $i) { id name members { name leader } } }`;
const INSPECT = `mutation($g: ID!, $i: InspectionInput!) { recordLivelihoodInspection(groupId: $g, input: $i) { id inspectedOn findings
  photos { file { id } takenBeforeInspection outsideArea reusedFromInspection flags }
  advices { id content department dueDate state answer answeredOn answeredBy } } }`;
const ANSWER = `mutation($id: ID!, $i: AdviceAnswerInput!) { answerLivelihoodSupervisionAdvice(id: $id, input: $i) { id state answer answeredOn answeredBy } }`;
const ADVICES = `query($a: ID!, $o: Boolean!) { livelihoodSupervisionAdvices(areaId: $a, year: 2021, overdueOnly: $o) { id content department dueDate state project { name } inspection { group { name } } } }`;

const field = (res: GraphQLResponse): unknown => res.errors?.[0]?.extensions?.field;

describe.each(DRIVERS)('supervision of livelihood projects by delegates (人大监督) [%s]', (driver) => {
  let t: TestServer;
  let fuxin: string;
  let admin: string;
  let delegate: string;
  let other: string;
  let projectId: string;
  let groupId: string;
  beforeAll(async () => {
    t = await startTestServer(driver, { seedModules: ['areas', 'accounts', 'livelihood'] });
    fuxin = String(await cityId(t, '阜新市'));
    admin = await t.login('admin.fuxin');
    delegate = await t.login('delegate.001');
    other = await t.login('delegate.002');
  }, 120_000);
  afterAll(() => t?.close());

  it('shows the demo’s groups, inspections and answers on the public board, and flags the advice past its due day', async () => {
    const board = await t.gql<{ livelihoodBoard: Array<{ name: string; supervision: Record<string, number>; supervisionGroups: Array<{ name: string; members: { name: string; leader: boolean }[]; inspections: Array<{ place: string; advices: Advice[] }> }> }> }>(BOARD, { c: fuxin });
    expect(board.errors).toBeUndefined();
    const [renovation] = board.data!.livelihoodBoard;
    expect(renovation.supervision).toEqual({ groups: 1, inspections: 1, advices: 2, pending: 0, overdue: 0, answered: 2 });
    expect(renovation.supervisionGroups[0]).toMatchObject({ name: '第一监督小组', members: expect.arrayContaining([expect.objectContaining({ name: '代表001', leader: true })]) });
    expect(renovation.supervisionGroups[0].inspections[0].advices.map((a) => a.state)).toEqual(['ANSWERED', 'ANSWERED']);
    const parking = board.data!.livelihoodBoard.find((p) => p.name === '新增城区公共停车泊位3000个')!;
    expect(parking.supervision).toMatchObject({ advices: 1, overdue: 1 });

    const overdue = await t.gql<{ livelihoodSupervisionAdvices: Array<Advice & { project: { name: string }; inspection: { group: { name: string } } }> }>(ADVICES, { a: fuxin, o: true });
    expect(overdue.data!.livelihoodSupervisionAdvices).toEqual([
      expect.objectContaining({ content: '落实剩余泊位选址，制定四季度完成计划并报送。', department: '市公安局交通警察支队', dueDate: '2021-10-12', state: 'OVERDUE', project: { name: '新增城区公共停车泊位3000个' }, inspection: { group: { name: '第三监督小组' } } }),
    ]);
    const all = await t.gql<{ livelihoodSupervisionAdvices: Advice[] }>(ADVICES, { a: fuxin, o: false });
    expect(all.data!.livelihoodSupervisionAdvices.map((a) => a.state).sort()).toEqual(['ANSWERED', 'ANSWERED', 'ANSWERED_LATE', 'OVERDUE']);
  });

  it('forms a group from the session’s roster; refuses strangers to the roster, a leader outside the group and a second group of the name', async () => {
    const board = await t.gql<{ livelihoodBoard: { id: string; name: string }[] }>(BOARD, { c: fuxin });
    projectId = board.data!.livelihoodBoard.find((p) => p.name === '为城乡适龄妇女免费开展“两癌”筛查2万人')!.id;
    const sessions = await t.gql<{ voteSessions: { id: string; name: string }[] }>('query($c: ID) { voteSessions(cityId: $c) { id name } }', { c: fuxin });
    const sessionId = sessions.data!.voteSessions.find((s) => s.name === '阜新市十六届人大四次会议')!.id;
    const roster = await t.gql<{ voteSession: { roster: { id: string; name: string }[] } }>('query($id: ID!) { voteSession(id: $id) { roster { id name } } }', { id: sessionId }, admin);
    const entry = (name: string) => roster.data!.voteSession.roster.find((r) => r.name === name)!.id;
    const input = { name: '第四监督小组', memberIds: [entry('代表001'), entry('代表003')], leaderId: entry('代表001') };

    const stranger = await t.gql(FORM, { p: projectId, i: { ...input, memberIds: ['999999'], leaderId: null } }, admin);
    expect(stranger.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.memberIds[0]' });
    expect(field(await t.gql(FORM, { p: projectId, i: { ...input, leaderId: entry('代表002') } }, admin))).toBe('input.leaderId');
    expect(errorCode(await t.gql(FORM, { p: projectId, i: input }, delegate))).toBe('FORBIDDEN');

    const formed = await t.gql<{ formLivelihoodSupervisionGroup: { id: string; members: { name: string; leader: boolean }[] } }>(FORM, { p: projectId, i: input }, admin);
    expect(formed.errors).toBeUndefined();
    expect(formed.data!.formLivelihoodSupervisionGroup.members).toEqual([{ name: '代表001', leader: true }, { name: '代表003', leader: false }]);
    groupId = formed.data!.formLivelihoodSupervisionGroup.id;
    expect(field(await t.gql(FORM, { p: projectId, i: input }, admin))).toBe('input.name');
  });

  it('records a member’s inspection with photos checked as key projects’ are, and advices due in working days', async () => {
    const fuxinSite: [number, number] = [42.02, 121.67];
    const early = await upload(t, delegate, await photo({ taken: '2021:05:01 10:00:00', gps: fuxinSite, color: 5 }), 'early.jpg');
    const away = await upload(t, delegate, await photo({ taken: '2021:06:10 10:00:00', gps: [41.8, 123.4], color: 13 }), 'away.jpg');
    const input = { inspectedOn: '2021-06-10', place: '细河区妇幼保健院筛查点', findings: '筛查预约渠道单一，农村妇女知晓率不高。', photoIds: [early, away], advices: [{ content: '增加村级预约点，利用村广播宣传。', workingDays: 5 }] };

    expect(errorCode(await t.gql(INSPECT, { g: groupId, i: input }, other))).toBe('FORBIDDEN');
    expect(field(await t.gql(INSPECT, { g: groupId, i: { ...input, inspectedOn: '2099-01-01', photoIds: [] } }, delegate))).toBe('input.inspectedOn');
    const badDays = await t.gql(INSPECT, { g: groupId, i: { ...input, photoIds: [], advices: [{ content: '增加预约点', workingDays: 0 }] } }, delegate);
    expect(badDays.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.advices[0].workingDays' });

    const first = await t.gql<{ recordLivelihoodInspection: { photos: Photo[]; advices: Advice[] } }>(INSPECT, { g: groupId, i: input }, delegate);
    expect(first.errors).toBeUndefined();
    const photos = first.data!.recordLivelihoodInspection.photos;
    const of = (id: string) => photos.find((p) => p.file.id === id)!;
    expect([of(early), of(away)].map((p) => [p.takenBeforeInspection, p.outsideArea])).toEqual([[true, false], [false, true]]);
    expect(of(early).flags).toEqual(['拍摄时间（2021-05-01）早于检查日期 2021-06-10']);
    expect(of(away).flags).toEqual(['拍摄位置不在本行政区内']);
    // Dragon Boat Festival (12–14 June 2021) is not counted: 11, 15, 16, 17, 18 June.
    expect(first.data!.recordLivelihoodInspection.advices).toEqual([
      expect.objectContaining({ content: '增加村级预约点，利用村广播宣传。', department: '市卫生健康委员会', dueDate: '2021-06-18', state: 'OVERDUE', answer: null }),
    ]);

    const again = await upload(t, delegate, await photo({ taken: '2021:07:12 10:00:00', gps: fuxinSite, color: 5, quality: 60 }), 'again.jpg');
    const second = await t.gql<{ recordLivelihoodInspection: { photos: Photo[] } }>(INSPECT, { g: groupId, i: { ...input, inspectedOn: '2021-07-12', photoIds: [again], advices: [] } }, delegate);
    expect(second.data!.recordLivelihoodInspection.photos[0]).toMatchObject({ reusedFromInspection: '2021-06-10', flags: ['与 2021-06-10 检查的照片相同'] });

    const file = await fetch(`${t.url}/api/files/${early}`);
    expect(file.status).not.toBe(200);
    expect((await fetch(`${t.url}/api/files/${early}`, { headers: { authorization: `Bearer ${admin}` } })).status).toBe(200);
  });

  it('takes the department’s answer once, from the admins and responsible units of the area', async () => {
    const board = await t.gql<{ livelihoodBoard: { id: string; supervisionGroups: { id: string; inspections: { advices: (Advice & { id: string })[] }[] }[] }[] }>(
      'query($c: ID!) { livelihoodBoard(cityId: $c, year: 2021) { id supervisionGroups { id inspections { advices { id content } } } } }',
      { c: fuxin },
    );
    const advice = board.data!.livelihoodBoard.find((p) => p.id === projectId)!.supervisionGroups.find((g) => g.id === groupId)!.inspections[0].advices[0];
    const answer = { answer: '已在 120 个行政村设立预约点，并通过村广播每周宣传两次。', answeredBy: '市卫生健康委员会 妇幼健康科' };
    expect(errorCode(await t.gql(ANSWER, { id: advice.id, i: answer }, delegate))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(ANSWER, { id: advice.id, i: answer }, await t.login('secretary.lijun')))).toBe('NOT_FOUND');
    expect(field(await t.gql(ANSWER, { id: advice.id, i: { ...answer, answer: ' ' } }, admin))).toBe('input.answer');

    const answered = await t.gql<{ answerLivelihoodSupervisionAdvice: Advice }>(ANSWER, { id: advice.id, i: answer }, admin);
    expect(answered.errors).toBeUndefined();
    // Answered today, long after 18 June 2021: late.
    expect(answered.data!.answerLivelihoodSupervisionAdvice).toMatchObject({ state: 'ANSWERED_LATE', answer: answer.answer, answeredBy: answer.answeredBy });
    expect(errorCode(await t.gql(ANSWER, { id: advice.id, i: answer }, admin))).toBe('CONFLICT');
  });

  it('takes one of several answers sent at once', async () => {
    const inspected = await t.gql<{ recordLivelihoodInspection: { advices: { id: string }[] } }>(
      INSPECT,
      { g: groupId, i: { inspectedOn: '2021-08-02', place: '新邱区筛查点', findings: '复查：预约点已增加。', advices: [{ content: '公布筛查结果通知方式。' }] } },
      admin,
    );
    const id = inspected.data!.recordLivelihoodInspection.advices[0].id;
    const tries = await Promise.all(Array.from({ length: 6 }, (_, i) => t.gql(ANSWER, { id, i: { answer: `答复 ${i}：短信通知本人。`, answeredBy: '市卫生健康委员会' } }, admin)));
    expect(tries.filter((r) => !r.errors).length).toBe(1);
    expect(tries.filter((r) => r.errors).map(errorCode)).toEqual(Array(5).fill('CONFLICT'));
    const audit = await t.server.db.query(`SELECT COUNT(*) AS n FROM audit_records WHERE action = 'livelihood.supervision.answer' AND entity_id = ?`, [String(id)]);
    expect(Number(audit[0].n)).toBe(1);
  });
  it('splits a project into sub-items with their own progress, each rated once by its delegation (湖州)', async () => {
    const SUB = 'subItems { id name delegation targetQuantity doneQuantity percent unit rating ratedOn }';
    const board = await t.gql<{ livelihoodBoard: { id: string; name: string; subItems: { name: string; delegation: string; percent: number; rating: string | null }[] }[] }>(`query($c: ID!) { livelihoodBoard(cityId: $c, year: 2021) { id name ${SUB} } }`, { c: fuxin });
    const demo = board.data!.livelihoodBoard[0].subItems;
    expect(demo.map((i) => [i.name, i.percent, i.rating])).toEqual([
      ['海州区老旧小区改造60万平方米', 100, 'SATISFIED'],
      ['细河区老旧小区改造50万平方米', 100, 'BASICALLY_SATISFIED'],
      ['太平区老旧小区改造40万平方米', 100, null],
      ['新邱区老旧小区改造22万平方米', 100, null],
      ['清河门区老旧小区改造20万平方米', 100, null],
      ['阜新蒙古族自治县老旧小区改造15万平方米', 100, null],
      ['彰武县老旧小区改造15万平方米', 100, null],
    ]);

    const ADD = `mutation($p: ID!, $i: SubItemInput!) { addLivelihoodSubItem(projectId: $p, input: $i) { id position delegation targetQuantity doneQuantity percent } }`;
    const item = { name: '新邱区两癌筛查3000人', delegation: '新邱区代表团', targetQuantity: '0.3', unit: '万人' };
    const bad = await t.gql(ADD, { p: projectId, i: { ...item, delegation: '不存在的代表团', targetQuantity: '0' } }, admin);
    expect(bad.errors![0].extensions!.problems).toEqual([
      expect.objectContaining({ field: 'input.delegation' }),
      expect.objectContaining({ field: 'input.targetQuantity' }),
    ]);
    expect(errorCode(await t.gql(ADD, { p: projectId, i: item }, delegate))).toBe('FORBIDDEN');
    const added = await t.gql<{ addLivelihoodSubItem: { id: string; position: number; percent: number } }>(ADD, { p: projectId, i: item }, admin);
    expect(added.data!.addLivelihoodSubItem).toMatchObject({ position: 1, delegation: '新邱区代表团', targetQuantity: '0.3', doneQuantity: '0', percent: 0 });
    const id = added.data!.addLivelihoodSubItem.id;
    const other = await t.gql<{ addLivelihoodSubItem: { id: string } }>(ADD, { p: projectId, i: { ...item, name: '海州区两癌筛查5000人', delegation: '海州区代表团' } }, admin);

    const reported = await t.gql<{ reportLivelihoodSubItem: { doneQuantity: string; percent: number; progressNote: string } }>(
      'mutation($id: ID!) { reportLivelihoodSubItem(id: $id, doneQuantity: "0.15", note: "已筛查1500人") { doneQuantity percent progressNote } }',
      { id },
      admin,
    );
    expect(reported.data!.reportLivelihoodSubItem).toEqual({ doneQuantity: '0.15', percent: 50, progressNote: '已筛查1500人' });

    const RATE = 'mutation($id: ID!) { rateLivelihoodSubItem(id: $id, rating: SATISFIED, note: "筛查点设到村里") { rating ratedOn ratingNote } }';
    // delegate.001 is of 新邱区代表团: the 海州区 item is not its delegation's to rate.
    expect(errorCode(await t.gql(RATE, { id: other.data!.addLivelihoodSubItem.id }, delegate))).toBe('FORBIDDEN');
    const rated = await t.gql<{ rateLivelihoodSubItem: { rating: string; ratingNote: string } }>(RATE, { id }, delegate);
    expect(rated.data!.rateLivelihoodSubItem).toMatchObject({ rating: 'SATISFIED', ratingNote: '筛查点设到村里' });
    expect(errorCode(await t.gql(RATE, { id }, delegate))).toBe('CONFLICT');
  });
});
