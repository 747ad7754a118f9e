import { DRIVERS, startTestServer, type TestServer } from '../../testing/harness';
import { cityId, Q } from './testkit';

type Step = { stage: string; on: string | null; title: string; detail: string | null };
const TRACK = 'query($c: String!) { livelihoodProposalByCode(trackingCode: $c) { title journey { stage on title detail } } }';

describe.each(DRIVERS)('one tracking code from proposal to evaluation [%s]', (driver) => {
  let t: TestServer;
  const journey = async (code: string): Promise<Step[]> => {
    const res = await t.gql<{ livelihoodProposalByCode: { journey: Step[] } | null }>(TRACK, { c: code });
    expect(res.errors).toBeUndefined();
    return res.data!.livelihoodProposalByCode!.journey;
  };
  beforeAll(async () => {
    t = await startTestServer(driver, { seedModules: ['areas', 'accounts', 'livelihood'] });
  }, 120_000);
  afterAll(() => t.close());

  it('follows an adopted proposal through the vote, delivery, supervision, close-out and the evaluation, for anyone', async () => {
    const steps = await journey('ms2021demo10');
    expect(steps.map((s) => s.stage)).toEqual(['SUBMITTED', 'SCREENED', 'CANDIDATE', 'VOTED', 'DELIVERY', 'INSPECTED', 'ANSWERED', 'ANSWERED', 'COMPLETED', 'EVALUATED']);
    expect(steps[3]).toMatchObject({ title: '代表票决：通过', detail: '第 1 轮，得票 318 / 360（过半数须 181 票）' });
    expect(steps[4]).toMatchObject({ title: '列入2021年民生实事，由市住房和城乡建设局牵头实施', detail: '已完成 222 / 222 万平方米' });
    expect(steps[5]).toMatchObject({ on: '2021-06-18', title: '人大代表监督检查（第一监督小组）', detail: '部分小区外墙保温施工进度滞后，雨季前难以完成；居民反映夜间施工扰民；督办建议 2 条，已答复 2 条' });
    expect(steps[6]).toMatchObject({ on: '2021-06-30', title: '市住房和城乡建设局答复督办建议' });
    expect(steps[9]).toMatchObject({
      title: '2021年度满意度测评：满意',
      detail: '代表测评：满意 240，基本满意 78，不满意 12（86.91 分，占 40%）；群众测评：满意 960，基本满意 200，不满意 40（90.00 分，占 60%）；综合得分 88.76',
    });
  });

  it('shows a losing candidate going to the reserve, and the next year’s list drawing it under the same code', async () => {
    const before = await journey('MS2021DEMO20');
    expect(before.map((s) => s.stage)).toEqual(['SUBMITTED', 'SCREENED', 'CANDIDATE', 'VOTED', 'RESERVED']);
    expect(before[3]).toMatchObject({ title: '代表票决：未通过', detail: '第 1 轮，得票 138 / 360（过半数须 181 票）' });
    expect(before[4].detail).toBe('得票 138 票，未超过全体代表的半数（须 181 票），未获通过');

    const admin = await t.login('admin.fuxin');
    const fuxin = await cityId(t, '阜新市');
    const items = await t.gql<{ livelihoodReserve: { id: string; name: string; proposalIds: string[] }[] }>('query($a: ID!) { livelihoodReserve(areaId: $a) { id name proposalIds } }', { a: String(fuxin) });
    const lanes = items.data!.livelihoodReserve.find((i) => i.name === '改造城区背街小巷40条')!;
    const created = await t.gql<{ createVoteSession: { id: string } }>(Q.create, { c: String(fuxin), i: { name: '阜新市十六届人大五次会议', meetingDate: '2022-01-10', seats: 1 } }, admin);
    const set = await t.gql(Q.candidates, { s: created.data!.createVoteSession.id, c: [{ name: lanes.name, description: 'x', reserveItemId: lanes.id, proposalIds: lanes.proposalIds }, { name: '新建城市口袋公园20个', description: 'y' }] }, admin);
    expect(set.errors).toBeUndefined();
    const after = await journey('MS2021DEMO20');
    expect(after.map((s) => s.stage)).toEqual(['SUBMITTED', 'SCREENED', 'CANDIDATE', 'VOTED', 'RESERVED', 'CANDIDATE']);
    expect(after[5]).toMatchObject({ on: '2022-01-10', title: '列入“阜新市十六届人大五次会议”候选项目（第 1 项）' });
  });

  it('follows a merged proposal along the one it went into; a proposal not yet screened has one step', async () => {
    const merged = await journey('MS2021DEMO43');
    expect(merged.slice(0, 4).map((s) => s.stage)).toEqual(['SUBMITTED', 'SCREENED', 'MERGED', 'CANDIDATE']);
    expect(merged[3].detail).toBe('改造居民小区配水管网20公里');
    expect(merged.map((s) => s.stage)).toContain('DELIVERY');
    expect((await journey('MS2022DEMO01')).map((s) => s.stage)).toEqual(['SUBMITTED']);
    const rejected = await journey('MS2021DEMO41');
    expect(rejected.map((s) => s.stage)).toEqual(['SUBMITTED', 'SCREENED']);
    expect(rejected[1]).toMatchObject({ title: '筛选：不予采纳', detail: '形成政府债务风险；需新增政府债务，不列入' });
  });
});
