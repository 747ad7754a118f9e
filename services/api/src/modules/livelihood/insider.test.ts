import { DRIVERS, errorCode, startTestServer, type GraphQLResponse, type TestServer } from '../../testing/harness';
import { Ballot, BallotSource } from './ballot.entity';
import { addToDigest, ballotHash, newReceiptCode } from './secrecy';
import { VoteRound, VoteSession } from './session.entity';
import { loginAll, makeDelegates, preparedSession, Q, rosterIds } from './testkit';

const ISSUE = 'mutation($s: ID!, $u: ID!) { issuePaperBallot(sessionId: $s, userId: $u) }';
const ENTER = 'mutation($s: ID!, $x: [[ID!]!]!) { enterPaperBallots(sessionId: $s, sheets: $x) }';
const ATTENDANCE = `query($id: ID!) { voteSession(id: $id) { round { attendance { rosterSize checkedIn votedElectronically votedOnPaper sheetsIssued sheetsReturned spoiled } } } }`;

const message = (res: GraphQLResponse) => String(res.errors?.[0]?.message ?? '');

/**
 * Attendance binds the vote: each test is an attack by one dishonest insider (a delegate who never
 * came, a scrutineer, someone who can write to the database) and what refuses it.
 */
describe.each(DRIVERS)('livelihood attendance against a dishonest insider [%s]', (driver) => {
  let t: TestServer;
  let admin: string;
  let delegates: string[];
  let tok: Record<string, string>;
  const names = ['甲项目', '乙项目', '丙项目'];

  beforeAll(async () => {
    t = await startTestServer(driver);
    admin = await t.login('admin.fuxin');
    delegates = await makeDelegates(t, 'da', 10);
    tok = await loginAll(t, delegates);
  }, 120_000);
  afterAll(() => t.close());

  /** Roster of 10 (delegate 1 the scrutineer), 8 checked in: 代表9 and 代表10 never came. */
  async function openSession() {
    const s = await preparedSession(t, admin, tok, { seats: 1, names, roster: delegates, checkIn: delegates.slice(0, 8) });
    expect((await t.gql(Q.open, { s: s.id }, admin)).errors).toBeUndefined();
    return { ...s, ids: await rosterIds(t, s.id, admin) };
  }

  it('refuses an app ballot from a delegate of the roster who never checked in', async () => {
    const { id, candidateIds } = await openSession();
    const res = await t.gql(Q.cast, { s: id, c: [candidateIds[0]] }, tok[delegates[8]]);
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect(message(res)).toContain('您尚未报到');
    // Checked in, the same delegate votes.
    await t.gql(Q.checkIn, { s: id }, tok[delegates[8]]);
    expect((await t.gql(Q.cast, { s: id, c: [candidateIds[0]] }, tok[delegates[8]])).errors).toBeUndefined();
  });

  it('refuses a paper sheet for a delegate who never checked in', async () => {
    const { id, ids } = await openSession();
    const res = await t.gql(ISSUE, { s: id, u: ids.get('代表9') }, tok[delegates[0]]);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions).toMatchObject({ field: 'userId' });
    expect(message(res)).toContain('尚未报到');
    // The absent delegate, arriving later, is not told that they voted.
    await t.gql(Q.checkIn, { s: id }, tok[delegates[8]]);
    expect((await t.gql(Q.cast, { s: id, c: [] }, tok[delegates[8]])).errors).toBeUndefined();
  });

  it('refuses paper sheets and app ballots after the closing time', async () => {
    const { id, candidateIds, ids } = await openSession();
    await t.server.db.getRepository(VoteSession).update({ id: Number(id) }, { closesAt: new Date(Date.now() - 60_000) });
    const sheet = await t.gql(ISSUE, { s: id, u: ids.get('代表2') }, tok[delegates[0]]);
    expect(errorCode(sheet)).toBe('CONFLICT');
    expect(message(sheet)).toContain('投票时间已过');
    const app = await t.gql(Q.cast, { s: id, c: [candidateIds[0]] }, tok[delegates[2]]);
    expect(errorCode(app)).toBe('CONFLICT');
    expect(message(app)).toContain('投票时间已过');
  });

  it('tells a delegate holding a paper sheet why the app refuses, and nobody else anything', async () => {
    const { id, candidateIds, ids } = await openSession();
    expect((await t.gql(ISSUE, { s: id, u: ids.get('代表2') }, tok[delegates[0]])).errors).toBeUndefined();
    const res = await t.gql(Q.cast, { s: id, c: [candidateIds[0]] }, tok[delegates[1]]);
    expect(errorCode(res)).toBe('CONFLICT');
    expect(message(res)).toContain('已为您发放纸质选票');
    // A delegate who voted in the app hears that; the refusal names nobody else.
    await t.gql(Q.cast, { s: id, c: [candidateIds[1]] }, tok[delegates[2]]);
    const again = await t.gql(Q.cast, { s: id, c: [candidateIds[1]] }, tok[delegates[2]]);
    expect(message(again)).toContain('您已在本轮投票');
    expect(message(again)).not.toMatch(/代表\d|da\./);
  });

  it('does not count a round holding more ballots than delegates who voted (ballots written into the database)', async () => {
    const { id, candidateIds } = await openSession();
    for (const u of delegates.slice(0, 7)) expect((await t.gql(Q.cast, { s: id, c: [candidateIds[1]] }, tok[u])).errors).toBeUndefined();
    // Someone with write access adds two ballots for 甲项目 and fixes up the digest.
    const repo = t.server.db.getRepository(VoteRound);
    const round = await repo.findOneByOrFail({ sessionId: Number(id), number: 1 });
    let digest = round.digest;
    for (let i = 0; i < 2; i++) {
      const receiptCode = newReceiptCode();
      const hash = ballotHash(round.fingerprint, receiptCode, candidateIds[0], BallotSource.ELECTRONIC);
      await t.server.db.getRepository(Ballot).insert({ receiptCode, roundId: round.id, choices: candidateIds[0], source: BallotSource.ELECTRONIC, ballotHash: hash, prevHash: null, chainHash: null });
      digest = addToDigest(digest, hash);
    }
    await repo.update({ id: round.id }, { digest });
    const closed = await t.gql(Q.close, { s: id }, admin);
    expect(errorCode(closed)).toBe('CONFLICT');
    expect(message(closed)).toContain('电子选票 9 张，与电子投票 7 人不符');
    expect((await repo.findOneByOrFail({ id: round.id })).status).toBe('OPEN');
  });

  it('does not count a round whose voters exceed the delegates checked in (a check-in undone in the database)', async () => {
    const { id, candidateIds } = await openSession();
    for (const u of delegates.slice(0, 8)) await t.gql(Q.cast, { s: id, c: [candidateIds[0]] }, tok[u]);
    await t.server.db.query(`UPDATE livelihood_roster SET checked_in_at = NULL WHERE session_id = ${Number(id)} AND name IN ('代表1', '代表2')`);
    const closed = await t.gql(Q.close, { s: id }, admin);
    expect(errorCode(closed)).toBe('CONFLICT');
    expect(message(closed)).toContain('多于报到代表 6 人');
  });

  it('shows a vote buyer holding a receipt code nothing but "recorded" while the round is open', async () => {
    const { id, candidateIds } = await openSession();
    const cast = await t.gql<{ castBallot: { receiptCode: string } }>(Q.cast, { s: id, c: [candidateIds[2]] }, tok[delegates[1]]);
    const code = cast.data!.castBallot.receiptCode;
    const open = await t.gql<{ verifyReceipt: Record<string, unknown> }>(Q.verify, { s: id, r: code });
    expect(open.data!.verifyReceipt).toMatchObject({ found: true, counted: false, choices: [], ballotHash: null, chainHash: null, valid: null });
    expect(open.data!.verifyReceipt.message).toContain('选票已记录');
    for (const u of delegates.slice(2, 8)) await t.gql(Q.cast, { s: id, c: [candidateIds[0]] }, tok[u]);
    await t.gql(Q.close, { s: id }, admin);
    const counted = await t.gql<{ verifyReceipt: { counted: boolean; choices: { id: string }[] } }>(Q.verify, { s: id, r: code });
    expect(counted.data!.verifyReceipt).toMatchObject({ counted: true, choices: [{ id: candidateIds[2] }] });
  });

  it('publishes roster, checked in, voted in the app and on paper, sheets issued, returned and spoiled', async () => {
    const { id, candidateIds, ids } = await openSession();
    for (const u of delegates.slice(3, 8)) await t.gql(Q.cast, { s: id, c: [candidateIds[0]] }, tok[u]);
    for (const n of ['代表1', '代表2', '代表3']) expect((await t.gql(ISSUE, { s: id, u: ids.get(n) }, tok[delegates[0]])).errors).toBeUndefined();
    expect((await t.gql(ENTER, { s: id, x: [[candidateIds[1]], [candidateIds[0], candidateIds[1]]] }, tok[delegates[0]])).errors).toBeUndefined();
    expect((await t.gql(Q.close, { s: id }, admin)).errors).toBeUndefined();
    const res = await t.gql<{ voteSession: { round: { attendance: unknown } } }>(ATTENDANCE, { id });
    expect(res.data!.voteSession.round.attendance).toEqual({ rosterSize: 10, checkedIn: 8, votedElectronically: 5, votedOnPaper: 3, sheetsIssued: 3, sheetsReturned: 2, spoiled: 1 });
  });
});
