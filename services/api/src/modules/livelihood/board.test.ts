import { spawn } from 'node:child_process';
import path from 'node:path';
import { BOARD_BATCH, ballotCommitment, sealBatch } from '@kpd/domain';
import { IsNull } from 'typeorm';
import { verifyVote } from '../../scripts/verify-vote';
import { DRIVERS, errorCode, startTestServer, type TestServer } from '../../testing/harness';
import { Ballot, BoardCheckpoint, SealedBallot } from './ballot.entity';
import { RosterEntry, VoteRound } from './session.entity';
import { cityId, loginAll, makeDelegates, Q, rosterWorkbook, uploadSpreadsheet, openRound, closeRound } from './testkit';

const DEMO = '阜新市十六届人大四次会议';
const BOARD = `query($s: ID!, $r: Int) { voteBulletinBoard(sessionId: $s, round: $r) { round fingerprint counted pending chainHead
  checkpoints { number count head } entries { batch ballotHash prevHash chainHash receiptCode marks source salt }
  opened { batch ballotHash prevHash chainHash receiptCode marks source salt } } }`;
const RECEIPT = `query($s: ID!, $r: String!) { verifyReceipt(sessionId: $s, receiptCode: $r) { found counted checkpoint checkpointHead chainHead } }`;

type Board = {
  counted: boolean;
  pending: number;
  chainHead: string | null;
  checkpoints: { number: number; count: number; head: string }[];
  entries: { batch: number; ballotHash: string; receiptCode: string | null; marks: string[] | null; salt: string | null }[];
  opened: { batch: number; ballotHash: string; receiptCode: string | null; marks: string[] | null; salt: string | null }[];
};

/** The bulletin board, its checkpoints and the public verifier (`pnpm verify-vote`), against edits in the database. */
describe.each(DRIVERS)('livelihood bulletin board and verifier [%s]', (driver) => {
  let t: TestServer;
  let demoId: string;
  beforeAll(async () => {
    t = await startTestServer(driver, { seedModules: ['areas', 'accounts', 'livelihood'] });
    const list = await t.gql<{ voteSessions: { id: string; name: string }[] }>('query { voteSessions { id name } }');
    demoId = list.data!.voteSessions.find((s) => s.name === DEMO)!.id;
  }, 180_000);
  afterAll(() => t.close());

  const demoRound = () => t.server.db.getRepository(VoteRound).findOneByOrFail({ sessionId: Number(demoId), number: 1 });

  it('verifies the demo session from public data alone, by name, on the command line too', async () => {
    const result = await verifyVote(t.url, DEMO);
    expect(result.lines.join('\n')).toContain('verified');
    expect(result).toMatchObject({ verified: true, session: demoId, rounds: [{ round: 1, entries: 341, verified: true }] });
    expect(result.rounds[0].checkpoints).toBeGreaterThan(30);
    // The command line runs in a process of its own against the running API.
    const cli = await new Promise<{ status: number | null; stdout: string }>((resolve) => {
      const child = spawn(process.execPath, ['-r', path.join(__dirname, '../../testing/ts-register.js'), path.join(__dirname, '../../scripts/verify-vote.ts'), demoId, '--api', t.url]);
      let stdout = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
      child.on('close', (status) => resolve({ status, stdout }));
    });
    expect(cli.stdout).toContain('verified — 已验证');
    expect(cli.status).toBe(0);
  }, 90_000);

  it('fails on a ballot row edited by hand, naming its receipt code, and on one whose hash was fixed up too', async () => {
    const repo = t.server.db.getRepository(Ballot);
    const round = await demoRound();
    const victim = (await repo.find({ where: { roundId: round.id, source: 'ELECTRONIC' as never }, order: { receiptCode: 'ASC' }, take: 1 }))[0];
    const other = round.candidateIds.split(',').find((id) => !victim.choices.split(',').includes(id))!;
    const forged = [...victim.choices.split(',').slice(1), other].join(',');
    try {
      await repo.update({ receiptCode: victim.receiptCode }, { choices: forged });
      const edited = await verifyVote(t.url, demoId);
      expect(edited.verified).toBe(false);
      expect(edited.lines.join('\n')).toContain(`回执码 ${victim.receiptCode} 的选票内容与其哈希不符`);
      expect(edited.lines.at(-1)).toContain('NOT verified');
      await repo.update({ receiptCode: victim.receiptCode }, { ballotHash: ballotCommitment(round.fingerprint, victim.receiptCode, forged, victim.source, victim.salt) });
      const fixedUp = await verifyVote(t.url, demoId);
      expect(fixedUp.verified).toBe(false);
      expect(fixedUp.lines.join('\n')).toMatch(/链接哈希不符|前一链接不符/);
    } finally {
      await repo.update({ receiptCode: victim.receiptCode }, { choices: victim.choices, ballotHash: victim.ballotHash });
    }
    expect((await verifyVote(t.url, demoId)).verified).toBe(true);
  }, 90_000);

  it('catches opened ballots rewritten whole after a delegate noted the chain head from a receipt check', async () => {
    const repo = t.server.db.getRepository(Ballot);
    const round = await demoRound();
    const all = await repo.find({ where: { roundId: round.id } });
    const a = all.find((x) => x.source === 'ELECTRONIC')!;
    const b = all.find((x) => x.source === 'ELECTRONIC' && x.choices !== a.choices)!;
    // The delegate holding a's receipt checks it after the count and keeps the chain head shown.
    const seen = await t.gql<{ verifyReceipt: { chainHead: string } }>(RECEIPT, { s: demoId, r: a.receiptCode });
    const noted = seen.data!.verifyReceipt.chainHead;
    expect(noted).toMatch(/^[0-9a-f]{64}$/);
    const before = { rows: all.map((x) => ({ ...x })), head: round.chainHead };
    try {
      // An insider swaps two ballots' marks (the tally stays the same) and rebuilds every commitment and link of the opened ballots.
      const swapped = all.map((x) => (x.receiptCode === a.receiptCode ? { ...x, choices: b.choices } : x.receiptCode === b.receiptCode ? { ...x, choices: a.choices } : x));
      for (const x of swapped) x.ballotHash = ballotCommitment(round.fingerprint, x.receiptCode, x.choices, x.source, x.salt);
      const checkpoints = await t.server.db.getRepository(BoardCheckpoint).find({ where: { roundId: round.id }, order: { number: 'DESC' }, take: 1 });
      const sealed = sealBatch(checkpoints[0].head, swapped.map((x) => x.ballotHash));
      for (const e of sealed.entries) {
        const row = swapped.find((x) => x.ballotHash === e.hash)!;
        await repo.update({ receiptCode: row.receiptCode }, { choices: row.choices, ballotHash: e.hash, prevHash: e.prev, chainHash: e.link });
      }
      await t.server.db.getRepository(VoteRound).update({ id: round.id }, { chainHead: sealed.head });
      // Consistent from public data alone…
      expect((await verifyVote(t.url, demoId)).verified).toBe(true);
      // …but not with the head the delegate noted.
      const withHead = await verifyVote(t.url, demoId, [noted]);
      expect(withHead.verified).toBe(false);
      expect(withHead.lines.join('\n')).toContain('公告板被改写');
    } finally {
      for (const x of before.rows) await repo.update({ receiptCode: x.receiptCode }, { choices: x.choices, ballotHash: x.ballotHash, prevHash: x.prevHash, chainHash: x.chainHash });
      await t.server.db.getRepository(VoteRound).update({ id: round.id }, { chainHead: before.head });
    }
    expect((await verifyVote(t.url, demoId, [noted])).verified).toBe(true);
  }, 120_000);

  it('grows the board in sealed batches while open, showing only commitments, and refuses to count an altered board', async () => {
    const admin = await t.login('admin.fuxin');
    const delegates = await makeDelegates(t, 'db', 25);
    const created = await t.gql<{ createVoteSession: { id: string } }>(Q.create, { c: String(await cityId(t, '阜新市')), i: { name: '公告板测试会议', meetingDate: '2022-01-15', seats: 1 } }, admin);
    const id = created.data!.createVoteSession.id;
    const cands = await t.gql<{ setVoteCandidates: { id: string }[] }>(Q.candidates, { s: id, c: ['甲', '乙', '丙'].map((n) => ({ name: `${n}项目`, description: n })) }, admin);
    const ids = cands.data!.setVoteCandidates.map((c) => c.id);
    const file = await uploadSpreadsheet(t, admin, await rosterWorkbook(delegates.map((username) => ({ username }))));
    await t.gql(Q.importRoster, { s: id, f: file, d: false }, admin);
    await t.server.db.getRepository(RosterEntry).update({ checkedInAt: IsNull() }, { checkedInAt: new Date() });
    expect((await openRound(t, id, admin)).errors).toBeUndefined();
    const tokens = await loginAll(t, delegates);
    const trackers: string[] = [];
    for (const [i, u] of delegates.slice(0, 2 * BOARD_BATCH + 3).entries()) {
      trackers.push((await t.gql<{ castBallot: { tracker: string } }>(Q.cast, { s: id, c: [ids[i % 3]] }, tokens[u])).data!.castBallot.tracker);
    }
    const open = (await t.gql<{ voteBulletinBoard: Board }>(BOARD, { s: id, r: 1 })).data!.voteBulletinBoard;
    expect(open).toMatchObject({ counted: false, pending: 3, chainHead: null });
    expect(open.checkpoints.map((c) => c.count)).toEqual([BOARD_BATCH, 2 * BOARD_BATCH]);
    expect(open.entries).toHaveLength(2 * BOARD_BATCH);
    expect(open.entries.every((e) => e.receiptCode === null && e.marks === null && e.salt === null)).toBe(true);
    expect(open.opened).toEqual([]);
    // Within a batch by tracker, never by cast order.
    const first = open.entries.filter((e) => e.batch === 1).map((e) => e.ballotHash);
    expect(first).toEqual([...first].sort());
    // The first voter's tracker shows its checkpoint, which is on the board.
    const r0 = (await t.gql<{ verifyReceipt: { checkpoint: number; checkpointHead: string } }>(RECEIPT, { s: id, r: trackers[0] })).data!.verifyReceipt;
    expect(open.checkpoints.find((c) => c.number === r0.checkpoint)!.head).toBe(r0.checkpointHead);
    expect((await verifyVote(t.url, id)).verified).toBe(true);

    // Someone deletes a sealed ballot and fixes the digest: the count is refused.
    const round = await t.server.db.getRepository(VoteRound).findOneByOrFail({ sessionId: Number(id), number: 1 });
    const gone = await t.server.db.getRepository(SealedBallot).findOneByOrFail({ tracker: trackers[1] });
    await t.server.db.getRepository(SealedBallot).delete({ id: gone.id });
    const { digestOf } = await import('./secrecy');
    const rest = await t.server.db.getRepository(SealedBallot).findBy({ roundId: round.id });
    await t.server.db.getRepository(VoteRound).update({ id: round.id }, { digest: digestOf(rest.map((x) => x.tracker)) });
    await t.server.db.query(`DELETE FROM livelihood_participation WHERE round_id = ${round.id} AND user_id = (SELECT id FROM users WHERE username = '${delegates[1]}')`);
    const refused = await closeRound(t, id, admin);
    expect(errorCode(refused)).toBe('CONFLICT');
    expect(refused.errors![0].message).toContain('公告板与已公布的检查点不符');
    await t.server.db.getRepository(SealedBallot).insert(gone);
    await t.server.db.getRepository(VoteRound).update({ id: round.id }, { digest: round.digest });
    await t.server.db.query(`INSERT INTO livelihood_participation (round_id, user_id, method) SELECT ${round.id}, id, 'ELECTRONIC' FROM users WHERE username = '${delegates[1]}'`);

    // Counted: the rest sealed as the last batch, everything opened, and the verifier agrees.
    expect((await closeRound(t, id, admin)).errors).toBeUndefined();
    const closed = (await t.gql<{ voteBulletinBoard: Board }>(BOARD, { s: id, r: 1 })).data!.voteBulletinBoard;
    expect(closed.checkpoints.map((c) => c.count)).toEqual([BOARD_BATCH, 2 * BOARD_BATCH, 2 * BOARD_BATCH + 3]);
    expect(closed.opened[0]).toMatchObject({ batch: 0 });
    expect(closed.chainHead).not.toBe(closed.checkpoints[2].head);
    expect(closed.entries.every((e) => e.receiptCode === null)).toBe(true);
    expect(closed.opened).toHaveLength(2 * BOARD_BATCH + 3);
    expect(closed.opened.every((e) => e.receiptCode && e.marks && e.salt)).toBe(true);
    // Nothing joins an opened ballot to the tracker it was sealed under.
    const trackerSet = new Set(closed.entries.map((e) => e.ballotHash));
    expect(closed.opened.some((e) => trackerSet.has(e.ballotHash))).toBe(false);
    expect((await verifyVote(t.url, id, [r0.checkpointHead])).verified).toBe(true);
  }, 120_000);
});
