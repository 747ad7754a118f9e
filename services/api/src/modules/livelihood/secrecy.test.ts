import { DRIVERS, startTestServer, type TestServer } from '../../testing/harness';
import { cityId, loginAll, makeDelegates, Q, rosterWorkbook, uploadSpreadsheet } from './testkit';
import { RosterEntry } from './session.entity';
import { IsNull } from 'typeorm';

/** Spearman rank correlation of two orderings of the same items. */
function rankCorrelation(a: string[], b: string[]): number {
  const pos = new Map(b.map((x, i) => [x, i]));
  const n = a.length;
  const d2 = a.reduce((s, x, i) => s + (i - pos.get(x)!) ** 2, 0);
  return 1 - (6 * d2) / (n * (n * n - 1));
}

/** After 50 ballots, nothing stored lines a ballot up with the delegate who cast it. */
describe.each(DRIVERS)('livelihood ballot secrecy [%s]', (driver) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(driver);
  }, 60_000);
  afterAll(() => t.close());

  it('keeps who voted and what was voted apart, with no order, id or time to join them', async () => {
    const db = t.server.db;
    const admin = await t.login('admin.fuxin');
    const delegates = await makeDelegates(t, 'ds', 60);
    const created = await t.gql<{ createVoteSession: { id: string } }>(Q.create, { c: String(await cityId(t, '阜新市')), i: { name: '保密测试会议', meetingDate: '2021-01-15', seats: 3 } }, admin);
    const id = created.data!.createVoteSession.id;
    const cands = await t.gql<{ setVoteCandidates: { id: string }[] }>(Q.candidates, { s: id, c: ['一', '二', '三', '四', '五'].map((n) => ({ name: `项目${n}号`, description: n })) }, admin);
    const ids = cands.data!.setVoteCandidates.map((c) => c.id);
    const file = await uploadSpreadsheet(t, admin, await rosterWorkbook(delegates.map((username) => ({ username }))));
    await t.gql(Q.importRoster, { s: id, f: file, d: false }, admin);
    await db.getRepository(RosterEntry).update({ checkedInAt: IsNull() }, { checkedInAt: new Date() });
    await t.gql(Q.open, { s: id }, admin);
    const tokens = await loginAll(t, delegates);

    // 50 delegates vote one after another, in a shuffled order; we keep who got which receipt.
    const order = delegates.slice(0, 50).sort((a, b) => ((a.charCodeAt(9) * 17 + a.charCodeAt(8) * 5) % 11) - ((b.charCodeAt(9) * 17 + b.charCodeAt(8) * 5) % 11));
    const receiptOf = new Map<string, string>();
    for (const [i, u] of order.entries()) {
      const res = await t.gql<{ castBallot: { receiptCode: string } }>(Q.cast, { s: id, c: [ids[i % 5]] }, tokens[u]);
      receiptOf.set(u, res.data!.castBallot.receiptCode);
    }
    const castOrder = order.map((u) => receiptOf.get(u)!);
    const runner = db.createQueryRunner();
    try {
      const tableNames: string[] =
        driver === 'mysql'
          ? (await runner.query('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()')).map((r: { name: string }) => r.name)
          : (await runner.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")).map((r: { name: string }) => r.name);
      const tables = await runner.getTables(tableNames);
      const columns = (name: string) => tables.find((x) => x.name === name)!.columns;

      // 1. The ballot table holds the receipt, the round, the marks and the hashes — no user, no
      //    sequence, no time. Participation holds who, and nothing of what.
      expect(columns('livelihood_ballots').map((c) => c.name).sort()).toEqual(['ballot_hash', 'batch', 'chain_hash', 'choices', 'prev_hash', 'receipt_code', 'round_id', 'salt', 'source']);
      expect(columns('livelihood_ballots').some((c) => c.isGenerated || /date|time/i.test(c.type))).toBe(false);
      expect(columns('livelihood_participation').map((c) => c.name).sort()).toEqual(['method', 'round_id', 'user_id']);
      expect(columns('livelihood_participation').some((c) => c.isGenerated || /date|time/i.test(c.type))).toBe(false);
      // The year-end evaluation is stored the same way.
      expect(columns('livelihood_evaluation_ballots').map((c) => c.name).sort()).toEqual(['ballot_hash', 'chain_hash', 'evaluation_id', 'prev_hash', 'ratings', 'receipt_code']);
      expect(columns('livelihood_evaluation_participation').map((c) => c.name).sort()).toEqual(['evaluation_id', 'user_id']);
      if (driver === 'sqlite') {
        // No hidden insertion counter either.
        await expect(runner.query('SELECT rowid FROM livelihood_evaluation_ballots')).rejects.toThrow();
        await expect(runner.query('SELECT rowid FROM livelihood_ballots')).rejects.toThrow();
        await expect(runner.query('SELECT rowid FROM livelihood_participation')).rejects.toThrow();
      }

      // 2. No receipt code appears anywhere but in the ballot table (audit records included).
      for (const name of tableNames) {
        if (name === 'livelihood_ballots' || name === 'schema_migrations') continue;
        const rows = JSON.stringify(await runner.query(`SELECT * FROM ${driver === 'mysql' ? `\`${name}\`` : `"${name}"`}`));
        for (const code of castOrder) expect(rows.includes(code) ? `${name} holds ${code}` : null).toBeNull();
      }

      // 3. The stored order of ballots is the receipt-code order, not the cast order.
      const stored: string[] = (await runner.query('SELECT receipt_code AS r, choices FROM livelihood_ballots')).map((r: { r: string }) => r.r);
      expect(stored).toEqual([...castOrder].sort());
      expect(Math.abs(rankCorrelation(stored, castOrder))).toBeLessThan(0.6);
      // Participation is stored by user id, not by the time of voting.
      const voters: number[] = (await runner.query('SELECT user_id AS u FROM livelihood_participation')).map((r: { u: number | string }) => Number(r.u));
      expect(voters).toEqual([...voters].sort((a, b) => a - b));

      // 4. The cast audits say that someone voted, never what or with which receipt.
      const audits: { after: string }[] = await runner.query("SELECT after FROM audit_records WHERE action = 'livelihood.ballot.cast'");
      expect(audits).toHaveLength(50);
      for (const a of audits) expect(JSON.parse(a.after)).toEqual({ round: 1, voted: true });
    } finally {
      await runner.release();
    }

    // 5. After the count, the chain runs in receipt order too: its positions say nothing of who.
    await t.gql(Q.close, { s: id }, admin);
    const pub = await t.gql<{ publishedBallots: { nodes: { receiptCode: string }[] } }>(Q.ballots, { s: id, r: 1, after: null });
    const chained = pub.data!.publishedBallots.nodes.map((n) => n.receiptCode);
    expect(chained).toEqual([...castOrder].sort());
    expect(Math.abs(rankCorrelation(chained, castOrder))).toBeLessThan(0.6);
  }, 120_000);
});
