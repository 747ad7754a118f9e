import { AuditRecord } from '../../core/audit/audit-record.entity';
import { DRIVERS, errorCode, startTestServer, type TestServer } from '../../testing/harness';
import { BallotSource, RoundParticipation, SealedBallot } from './ballot.entity';
import { sealedBallotRow } from './voting.service';
import { VoteCandidateEntity, VoteRound } from './session.entity';
import { allPublished, cityId, loginAll, makeDelegates, Q, recomputeChain, boardHead, rosterWorkbook, sha256, uploadSpreadsheet, openRound, closeRound, confirmPaperBatches } from './testkit';

type Session = {
  status: string;
  fingerprint: string | null;
  currentRound: number;
  rosterSize: number;
  checkedIn: number;
  quorumShortfall: number;
  candidates: { id: string; name: string; adopted: boolean }[];
  me: { onRoster: boolean; checkedInAt: string | null; votedInCurrentRound: boolean } | null;
  round: {
    number: number;
    seats: number;
    fingerprint: string;
    canonical: string;
    status: string;
    chainHead: string | null;
    tallyHiddenReason: string | null;
    paper: { issued: number; returned: number | null; notReturned: number | null; valid: boolean | null };
    tally: null | {
      ballotsCast: number;
      validBallots: number;
      blankBallots: number;
      invalidBallots: number;
      invalidTooManyMarks: number;
      majorityVotes: number;
      paperBallots: number;
      counts: { candidate: { id: string }; votes: number; adopted: boolean }[];
      adopted: { id: string }[];
      runoff: null | { reason: string; seats: number; candidates: { id: string }[] };
    };
  } | null;
};

describe.each(DRIVERS)('livelihood vote [%s]', (driver) => {
  let t: TestServer;
  let admin: string;
  let fuxin: number;
  let delegates: string[];
  let tok: Record<string, string>;

  const session = async (id: string, token?: string) => (await t.gql<{ voteSession: Session }>(Q.session, { id }, token)).data!.voteSession;

  /** A session with `seats` of `names`, the given roster imported and everybody checked in. */
  async function prepared(seats: number, names: string[], roster: string[], checkIn = roster): Promise<{ id: string; candidateIds: string[] }> {
    const created = await t.gql<{ createVoteSession: { id: string } }>(Q.create, { c: String(fuxin), i: { name: '测试人大会议', meetingDate: '2021-01-15', seats } }, admin);
    const id = created.data!.createVoteSession.id;
    const c = await t.gql<{ setVoteCandidates: { id: string }[] }>(Q.candidates, { s: id, c: names.map((n) => ({ name: n, description: `${n}的内容`, leadDepartment: '市住房和城乡建设局', targetQuantity: '20', unit: '公里' })) }, admin);
    const file = await uploadSpreadsheet(t, admin, await rosterWorkbook(roster.map((username, i) => ({ username, scrutineer: i === 0 }))));
    const imported = await t.gql<{ importVoteRoster: { committed: boolean } }>(Q.importRoster, { s: id, f: file, d: false }, admin);
    expect(imported.data!.importVoteRoster.committed).toBe(true);
    for (const u of checkIn) await t.gql(Q.checkIn, { s: id }, tok[u]);
    return { id, candidateIds: c.data!.setVoteCandidates.map((x) => x.id) };
  }

  beforeAll(async () => {
    t = await startTestServer(driver);
    fuxin = await cityId(t, '阜新市');
    admin = await t.login('admin.fuxin');
    delegates = await makeDelegates(t, 'dv', 12);
    tok = await loginAll(t, [...delegates, 'delegate.001', 'admin.shenyang', 'admin.liaoning']);
  }, 120_000);
  afterAll(() => t.close());

  it('runs a vote: roster from .xlsx, quorum, frozen fingerprint, secret ballots, count, published list, receipts', async () => {
    const created = await t.gql<{ createVoteSession: { id: string } }>(Q.create, { c: String(fuxin), i: { name: '阜新市十六届人大四次会议', meetingDate: '2021-01-15', seats: 2 } }, admin);
    const id = created.data!.createVoteSession.id;

    // More candidates than seats are needed before the vote opens.
    const few = await t.gql(Q.candidates, { s: id, c: [{ name: '改造居民小区配水管网20公里', description: 'x' }, { name: '维修改造农村公路500公里', description: 'y' }] }, admin);
    expect(few.errors).toBeUndefined();
    const cands = await t.gql<{ setVoteCandidates: { id: string; name: string }[] }>(
      Q.candidates,
      { s: id, c: ['实施老旧小区改造工程222万平方米', '维修改造城乡校舍10万平方米', '改造居民小区配水管网20公里', '维修改造农村公路500公里'].map((name) => ({ name, description: `${name}。` })) },
      admin,
    );
    const [A, B, C, D] = cands.data!.setVoteCandidates.map((c) => c.id);

    // Roster: a dry run reports every bad row and writes nothing; then the commit.
    const bad = await uploadSpreadsheet(t, admin, await rosterWorkbook([{ username: delegates[0] }, { username: 'nobody.here' }, { username: 'admin.fuxin' }, { username: delegates[0] }]));
    const dry = await t.gql<{ importVoteRoster: { committed: boolean; problems: { row: number; reason: string }[] } }>(Q.importRoster, { s: id, f: bad, d: true }, admin);
    expect(dry.data!.importVoteRoster.committed).toBe(false);
    expect(dry.data!.importVoteRoster.problems.map((p) => p.row)).toEqual([3, 4, 5]);
    const roster = delegates.slice(0, 10);
    const good = await uploadSpreadsheet(t, admin, await rosterWorkbook(roster.map((username, i) => ({ username, scrutineer: i === 0 }))));
    const committed = await t.gql<{ importVoteRoster: { committed: boolean; created: number } }>(Q.importRoster, { s: id, f: good, d: false }, admin);
    expect(committed.data!.importVoteRoster).toMatchObject({ committed: true, created: 10 });

    // Quorum: two thirds of 10 → 7 must check in.
    for (const u of roster.slice(0, 6)) expect((await t.gql(Q.checkIn, { s: id }, tok[u])).errors).toBeUndefined();
    const noQuorum = await openRound(t, id, admin);
    expect(errorCode(noQuorum)).toBe('CONFLICT');
    expect(noQuorum.errors![0].extensions).toMatchObject({ shortfall: 1, rosterSize: 10 });
    // A delegate not on the roster cannot check in.
    expect(errorCode(await t.gql(Q.checkIn, { s: id }, tok[delegates[11]]))).toBe('FORBIDDEN');
    for (const u of roster.slice(6, 9)) await t.gql(Q.checkIn, { s: id }, tok[u]);

    // Opening freezes rules and candidates: the fingerprint is the SHA-256 of the canonical text.
    const opened = await openRound<{ openVote: { status: string; fingerprint: string } }>(t, id, admin);
    expect(opened.data!.openVote.status).toBe('VOTING');
    const seen = await session(id, tok[roster[1]]);
    expect(seen.round!.fingerprint).toBe(sha256(seen.round!.canonical));
    expect(seen.fingerprint).toBe(seen.round!.fingerprint);
    expect(JSON.parse(seen.round!.canonical)).toMatchObject({ rosterSize: 10, seats: 2, candidates: [{ id: A }, { id: B }, { id: C }, { id: D }] });
    expect(seen.me).toMatchObject({ onRoster: true, votedInCurrentRound: false });

    // Frozen: every change is CONFLICT and nothing changes.
    expect(errorCode(await t.gql(Q.candidates, { s: id, c: [{ name: '新项目一', description: 'x' }, { name: '新项目二', description: 'x' }, { name: '新项目三', description: 'x' }] }, admin))).toBe('CONFLICT');
    expect(errorCode(await t.gql('mutation($id: ID!) { updateVoteSession(id: $id, input: { seats: 3 }) { seats } }', { id }, admin))).toBe('CONFLICT');
    expect(errorCode(await t.gql(Q.importRoster, { s: id, f: good, d: false }, admin))).toBe('CONFLICT');
    expect((await session(id)).candidates.map((c) => c.id)).toEqual([A, B, C, D]);

    // Refusals: too many marks (naming the field), unknown candidate, not on the roster, not a delegate.
    const tooMany = await t.gql(Q.cast, { s: id, c: [A, B, C] }, tok[roster[1]]);
    expect(errorCode(tooMany)).toBe('BAD_USER_INPUT');
    expect(tooMany.errors![0].extensions).toMatchObject({ field: 'candidateIds', reason: expect.stringContaining('TOO_MANY_MARKS') });
    expect(errorCode(await t.gql(Q.cast, { s: id, c: [A, A] }, tok[roster[1]]))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(Q.cast, { s: id, c: [A] }, tok[delegates[11]]))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(Q.cast, { s: id, c: [A] }, tok['delegate.001']))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(Q.cast, { s: id, c: [A] }, admin))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(Q.cast, { s: id, c: [A] }))).toBe('UNAUTHENTICATED');

    // Votes: A 7, B 6, C 1, D 0 from 7 online ballots; one paper sheet marking too many.
    const votes: string[][] = [[A, B], [A, B], [A, B], [B, A], [A, B], [A, B], [A, C]];
    const receipts: string[] = [];
    const trackers: string[] = [];
    for (let i = 0; i < votes.length; i++) {
      const r = await t.gql<{ castBallot: { receiptCode: string; tracker: string; fingerprint: string } }>(Q.cast, { s: id, c: votes[i] }, tok[roster[i + 1]]);
      expect(r.data!.castBallot.tracker).toMatch(/^[0-9a-f]{64}$/);
      trackers.push(r.data!.castBallot.tracker);
      expect(r.errors).toBeUndefined();
      expect(r.data!.castBallot.receiptCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      expect(r.data!.castBallot.fingerprint).toBe(seen.fingerprint);
      receipts.push(r.data!.castBallot.receiptCode);
    }
    // Once only.
    const again = await t.gql(Q.cast, { s: id, c: [C] }, tok[roster[1]]);
    expect(errorCode(again)).toBe('CONFLICT');
    expect((await session(id, tok[roster[1]])).me!.votedInCurrentRound).toBe(true);

    // Paper: the scrutineer (roster[0]) hands roster[8] a sheet; more sheets than handed out are refused.
    const rosterOf = (token: string) => t.gql<{ voteSession: { roster: { userId: string; name: string }[] | null } }>('query($id: ID!) { voteSession(id: $id) { roster { userId name } } }', { id }, token);
    expect((await rosterOf(tok[roster[2]])).data!.voteSession.roster).toBeNull();
    const seenByScrutineer = (await rosterOf(tok[roster[0]])).data!.voteSession.roster!;
    expect(seenByScrutineer).toHaveLength(10);
    const eighth = { userId: seenByScrutineer.find((u) => u.name === '代表9')!.userId };
    expect(errorCode(await t.gql('mutation($s: ID!, $u: ID!) { issuePaperBallot(sessionId: $s, userId: $u) }', { s: id, u: String(eighth.userId) }, tok[roster[2]]))).toBe('FORBIDDEN');
    const issued = await t.gql('mutation($s: ID!, $u: ID!) { issuePaperBallot(sessionId: $s, userId: $u) }', { s: id, u: String(eighth.userId) }, tok[roster[0]]);
    expect(issued.errors).toBeUndefined();
    expect(errorCode(await t.gql(Q.cast, { s: id, c: [A] }, tok[roster[8]]))).toBe('CONFLICT');
    const twoSheets = await t.gql('mutation($s: ID!, $x: [[ID!]!]!) { enterPaperBallots(sessionId: $s, sheets: $x) }', { s: id, x: [[A], [B]] }, tok[roster[0]]);
    expect(errorCode(twoSheets)).toBe('BAD_USER_INPUT');
    expect(twoSheets.errors![0].extensions).toMatchObject({ field: 'sheets' });
    expect(await confirmPaperBatches(t, id, admin)).toBe(1);
    const sheet = await t.gql<{ enterPaperBallots: string[] }>('mutation($s: ID!, $x: [[ID!]!]!) { enterPaperBallots(sessionId: $s, sheets: $x) }', { s: id, x: [[A, B, C]] }, admin);
    expect(sheet.data!.enterPaperBallots).toHaveLength(1);

    // No counts while open: not in the session, not in the ballot list; a receipt says "recorded".
    const open = await session(id, admin);
    expect(open.round!.tally).toBeNull();
    expect(open.round!.tallyHiddenReason).toMatch(/投票进行中/);
    expect(open.round!.paper).toEqual({ issued: 1, returned: null, notReturned: null, valid: null });
    expect(errorCode(await t.gql(Q.ballots, { s: id, r: 1, after: null }, admin))).toBe('FORBIDDEN');
    // The receipt code is sealed with the ballot until the count; the tracker is on the board.
    const early = await t.gql<{ verifyReceipt: { found: boolean; counted: boolean; chainHead: string | null; valid: boolean | null; message: string } }>(Q.verify, { s: id, r: receipts[0] });
    expect(early.data!.verifyReceipt).toMatchObject({ found: false, counted: false, chainHead: null, valid: null });
    expect(early.data!.verifyReceipt.message).toContain('计票后才能查询');
    const tracked = await t.gql<{ verifyReceipt: { found: boolean; counted: boolean; choices: unknown[]; message: string } }>(Q.verify, { s: id, r: trackers[0] });
    expect(tracked.data!.verifyReceipt).toMatchObject({ found: true, counted: false, choices: [] });
    expect(tracked.data!.verifyReceipt.message).toContain('选票已记录');

    // Other cities' admins cannot manage it; delegates cannot close it.
    expect(errorCode(await closeRound(t, id, tok['admin.shenyang']))).toBe('NOT_FOUND');
    expect(errorCode(await closeRound(t, id, tok[roster[1]]))).toBe('FORBIDDEN');

    const closed = await closeRound<{ closeVote: { status: string } }>(t, id, admin);
    expect(closed.errors).toBeUndefined();
    expect(closed.data!.closeVote.status).toBe('DECIDED');
    const done = await session(id);
    expect(done.round!.tally).toMatchObject({ ballotsCast: 8, validBallots: 7, invalidBallots: 1, invalidTooManyMarks: 1, paperBallots: 1, majorityVotes: 6 });
    expect(done.round!.tally!.adopted.map((c) => c.id)).toEqual([A, B]);
    expect(done.round!.tally!.counts.map((c) => [c.candidate.id, c.votes])).toEqual([[A, 7], [B, 6], [C, 1], [D, 0]]);
    expect(done.round!.paper).toEqual({ issued: 1, returned: 1, notReturned: 0, valid: true });
    expect(done.candidates.filter((c) => c.adopted).map((c) => c.id)).toEqual([A, B]);

    // Published: every receipt is in the list, the chain recomputes to the head.
    const published = await allPublished(t, id, 1);
    expect(published.map((b) => b.receiptCode).sort()).toEqual([...receipts, ...sheet.data!.enterPaperBallots].sort());
    expect(recomputeChain(done.round!.fingerprint, await boardHead(t, id, 1), published)).toBe(done.round!.chainHead);
    const spoilt = published.find((b) => b.source === 'PAPER')!;
    expect(spoilt).toMatchObject({ valid: false, marks: [A, B, C] });
    for (const [i, code] of receipts.entries()) {
      const v = await t.gql<{ verifyReceipt: { found: boolean; counted: boolean; valid: boolean; choices: { id: string }[]; chainHead: string } }>(Q.verify, { s: id, r: code });
      expect(v.data!.verifyReceipt).toMatchObject({ found: true, counted: true, valid: true, chainHead: done.round!.chainHead });
      expect(v.data!.verifyReceipt.choices.map((c) => c.id).sort()).toEqual([...votes[i]].sort());
    }
    const unknown = await t.gql<{ verifyReceipt: { found: boolean } }>(Q.verify, { s: id, r: '0000-0000-0000-0000' });
    expect(unknown.data!.verifyReceipt.found).toBe(false);

    // The adopted projects became obligations; the audit never holds a receipt.
    const projects = await t.gql<{ voteSession: { projects: { name: string; targetQuantity: string; status: string }[] } }>('query($id: ID!) { voteSession(id: $id) { projects { name targetQuantity status } } }', { id });
    expect(projects.data!.voteSession.projects.map((p) => p.name)).toEqual(['实施老旧小区改造工程222万平方米', '维修改造城乡校舍10万平方米']);
    const audits = await t.server.db.getRepository(AuditRecord).find();
    const text = JSON.stringify(audits);
    for (const code of receipts) expect(text).not.toContain(code);
  });

  it('opens a further round for a tie at the last seat and adopts from it', async () => {
    const roster = delegates.slice(0, 9);
    const { id, candidateIds } = await prepared(2, ['甲项目', '乙项目', '丙项目'], roster);
    const [A, B, C] = candidateIds;
    await openRound(t, id, admin);
    // A 8, B 5, C 5 of 9: B and C tie at the last seat, both with a majority (5 > 4.5).
    const marks = [[A, B], [A, B], [A, B], [A, B], [A, C], [A, C], [A, C], [A, C], [B, C]];
    for (let i = 0; i < roster.length; i++) expect((await t.gql(Q.cast, { s: id, c: marks[i] }, tok[roster[i]])).errors).toBeUndefined();
    const s1 = (await closeRound<{ closeVote: { status: string } }>(t, id, admin)).data!.closeVote;
    const after1 = await session(id);
    expect(after1.round!.tally!.adopted.map((c) => c.id)).toEqual([A]);
    expect(after1.round!.tally!.runoff).toEqual({ reason: 'TIE_AT_LAST_SEAT', seats: 1, candidates: [{ id: B }, { id: C }] });
    expect(s1.status).toBe('COUNTED');
    expect(after1.round!.tally!.runoff!.seats).toBe(1);

    // The further round: only the runoff candidates, one seat; casting anew is allowed.
    const opened = await openRound<{ openVote: { currentRound: number } }>(t, id, admin);
    expect(opened.data!.openVote.currentRound).toBe(2);
    const round2 = await session(id);
    expect(round2.round).toMatchObject({ number: 2, seats: 1 });
    expect(errorCode(await t.gql(Q.cast, { s: id, c: [A] }, tok[roster[0]]))).toBe('BAD_USER_INPUT');
    for (let i = 0; i < roster.length; i++) await t.gql(Q.cast, { s: id, c: [i < 6 ? C : B] }, tok[roster[i]]);
    await closeRound(t, id, admin);
    const final = await session(id);
    expect(final.status).toBe('DECIDED');
    expect(final.candidates.filter((c) => c.adopted).map((c) => c.id)).toEqual([A, C]);
    const published1 = await allPublished(t, id, 1);
    expect(published1).toHaveLength(9);
  });

  it('concludes with an unfilled seat when nobody else reaches the majority', async () => {
    const roster = delegates.slice(0, 9);
    const { id, candidateIds } = await prepared(2, ['丁项目', '戊项目', '己项目'], roster);
    const [A, B] = candidateIds;
    await openRound(t, id, admin);
    for (let i = 0; i < roster.length; i++) await t.gql(Q.cast, { s: id, c: i < 3 ? [A, B] : [A] }, tok[roster[i]]);
    await closeRound(t, id, admin);
    const s = await session(id);
    expect(s.status).toBe('COUNTED');
    expect(s.round!.tally!.runoff).toMatchObject({ reason: 'SEATS_UNFILLED', seats: 1 });
    const concluded = await t.gql<{ concludeVote: { status: string } }>('mutation($s: ID!) { concludeVote(sessionId: $s) { status } }', { s: id }, admin);
    expect(concludeVoteStatus(concluded)).toBe('DECIDED');
    expect((await session(id)).candidates.filter((c) => c.adopted).map((c) => c.id)).toEqual([A]);
  });

  it('refuses a count when the frozen candidates were changed behind the API', async () => {
    const roster = delegates.slice(0, 9);
    const { id, candidateIds } = await prepared(1, ['庚项目', '辛项目'], roster);
    await openRound(t, id, admin);
    await t.gql(Q.cast, { s: id, c: [candidateIds[0]] }, tok[roster[0]]);
    await t.server.db.getRepository(VoteCandidateEntity).update({ id: Number(candidateIds[1]) }, { name: '被篡改的项目' });
    const res = await closeRound(t, id, admin);
    expect(errorCode(res)).toBe('CONFLICT');
    expect((await session(id)).round!.status).toBe('OPEN');
    await t.server.db.getRepository(VoteCandidateEntity).update({ id: Number(candidateIds[1]) }, { name: '辛项目' });
    // A ballot slipped into the table without a cast (even sealed correctly under the round's public key) is noticed too.
    const round = await t.server.db.getRepository(VoteRound).findOneByOrFail({ sessionId: Number(id), number: 1 });
    const roundId = round.id;
    const slipped = sealedBallotRow(round, candidateIds[1], BallotSource.ELECTRONIC);
    await t.server.db.getRepository(SealedBallot).insert(slipped);
    expect(errorCode(await closeRound(t, id, admin))).toBe('CONFLICT');
    await t.server.db.getRepository(SealedBallot).delete({ id: slipped.id });
    expect((await closeRound(t, id, admin)).errors).toBeUndefined();
    expect(await t.server.db.getRepository(RoundParticipation).countBy({ roundId })).toBe(1);
  });

  it('delivers and evaluates the adopted projects: targets, milestones, monthly progress, secret ratings', async () => {
    const roster = delegates.slice(0, 9);
    const { id, candidateIds } = await prepared(1, ['改造居民小区配水管网20公里', '维修改造农村公路500公里'], roster);
    await openRound(t, id, admin);
    for (const u of roster) await t.gql(Q.cast, { s: id, c: [candidateIds[0]] }, tok[u]);
    await closeRound(t, id, admin);
    const pid = (await t.gql<{ voteSession: { projects: { id: string }[] } }>('query($id: ID!) { voteSession(id: $id) { projects { id } } }', { id })).data!.voteSession.projects[0].id;

    const upd = await t.gql<{ updateLivelihoodProject: { leadDepartment: string; targetQuantity: string; unit: string } }>(
      'mutation($p: ID!) { updateLivelihoodProject(id: $p, input: { leadDepartment: "市水务局", targetQuantity: "20", unit: "公里" }) { leadDepartment targetQuantity unit } }',
      { p: pid },
      admin,
    );
    expect(upd.data!.updateLivelihoodProject).toEqual({ leadDepartment: '市水务局', targetQuantity: '20', unit: '公里' });
    const badTarget = await t.gql('mutation($p: ID!) { updateLivelihoodProject(id: $p, input: { targetQuantity: "-3" }) { id } }', { p: pid }, admin);
    expect(badTarget.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.targetQuantity' });
    expect(errorCode(await t.gql('mutation($p: ID!) { updateLivelihoodProject(id: $p, input: { unit: "米" }) { id } }', { p: pid }, tok['admin.shenyang']))).toBe('NOT_FOUND');

    const ms = await t.gql('mutation($p: ID!, $m: [LivelihoodMilestoneInput!]!) { saveLivelihoodMilestones(projectId: $p, milestones: $m) { name dueDate doneDate } }', { p: pid, m: [{ name: '完成招标', dueDate: '2021-04-30', doneDate: '2021-04-28' }, { name: '完工验收', dueDate: '2021-11-30' }] }, admin);
    expect(ms.errors).toBeUndefined();
    const badMs = await t.gql('mutation($p: ID!, $m: [LivelihoodMilestoneInput!]!) { saveLivelihoodMilestones(projectId: $p, milestones: $m) { name } }', { p: pid, m: [{ name: '跨年节点', dueDate: '2022-01-31' }] }, admin);
    expect(badMs.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'milestones[0].dueDate' });

    const report = (period: string, qty: string) =>
      t.gql('mutation($p: ID!, $m: Period!, $q: String!) { reportLivelihoodProgress(projectId: $p, period: $m, quantityDone: $q, note: "完成管网改造") { period quantityDone } }', { p: pid, m: period, q: qty }, admin);
    expect((await report('2021-05', '6.5')).errors).toBeUndefined();
    expect((await report('2021-06', '8')).errors).toBeUndefined();
    expect((await report('2022-01', '1')).errors![0].extensions).toMatchObject({ field: 'period' });
    expect((await report('2021-07', '1.2345')).errors![0].extensions).toMatchObject({ field: 'quantityDone' });
    const board = await t.gql<{ livelihoodBoard: { id: string; summary: { done: string; percent: number; milestonesDone: number; milestonesOverdue: number } }[] }>(
      'query($c: ID!) { livelihoodBoard(cityId: $c, year: 2021) { id summary { done percent milestonesDone milestonesOverdue } } }',
      { c: String(fuxin) },
    );
    expect(board.data!.livelihoodBoard.find((p) => p.id === pid)!.summary).toEqual({ done: '14.5', percent: 72.5, milestonesDone: 1, milestonesOverdue: 1 });
    const completed = await t.gql('mutation($p: ID!) { completeLivelihoodProject(projectId: $p, completedOn: "2021-11-28") { status completedOn } }', { p: pid }, admin);
    expect(completed.data).toEqual({ completeLivelihoodProject: { status: 'COMPLETED', completedOn: '2021-11-28' } });

    // Evaluation: 9 on the roster; 5 satisfied, 2 basically, 1 unsatisfied → satisfied (5 > 4.5).
    const opened = await t.gql<{ openEvaluation: { fingerprint: string; status: string } }>('mutation($s: ID!) { openEvaluation(sessionId: $s, year: 2021) { fingerprint status } }', { s: id }, admin);
    expect(opened.data!.openEvaluation.status).toBe('OPEN');
    const rate = (u: string, rating: string) =>
      t.gql<{ submitEvaluation: { receiptCode: string } }>('mutation($s: ID!, $r: [RatingInput!]!) { submitEvaluation(sessionId: $s, year: 2021, ratings: $r) { receiptCode } }', { s: id, r: [{ projectId: pid, rating }] }, tok[u]);
    const ratings = ['SATISFIED', 'SATISFIED', 'SATISFIED', 'SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED', 'BASICALLY_SATISFIED', 'UNSATISFIED'];
    const codes: string[] = [];
    for (const [i, r] of ratings.entries()) codes.push((await rate(roster[i], r)).data!.submitEvaluation.receiptCode);
    expect(errorCode(await rate(roster[0], 'UNSATISFIED'))).toBe('CONFLICT');
    expect(errorCode(await rate(delegates[11], 'UNSATISFIED'))).toBe('FORBIDDEN');
    const hidden = await t.gql<{ voteSession: { evaluation: { results: unknown; sheets: number | null } } }>('query($id: ID!) { voteSession(id: $id) { evaluation(year: 2021) { results { rating } sheets } } }', { id });
    expect(hidden.data!.voteSession.evaluation).toEqual({ results: null, sheets: null });
    expect(errorCode(await t.gql('query($s: ID!) { publishedEvaluationSheets(sessionId: $s, year: 2021) { totalCount } }', { s: id }))).toBe('FORBIDDEN');
    await t.gql('mutation($s: ID!) { closeEvaluation(sessionId: $s, year: 2021) { status } }', { s: id }, admin);
    const result = await t.gql<{ voteSession: { evaluation: { sheets: number; chainHead: string; results: { satisfied: number; basicallySatisfied: number; unsatisfied: number; rating: string }[] } } }>(
      'query($id: ID!) { voteSession(id: $id) { evaluation(year: 2021) { sheets chainHead results { satisfied basicallySatisfied unsatisfied rating } } } }',
      { id },
    );
    expect(result.data!.voteSession.evaluation).toMatchObject({ sheets: 8, results: [{ satisfied: 5, basicallySatisfied: 2, unsatisfied: 1, rating: 'SATISFIED' }] });
    const sheets = await t.gql<{ publishedEvaluationSheets: { nodes: { receiptCode: string }[] } }>('query($s: ID!) { publishedEvaluationSheets(sessionId: $s, year: 2021, first: 50) { nodes { receiptCode } } }', { s: id });
    expect(sheets.data!.publishedEvaluationSheets.nodes.map((n) => n.receiptCode).sort()).toEqual([...codes].sort());
    const mine = await t.gql<{ verifyEvaluationReceipt: { ratings: { projectId: string; rating: string }[] } }>(
      'query($s: ID!, $r: String!) { verifyEvaluationReceipt(sessionId: $s, year: 2021, receiptCode: $r) { ratings { projectId rating } } }',
      { s: id, r: codes[7] },
    );
    expect(mine.data!.verifyEvaluationReceipt.ratings).toEqual([{ projectId: pid, rating: 'UNSATISFIED' }]);
  });
});

function concludeVoteStatus(res: { data?: { concludeVote: { status: string } } | null }): string | undefined {
  return res.data?.concludeVote.status;
}
