import { DRIVERS, errorCode, startTestServer, type TestServer } from '../../testing/harness';
import { cityId, closeRound, loginAll, makeDelegates, openRound, preparedSession, Q } from './testkit';

type Result = { project: { name: string }; satisfied: number; delegateRating: string; delegateScore: string | null; publicScore: string | null; score: string | null; rating: string; publicSurvey: { satisfied: number; basicallySatisfied: number; unsatisfied: number; source: string } | null };
const EVALUATION = `query($id: ID!) { voteSession(id: $id) { evaluation(year: 2021) { status
  ratingRule { delegateWeight publicWeight satisfiedFrom basicFrom source }
  publicSurveys { projectId satisfied basicallySatisfied unsatisfied source }
  results { project { name } satisfied delegateRating delegateScore publicScore score rating publicSurvey { satisfied basicallySatisfied unsatisfied source } } } } }`;
const RULE = `query($a: ID!, $s: ID) { livelihoodRatingRule(areaId: $a, sessionId: $s) { delegateWeight publicWeight satisfiedFrom basicFrom source area { name } } }`;
const SET_RULE = `mutation($i: RatingRuleInput!) { setLivelihoodRatingRule(input: $i) { delegateWeight publicWeight satisfiedFrom basicFrom source } }`;
const SURVEY = `mutation($s: ID!, $i: PublicSurveyInput!) { recordLivelihoodPublicSurvey(sessionId: $s, year: 2021, input: $i) { projectId satisfied basicallySatisfied unsatisfied source } }`;

describe.each(DRIVERS)('the year-end satisfaction with the public’s part (镇海) [%s]', (driver) => {
  let t: TestServer;
  let fuxin: string;
  let admin: string;
  let delegates: string[];
  let tok: Record<string, string>;
  beforeAll(async () => {
    t = await startTestServer(driver, { seedModules: ['areas', 'accounts', 'livelihood'] });
    fuxin = String(await cityId(t, '阜新市'));
    admin = await t.login('admin.fuxin');
    delegates = await makeDelegates(t, 'rt', 5);
    tok = await loginAll(t, [...delegates, 'delegate.001', 'admin.shenyang']);
  }, 120_000);
  afterAll(() => t?.close());

  it('publishes both parts of the demo’s 2021 result: delegates 40, households 60', async () => {
    const sessions = await t.gql<{ voteSessions: { id: string; name: string }[] }>('query($c: ID) { voteSessions(cityId: $c) { id name } }', { c: fuxin });
    const id = sessions.data!.voteSessions.find((s) => s.name === '阜新市十六届人大四次会议')!.id;
    const res = await t.gql<{ voteSession: { evaluation: { ratingRule: unknown; results: Result[]; publicSurveys: unknown[] } } }>(EVALUATION, { id });
    expect(res.errors).toBeUndefined();
    const e = res.data!.voteSession.evaluation;
    expect(e.ratingRule).toEqual({ delegateWeight: 40, publicWeight: 60, satisfiedFrom: 80, basicFrom: 60, source: 'SESSION' });
    expect(e.publicSurveys).toHaveLength(10);
    // 240 satisfied, 78 basically, 12 not of 330 sheets: 86.91; 960, 200, 40 of 1,200 households: 90.00.
    expect(e.results[0]).toEqual({
      project: { name: '实施老旧小区改造工程222万平方米' },
      satisfied: 240,
      delegateRating: 'SATISFIED',
      delegateScore: '86.91',
      publicScore: '90.00',
      score: '88.76',
      rating: 'SATISFIED',
      publicSurvey: { satisfied: 960, basicallySatisfied: 200, unsatisfied: 40, source: '阜新市统计局城乡住户入户调查（演示）' },
    });
    expect(e.results.find((r) => r.project.name === '新增城区公共停车泊位3000个')).toMatchObject({ delegateRating: 'BASICALLY_SATISFIED', score: '72.80', rating: 'BASICALLY_SATISFIED' });
    expect((await t.gql(RULE, { a: fuxin, s: id })).data).toEqual({ livelihoodRatingRule: { delegateWeight: 40, publicWeight: 60, satisfiedFrom: 80, basicFrom: 60, source: 'SESSION', area: null } });
  });

  it('counts a session by the weights configured for it, and will not close without the survey', async () => {
    const { id, candidateIds } = await preparedSession(t, admin, tok, { seats: 1, names: ['改造居民小区配水管网20公里', '维修改造农村公路500公里'], roster: delegates });
    await openRound(t, id, admin);
    for (const u of delegates) await t.gql(Q.cast, { s: id, c: [candidateIds[0]] }, tok[u]);
    await closeRound(t, id, admin);
    const pid = (await t.gql<{ voteSession: { projects: { id: string }[] } }>('query($id: ID!) { voteSession(id: $id) { projects { id } } }', { id })).data!.voteSession.projects[0].id;

    expect((await t.gql(RULE, { a: fuxin, s: id })).data).toEqual({ livelihoodRatingRule: { delegateWeight: 100, publicWeight: 0, satisfiedFrom: 85, basicFrom: 60, source: 'DEFAULT', area: null } });
    const zhenhai = { areaId: fuxin, sessionId: id, delegateWeight: 40, publicWeight: 60 };
    const bad = await t.gql(SET_RULE, { i: { ...zhenhai, publicWeight: 50 } }, admin);
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.publicWeight' });
    expect(errorCode(await t.gql(SET_RULE, { i: zhenhai }, tok['delegate.001']))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(SET_RULE, { i: zhenhai }, tok['admin.shenyang']))).toBe('NOT_FOUND');
    const set = await t.gql(SET_RULE, { i: zhenhai }, admin);
    expect(set.data).toEqual({ setLivelihoodRatingRule: { delegateWeight: 40, publicWeight: 60, satisfiedFrom: 85, basicFrom: 60, source: 'SESSION' } });

    await t.gql('mutation($s: ID!) { openEvaluation(sessionId: $s, year: 2021) { id } }', { s: id }, admin);
    const ratings = ['SATISFIED', 'SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED', 'UNSATISFIED'];
    for (const [i, r] of ratings.entries()) {
      const sent = await t.gql('mutation($s: ID!, $r: [RatingInput!]!) { submitEvaluation(sessionId: $s, year: 2021, ratings: $r) { receiptCode } }', { s: id, r: [{ projectId: pid, rating: r }] }, tok[delegates[i]]);
      expect(sent.errors).toBeUndefined();
    }
    const close = () => t.gql('mutation($s: ID!) { closeEvaluation(sessionId: $s, year: 2021) { status } }', { s: id }, admin);
    const refused = await close();
    expect(refused.errors![0].extensions).toMatchObject({ code: 'CONFLICT', projectIds: [pid] });
    expect(refused.errors![0].message).toContain('群众满意度调查尚未录入');

    const survey = { source: '阜新市统计局入户调查', entries: [{ projectId: pid, satisfied: 700, basicallySatisfied: 200, unsatisfied: 100 }] };
    expect((await t.gql(SURVEY, { s: id, i: { ...survey, entries: [{ ...survey.entries[0], projectId: '999999' }] } }, admin)).errors![0].extensions).toMatchObject({ field: 'input.entries[0].projectId' });
    expect((await t.gql(SURVEY, { s: id, i: { ...survey, entries: [{ projectId: pid, satisfied: 0, basicallySatisfied: 0, unsatisfied: 0 }] } }, admin)).errors![0].extensions).toMatchObject({ field: 'input.entries[0].satisfied' });
    expect(errorCode(await t.gql(SURVEY, { s: id, i: survey }, tok['delegate.001']))).toBe('FORBIDDEN');
    // While open the survey is the admins' to see; the published result waits for the close.
    expect((await t.gql<{ voteSession: { evaluation: { publicSurveys: unknown[] } } }>(EVALUATION, { id })).data!.voteSession.evaluation.publicSurveys).toEqual([]);
    expect((await t.gql(SURVEY, { s: id, i: survey }, admin)).errors).toBeUndefined();

    expect((await close()).errors).toBeUndefined();
    // Delegates: 3 satisfied of 5 is a majority, 72.00 points; households 82.00; 0.4 × 72 + 0.6 × 82 = 78.00 < 85.
    const counted = await t.gql<{ voteSession: { evaluation: { ratingRule: { publicWeight: number }; results: Result[] } } }>(EVALUATION, { id });
    expect(counted.data!.voteSession.evaluation.results).toEqual([
      expect.objectContaining({ satisfied: 3, delegateRating: 'SATISFIED', delegateScore: '72.00', publicScore: '82.00', score: '78.00', rating: 'BASICALLY_SATISFIED' }),
    ]);
    expect(errorCode(await t.gql(SURVEY, { s: id, i: survey }, admin))).toBe('CONFLICT');
    // A later change of the weights leaves the published result as counted.
    await t.gql(SET_RULE, { i: { ...zhenhai, delegateWeight: 100, publicWeight: 0 } }, admin);
    expect((await t.gql<{ voteSession: { evaluation: { ratingRule: { publicWeight: number } } } }>(EVALUATION, { id })).data!.voteSession.evaluation.ratingRule.publicWeight).toBe(60);
  });

  it('lets a city’s weights hold for its sessions without their own', async () => {
    const set = await t.gql(SET_RULE, { i: { areaId: fuxin, delegateWeight: 50, publicWeight: 50, satisfiedFrom: 90, basicFrom: 70 } }, admin);
    expect(set.errors).toBeUndefined();
    const haizhou = String(await cityId(t, '海州区'));
    expect((await t.gql(RULE, { a: haizhou, s: null })).data).toEqual({ livelihoodRatingRule: { delegateWeight: 50, publicWeight: 50, satisfiedFrom: 90, basicFrom: 70, source: 'AREA', area: { name: '阜新市' } } });
  });
});
