import { IsNull } from 'typeorm';
import { DRIVERS, errorCode, startTestServer, type TestServer } from '../../testing/harness';
import { SealedBallot, RoundParticipation } from './ballot.entity';
import { RosterEntry, VoteRound } from './session.entity';
import { cityId, loginAll, makeDelegates, Q, rosterWorkbook, uploadSpreadsheet, openRound, closeRound } from './testkit';

/** 500 delegates cast at once, 100 of them twice: exactly one ballot each. */
describe.each(DRIVERS)('livelihood concurrent casting [%s]', (driver) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(driver);
  }, 60_000);
  afterAll(() => t.close());

  it('500 delegates casting at once plus 100 repeats → exactly 500 ballots', async () => {
    const admin = await t.login('admin.fuxin');
    const delegates = await makeDelegates(t, 'dc', 500);
    const created = await t.gql<{ createVoteSession: { id: string } }>(Q.create, { c: String(await cityId(t, '阜新市')), i: { name: '并发测试会议', meetingDate: '2021-01-15', seats: 10 } }, admin);
    const id = created.data!.createVoteSession.id;
    const names = Array.from({ length: 15 }, (_, i) => `候选民生实事${i + 1}`);
    const cands = await t.gql<{ setVoteCandidates: { id: string }[] }>(Q.candidates, { s: id, c: names.map((name) => ({ name, description: name })) }, admin);
    const ids = cands.data!.setVoteCandidates.map((c) => c.id);
    const file = await uploadSpreadsheet(t, admin, await rosterWorkbook(delegates.map((username) => ({ username }))));
    const imp = await t.gql<{ importVoteRoster: { committed: boolean; created: number } }>(Q.importRoster, { s: id, f: file, d: false }, admin);
    expect(imp.data!.importVoteRoster).toMatchObject({ committed: true, created: 500 });
    // Setup shortcut: everybody checked in (check-in itself is tested elsewhere).
    await t.server.db.getRepository(RosterEntry).update({ checkedInAt: IsNull() }, { checkedInAt: new Date() });
    expect((await openRound(t, id, admin)).errors).toBeUndefined();
    const tokens = await loginAll(t, delegates, 50);

    const requests = [
      ...delegates.map((u, i) => ({ u, marks: [ids[i % 15], ids[(i + 3) % 15]] })),
      ...delegates.slice(0, 100).map((u, i) => ({ u, marks: [ids[(i + 7) % 15]] })),
    ];
    // Interleave so repeats race their firsts.
    requests.sort((a, b) => (a.u === b.u ? 0 : ((a.u.charCodeAt(8) * 31 + a.u.charCodeAt(6)) % 7) - ((b.u.charCodeAt(8) * 31 + b.u.charCodeAt(6)) % 7)));
    const results = await Promise.all(requests.map((r) => t.gql<{ castBallot: { receiptCode: string } }>(Q.cast, { s: id, c: r.marks }, tokens[r.u]).then((res) => ({ u: r.u, res }))));

    const ok = results.filter((r) => !r.res.errors);
    const refused = results.filter((r) => r.res.errors);
    expect(ok).toHaveLength(500);
    expect(refused).toHaveLength(100);
    expect(new Set(refused.map((r) => errorCode(r.res)))).toEqual(new Set(['CONFLICT']));
    // Each delegate got exactly one ballot through.
    const perUser = new Map<string, number>();
    for (const r of ok) perUser.set(r.u, (perUser.get(r.u) ?? 0) + 1);
    expect(perUser.size).toBe(500);
    expect([...perUser.values()].every((n) => n === 1)).toBe(true);
    expect(new Set(ok.map((r) => r.res.data!.castBallot.receiptCode)).size).toBe(500);

    const round = await t.server.db.getRepository(VoteRound).findOneByOrFail({ sessionId: Number(id), number: 1 });
    expect(await t.server.db.getRepository(SealedBallot).countBy({ roundId: round.id })).toBe(500);
    expect(await t.server.db.getRepository(RoundParticipation).countBy({ roundId: round.id })).toBe(500);

    // The digest kept under the row lock matches the stored ballots: the count goes through.
    const closed = await closeRound(t, id, admin);
    expect(closed.errors).toBeUndefined();
    const s = await t.gql<{ voteSession: { round: { tally: { ballotsCast: number; validBallots: number } } } }>(Q.session, { id });
    expect(s.data!.voteSession.round.tally).toMatchObject({ ballotsCast: 500, validBallots: 500 });
  }, 240_000);
});
