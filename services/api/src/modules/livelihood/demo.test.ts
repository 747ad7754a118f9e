import { DRIVERS, startTestServer, type TestServer } from '../../testing/harness';
import { allPublished, boardHead, cityId, Q, recomputeChain } from './testkit';

describe.each(DRIVERS)('livelihood demo data [%s]', (driver) => {
  let t: TestServer;
  let sessionId: string;
  let fuxinId: number;
  beforeAll(async () => {
    t = await startTestServer(driver, { seedModules: ['areas', 'accounts', 'livelihood'] });
    fuxinId = await cityId(t, '阜新市');
    const list = await t.gql<{ voteSessions: { id: string; name: string }[] }>('query($c: ID) { voteSessions(cityId: $c) { id name } }', { c: String(fuxinId) });
    sessionId = list.data!.voteSessions.find((s) => s.name === '阜新市十六届人大四次会议')!.id;
  }, 120_000);
  afterAll(() => t.close());

  it('holds Fuxin’s 2021 vote: 360 delegates, 15 candidates, 10 adopted including the report’s projects', async () => {
    type Seen = {
      status: string;
      fingerprint: string;
      candidates: { name: string; adopted: boolean }[];
      round: { fingerprint: string; paper: unknown; tally: { runoff: unknown } };
    };
    const res = await t.gql<{ voteSession: Seen }>(Q.session, { id: sessionId });
    const s = res.data!.voteSession;
    expect(s).toMatchObject({ status: 'DECIDED', rosterSize: 360, checkedIn: 351, quorumShortfall: 0, currentRound: 1 });
    expect(s.candidates).toHaveLength(15);
    const adopted = s.candidates.filter((c) => c.adopted).map((c) => c.name);
    expect(adopted).toHaveLength(10);
    expect(adopted).toEqual(expect.arrayContaining(['实施老旧小区改造工程222万平方米', '维修改造城乡校舍10万平方米', '改造居民小区配水管网20公里', '维修改造农村公路500公里']));
    expect(s.round.tally).toMatchObject({ ballotsCast: 341, electronicBallots: 334, paperBallots: 7, invalidBallots: 2, invalidTooManyMarks: 2, majorityVotes: 181 });
    expect(s.round.paper).toEqual({ issued: 8, returned: 7, notReturned: 1, valid: true });
    const attendance = await t.gql<{ voteSession: { round: { attendance: unknown } } }>(
      'query($id: ID!) { voteSession(id: $id) { round { attendance { rosterSize checkedIn votedElectronically votedOnPaper sheetsIssued sheetsReturned spoiled } } } }',
      { id: sessionId },
    );
    expect(attendance.data!.voteSession.round.attendance).toEqual({ rosterSize: 360, checkedIn: 351, votedElectronically: 334, votedOnPaper: 8, sheetsIssued: 8, sheetsReturned: 7, spoiled: 2 });
    expect(s.round.tally.runoff).toBeNull();
    expect(s.fingerprint).toBe(s.round.fingerprint);
  });

  it('holds a county session beside it: 苏家屯区’s own roster of 40 and 7 candidates, in preparation, run by admin.sujiatun', async () => {
    type S = { name: string; status: string; level: string; area: { name: string }; rosterSize: number; quorumShortfall: number; seats: number; candidates: unknown[]; manageable: boolean };
    const q = '{ voteSessions(level: DISTRICT) { name status level area { name } rosterSize quorumShortfall seats candidates { id } manageable } }';
    const county = await t.gql<{ voteSessions: S[] }>(q, {}, await t.login('admin.sujiatun'));
    expect(county.data!.voteSessions).toEqual([
      { name: '苏家屯区人民代表大会会议（演示）', status: 'DRAFT', level: 'DISTRICT', area: { name: '苏家屯区' }, rosterSize: 40, quorumShortfall: 27, seats: 5, candidates: expect.any(Array), manageable: true },
    ]);
    expect(county.data!.voteSessions[0].candidates).toHaveLength(7);
    const city = await t.gql<{ voteSessions: S[] }>(q, {}, await t.login('admin.shenyang'));
    expect(city.data!.voteSessions.map((s) => [s.name, s.manageable])).toEqual([['苏家屯区人民代表大会会议（演示）', false]]);
  });

  it('publishes every ballot by receipt code with a chain anyone can recompute, and verifies a receipt', async () => {
    const res = await t.gql<{ voteSession: { round: { fingerprint: string; chainHead: string } } }>(Q.session, { id: sessionId });
    const { fingerprint, chainHead } = res.data!.voteSession.round;
    const ballots = await allPublished(t, sessionId);
    expect(ballots).toHaveLength(341);
    expect(ballots.map((b) => b.receiptCode)).toEqual([...ballots.map((b) => b.receiptCode)].sort());
    expect(recomputeChain(fingerprint, await boardHead(t, sessionId), ballots)).toBe(chainHead);
    const some = ballots[123];
    const v = await t.gql<{ verifyReceipt: Record<string, unknown> }>(Q.verify, { s: sessionId, r: some.receiptCode.toLowerCase() });
    expect(v.data!.verifyReceipt).toMatchObject({ found: true, counted: true, round: 1, chainHash: some.chainHash, chainHead });
  });

  it('tracks the 10 projects through 2021 to the evaluation', async () => {
    const board = await t.gql<{ livelihoodBoard: { name: string; status: string; targetQuantity: string; unit: string; summary: { done: string; percent: number; milestonesOverdue: number }; proposals: { title: string }[] }[] }>(
      'query($c: ID!) { livelihoodBoard(cityId: $c, year: 2021) { name status targetQuantity unit summary { done percent milestonesOverdue } proposals { title } } }',
      { c: String(fuxinId) },
    );
    const rows = board.data!.livelihoodBoard;
    expect(rows).toHaveLength(10);
    expect(rows[0]).toMatchObject({ name: '实施老旧小区改造工程222万平方米', targetQuantity: '222', unit: '万平方米', status: 'COMPLETED', summary: { done: '222', percent: 100 } });
    expect(rows.filter((r) => r.status === 'COMPLETED')).toHaveLength(9);
    expect(rows.every((r) => r.proposals.length === 1)).toBe(true);
    const ev = await t.gql<{ voteSession: { evaluation: { year: number; status: string; sheets: number; results: { project: { name: string }; satisfied: number; rating: string }[] } } }>(
      'query($id: ID!) { voteSession(id: $id) { evaluation(year: 2021) { year status sheets results { project { name } satisfied rating } } } }',
      { id: sessionId },
    );
    const e = ev.data!.voteSession.evaluation;
    expect(e).toMatchObject({ year: 2021, status: 'CLOSED', sheets: 330 });
    expect(e.results.filter((r) => r.rating === 'SATISFIED')).toHaveLength(9);
    expect(e.results.filter((r) => r.rating === 'BASICALLY_SATISFIED')).toHaveLength(1);
  });

  it('answers the whole board in a fixed number of SQL statements', async () => {
    const res = await t.gql<{ livelihoodBoard: unknown[] }>(
      'query($c: ID!) { livelihoodBoard(cityId: $c, year: 2021) { name summary { done percent } milestones { name } progress { period quantityDone } candidate { name } proposals { title } } }',
      { c: String(fuxinId) },
    );
    expect(res.data!.livelihoodBoard).toHaveLength(10);
    const statements = (r: { headers: Headers }) => Number(r.headers.get('x-sql-statements') ?? NaN);
    expect(statements(res)).toBeGreaterThan(0);
    expect(statements(res)).toBeLessThanOrEqual(8);
    const list = await t.gql<{ voteSessions: unknown[] }>('query($c: ID) { voteSessions(cityId: $c) { name rosterSize checkedIn quorumShortfall candidates { name } } }', { c: String(fuxinId) });
    expect(list.data!.voteSessions).toHaveLength(1);
    expect(statements(list)).toBeGreaterThan(0);
    expect(statements(list)).toBeLessThanOrEqual(4);
  });

  it('lets the demo delegates sign in with the demo password', async () => {
    await expect(t.login('delegate.001')).resolves.toEqual(expect.any(String));
    await expect(t.login('delegate.360')).resolves.toEqual(expect.any(String));
  });
});
