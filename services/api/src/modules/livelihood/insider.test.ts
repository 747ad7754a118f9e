import { DRIVERS, errorCode, startTestServer, type GraphQLResponse, type TestServer } from '../../testing/harness';
import { BallotSource, SealedBallot } from './ballot.entity';
import { addToDigest } from './secrecy';
import { sealedBallotRow } from './voting.service';
import { VoteRound, VoteSession } from './session.entity';
import { confirmPaperBatches, loginAll, makeDelegates, preparedSession, Q, rosterIds, openRound, closeRound } from './testkit';
import { AuditRecord } from '../../core/audit/audit-record.entity';

const ISSUE = 'mutation($s: ID!, $u: ID!) { issuePaperBallot(sessionId: $s, userId: $u) }';
const ENTER = 'mutation($s: ID!, $x: [[ID!]!]!) { enterPaperBallots(sessionId: $s, sheets: $x) }';
const ENTER_CODED = 'mutation($s: ID!, $x: [[ID!]!]!, $c: [String!]) { enterPaperBallots(sessionId: $s, sheets: $x, receiptCodes: $c) }';
const CONFIRM = 'mutation($s: ID!, $b: ID!) { confirmPaperBatch(sessionId: $s, batchId: $b) }';
const PRINT = 'mutation($s: ID!, $n: Int!) { printPaperSheets(sessionId: $s, count: $n) }';
const BATCHES = 'query($id: ID!) { voteSession(id: $id) { round { paperBatches { id sheets issuedBy confirmedBy mine delegates } } } }';
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
    expect((await openRound(t, s.id, admin)).errors).toBeUndefined();
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
    // Someone with write access adds two ballots for 甲项目, sealed under the round's public key, and fixes up the digest.
    const repo = t.server.db.getRepository(VoteRound);
    const round = await repo.findOneByOrFail({ sessionId: Number(id), number: 1 });
    let digest = round.digest;
    for (let i = 0; i < 2; i++) {
      const row = sealedBallotRow(round, candidateIds[0], BallotSource.ELECTRONIC);
      await t.server.db.getRepository(SealedBallot).insert(row);
      digest = addToDigest(digest, row.tracker);
    }
    await repo.update({ id: round.id }, { digest });
    const closed = await closeRound(t, id, admin);
    expect(errorCode(closed)).toBe('CONFLICT');
    expect(message(closed)).toContain('电子选票 9 张，与电子投票 7 人不符');
    expect((await repo.findOneByOrFail({ id: round.id })).status).toBe('OPEN');
  });

  it('does not count a round whose voters exceed the delegates checked in (a check-in undone in the database)', async () => {
    const { id, candidateIds } = await openSession();
    for (const u of delegates.slice(0, 8)) await t.gql(Q.cast, { s: id, c: [candidateIds[0]] }, tok[u]);
    await t.server.db.query(`UPDATE livelihood_roster SET checked_in_at = NULL WHERE session_id = ${Number(id)} AND name IN ('代表1', '代表2')`);
    const closed = await closeRound(t, id, admin);
    expect(errorCode(closed)).toBe('CONFLICT');
    expect(message(closed)).toContain('多于报到代表 6 人');
  });

  it('shows a vote buyer holding a receipt code and tracker nothing but "recorded" while the round is open', async () => {
    const { id, candidateIds } = await openSession();
    const cast = await t.gql<{ castBallot: { receiptCode: string; tracker: string } }>(Q.cast, { s: id, c: [candidateIds[2]] }, tok[delegates[1]]);
    const code = cast.data!.castBallot.receiptCode;
    const open = await t.gql<{ verifyReceipt: Record<string, unknown> }>(Q.verify, { s: id, r: cast.data!.castBallot.tracker });
    expect(open.data!.verifyReceipt).toMatchObject({ found: true, counted: false, choices: [], ballotHash: null, chainHash: null, valid: null });
    expect(open.data!.verifyReceipt.message).toContain('选票已记录');
    // The receipt code itself is sealed with the ballot: the server cannot find it before the count.
    const sealed = await t.gql<{ verifyReceipt: Record<string, unknown> }>(Q.verify, { s: id, r: code });
    expect(sealed.data!.verifyReceipt).toMatchObject({ found: false, counted: false, choices: [] });
    for (const u of delegates.slice(2, 8)) await t.gql(Q.cast, { s: id, c: [candidateIds[0]] }, tok[u]);
    await closeRound(t, id, admin);
    const counted = await t.gql<{ verifyReceipt: { counted: boolean; choices: { id: string }[] } }>(Q.verify, { s: id, r: code });
    expect(counted.data!.verifyReceipt).toMatchObject({ counted: true, choices: [{ id: candidateIds[2] }] });
  });

  it('publishes roster, checked in, voted in the app and on paper, sheets issued, returned and spoiled', async () => {
    const { id, candidateIds, ids } = await openSession();
    for (const u of delegates.slice(3, 8)) await t.gql(Q.cast, { s: id, c: [candidateIds[0]] }, tok[u]);
    for (const n of ['代表1', '代表2', '代表3']) expect((await t.gql(ISSUE, { s: id, u: ids.get(n) }, tok[delegates[0]])).errors).toBeUndefined();
    expect(await confirmPaperBatches(t, id, admin)).toBe(1);
    expect((await t.gql(ENTER, { s: id, x: [[candidateIds[1]], [candidateIds[0], candidateIds[1]]] }, tok[delegates[0]])).errors).toBeUndefined();
    expect((await closeRound(t, id, admin)).errors).toBeUndefined();
    const res = await t.gql<{ voteSession: { round: { attendance: unknown } } }>(ATTENDANCE, { id });
    expect(res.data!.voteSession.round.attendance).toEqual({ rosterSize: 10, checkedIn: 8, votedElectronically: 5, votedOnPaper: 3, sheetsIssued: 3, sheetsReturned: 2, spoiled: 1 });
  });

  it('counts paper sheets only in batches a second person confirmed, against the check-in list', async () => {
    const { id, candidateIds, ids } = await openSession();
    for (const n of ['代表2', '代表3']) expect((await t.gql(ISSUE, { s: id, u: ids.get(n) }, tok[delegates[0]])).errors).toBeUndefined();
    type B = { voteSession: { round: { paperBatches: { id: string; sheets: number; issuedBy: string; confirmedBy: string | null; mine: boolean; delegates: string[] }[] } } };
    const batches = (await t.gql<B>(BATCHES, { id }, admin)).data!.voteSession.round.paperBatches;
    expect(batches).toEqual([{ id: expect.any(String), sheets: 2, issuedBy: '代表1', confirmedBy: null, mine: false, delegates: ['代表2', '代表3'] }]);
    // Ordinary delegates do not see the batches.
    expect((await t.gql<B>(BATCHES, { id }, tok[delegates[4]])).data!.voteSession.round.paperBatches).toBeNull();
    // Unconfirmed sheets cannot be entered, and the round cannot be counted.
    const early = await t.gql(ENTER, { s: id, x: [[candidateIds[0]]] }, tok[delegates[0]]);
    expect(errorCode(early)).toBe('BAD_USER_INPUT');
    expect(message(early)).toContain('尚未经第二人确认');
    const closing = await closeRound(t, id, admin);
    expect(errorCode(closing)).toBe('CONFLICT');
    expect(message(closing)).toContain('1 批纸质选票（2 张）尚未经第二人确认');
    // The issuer cannot confirm their own batch; the admin can.
    const own = await t.gql(CONFIRM, { s: id, b: batches[0].id }, tok[delegates[0]]);
    expect(errorCode(own)).toBe('FORBIDDEN');
    expect(message(own)).toContain('须由另一名监票人或会议管理员确认');
    expect((await t.gql(CONFIRM, { s: id, b: batches[0].id }, admin)).errors).toBeUndefined();
    expect(errorCode(await t.gql(CONFIRM, { s: id, b: batches[0].id }, admin))).toBe('CONFLICT');
    expect((await t.gql<B>(BATCHES, { id }, admin)).data!.voteSession.round.paperBatches[0].confirmedBy).toBe('会议管理员');
    expect((await t.gql(ENTER, { s: id, x: [[candidateIds[0]], [candidateIds[1]]] }, tok[delegates[0]])).errors).toBeUndefined();
    for (const u of delegates.slice(3, 7)) await t.gql(Q.cast, { s: id, c: [candidateIds[0]] }, tok[u]);
    expect((await closeRound(t, id, admin)).errors).toBeUndefined();
    const att = await t.gql<{ voteSession: { round: { attendance: { sheetsIssued: number; votedOnPaper: number } } } }>(ATTENDANCE, { id });
    expect(att.data!.voteSession.round.attendance).toMatchObject({ sheetsIssued: 2, votedOnPaper: 2 });
    // The audit of a paper sheet names no delegate: not the issuing, not the confirming, not the entry.
    const audits = await t.server.db.getRepository(AuditRecord).find({ where: { entityId: String(id) as never } });
    const paper = audits.filter((a) => String(a.action).startsWith('livelihood.paper.'));
    expect(paper.map((a) => a.action).sort()).toEqual(['livelihood.paper.confirm', 'livelihood.paper.enter', 'livelihood.paper.issue', 'livelihood.paper.issue']);
    for (const a of paper) {
      const text = JSON.stringify(a);
      expect(text).not.toMatch(/userId|代表2|代表3/);
      for (const n of ['代表2', '代表3']) expect(text).not.toMatch(new RegExp(`"(after|before)":[^}]*\\b${ids.get(n)}\\b`));
    }
  });

  it('gives each paper voter the receipt code pre-printed on their sheet, checked against the printed ones', async () => {
    const { id, candidateIds, ids } = await openSession();
    // The codes are printed in bulk for the round, before any sheet is handed out, and shown once.
    const printed = await t.gql<{ printPaperSheets: string[] }>(PRINT, { s: id, n: 3 }, admin);
    const codes = printed.data!.printPaperSheets;
    expect(codes).toHaveLength(3);
    expect(errorCode(await t.gql(PRINT, { s: id, n: 3 }, tok[delegates[0]]))).toBe('FORBIDDEN');
    const stored = JSON.stringify(await t.server.db.query('SELECT * FROM livelihood_paper_codes'));
    for (const c of codes) expect(stored).not.toContain(c);
    expect((await t.gql(ISSUE, { s: id, u: ids.get('代表2') }, tok[delegates[0]])).errors).toBeUndefined();
    await confirmPaperBatches(t, id, admin);
    const refuse = async (c: string[] | null, field: string, text: string) => {
      const res = await t.gql(ENTER_CODED, { s: id, x: [[candidateIds[1]]], c }, tok[delegates[0]]);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(message(res)).toContain(text);
    };
    await refuse(null, 'receiptCodes', '请逐张录入');
    await refuse(['ABCD-EFGH-JKMN-PQRS'], 'receiptCodes[0]', '不是本轮印制');
    await refuse(['nonsense'], 'receiptCodes[0]', '格式不正确');
    const entered = await t.gql<{ enterPaperBallots: string[] }>(ENTER_CODED, { s: id, x: [[candidateIds[1]]], c: [codes[1].toLowerCase()] }, tok[delegates[0]]);
    expect(entered.data!.enterPaperBallots).toEqual([codes[1]]);
    expect((await t.gql(ISSUE, { s: id, u: ids.get('代表3') }, tok[delegates[0]])).errors).toBeUndefined();
    await confirmPaperBatches(t, id, admin);
    await refuse([codes[1]], 'receiptCodes[0]', '已录入过');
    for (const u of delegates.slice(3, 7)) await t.gql(Q.cast, { s: id, c: [candidateIds[0]] }, tok[u]);
    expect((await closeRound(t, id, admin)).errors).toBeUndefined();
    // The paper voter checks their own sheet with the code from its stub.
    const check = await t.gql<{ verifyReceipt: { found: boolean; counted: boolean; choices: { id: string }[] } }>(Q.verify, { s: id, r: codes[1] });
    expect(check.data!.verifyReceipt).toMatchObject({ found: true, counted: true, choices: [{ id: candidateIds[1] }] });
  });
});
