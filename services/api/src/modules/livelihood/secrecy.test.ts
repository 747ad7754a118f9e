import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DRIVERS, startTestServer, type TestServer } from '../../testing/harness';
import { allPublished, cityId, openedShares, loginAll, makeDelegates, Q, rosterWorkbook, uploadSpreadsheet, openRound, closeRound, type PublishedBallotRow } from './testkit';
import { RosterEntry } from './session.entity';
import { newCountingKey } from './counting-key';
import { IsNull } from 'typeorm';

/** Copies the SQLite database and its write-ahead log as a file backup would, while the server runs. */
function copySqliteFiles(databaseUrl: string): Buffer {
  const file = databaseUrl.replace(/^sqlite:/, '');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kpd-copy-'));
  try {
    const parts: Buffer[] = [];
    for (const suffix of ['', '-wal', '-shm', '-journal']) {
      if (!fs.existsSync(file + suffix)) continue;
      fs.copyFileSync(file + suffix, path.join(dir, `copy${suffix}`));
      parts.push(fs.readFileSync(path.join(dir, `copy${suffix}`)));
    }
    expect(parts.length).toBeGreaterThanOrEqual(2); // the database and its WAL
    return Buffer.concat(parts);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Every value a published ballot shows that could serve to join it to something stored before the count. */
function publishedValues(ballots: PublishedBallotRow[]): string[] {
  return ballots.flatMap((b) => [b.receiptCode, b.receiptCode.replace(/-/g, ''), b.salt, b.ballotHash]);
}

/** The binary log's events since `from` (file and position), as text, when the server keeps one. */
async function binlogSince(t: TestServer, from: { file: string; position: number } | null): Promise<string | null> {
  if (!from) return null;
  const u = new URL(t.databaseUrl);
  return execFileSync('mysqlbinlog', ['--read-from-remote-server', `--host=${u.hostname}`, `--port=${u.port || 3306}`, `--user=${decodeURIComponent(u.username)}`, ...(u.password ? [`--password=${decodeURIComponent(u.password)}`] : []), `--start-position=${from.position}`, '--base64-output=DECODE-ROWS', '-vv', from.file], {
    maxBuffer: 512 * 1024 * 1024,
  }).toString('utf8');
}

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
    await openRound(t, id, admin);
    const tokens = await loginAll(t, delegates);
    const binlogOn = driver === 'mysql' && Number((await db.query('SELECT @@log_bin AS b'))[0].b) === 1;
    const binlogStart = binlogOn ? (await db.query('SHOW MASTER STATUS')).map((r: { File: string; Position: number }) => ({ file: r.File, position: Number(r.Position) }))[0] ?? null : null;

    // 50 delegates vote one after another, in a shuffled order; we keep who got which receipt.
    const order = delegates.slice(0, 50).sort((a, b) => ((a.charCodeAt(9) * 17 + a.charCodeAt(8) * 5) % 11) - ((b.charCodeAt(9) * 17 + b.charCodeAt(8) * 5) % 11));
    const receiptOf = new Map<string, string>();
    const trackerOf = new Map<string, string>();
    for (const [i, u] of order.entries()) {
      const res = await t.gql<{ castBallot: { receiptCode: string; tracker: string } }>(Q.cast, { s: id, c: [ids[i % 5]] }, tokens[u]);
      receiptOf.set(u, res.data!.castBallot.receiptCode);
      trackerOf.set(u, res.data!.castBallot.tracker);
    }
    const castOrder = order.map((u) => receiptOf.get(u)!);
    // A copy of the data files (SQLite: the database and its WAL) right after the burst, as a backup takes.
    const beforeCount = driver === 'sqlite' ? copySqliteFiles(t.databaseUrl) : null;
    // MySQL: the binary log of the burst, read with mysqlbinlog, when the server keeps one.
    const castLog = driver === 'mysql' ? await binlogSince(t, binlogStart) : null;
    const runner = db.createQueryRunner();
    try {
      const tableNames: string[] =
        driver === 'mysql'
          ? (await runner.query('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()')).map((r: { name: string }) => r.name)
          : (await runner.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")).map((r: { name: string }) => r.name);
      const tables = await runner.getTables(tableNames);
      const columns = (name: string) => tables.find((x) => x.name === name)!.columns;

      // 1. While the round is open, ballots are only sealed: a random id, the sealed text and its
      //    hash (the tracker), the source — no user, no sequence, no time. Nothing is opened.
      expect(columns('livelihood_sealed_ballots').map((c) => c.name).sort()).toEqual(['batch', 'chain_hash', 'id', 'prev_hash', 'round_id', 'sealed', 'source', 'tracker']);
      expect(columns('livelihood_sealed_ballots').some((c) => c.isGenerated || /date|time/i.test(c.type))).toBe(false);
      expect(columns('livelihood_ballots').map((c) => c.name).sort()).toEqual(['ballot_hash', 'batch', 'chain_hash', 'choices', 'prev_hash', 'receipt_code', 'round_id', 'salt', 'source']);
      expect(columns('livelihood_ballots').some((c) => c.isGenerated || /date|time/i.test(c.type))).toBe(false);
      expect(Number((await runner.query('SELECT COUNT(*) AS n FROM livelihood_ballots'))[0].n)).toBe(0);
      expect(Number((await runner.query('SELECT COUNT(*) AS n FROM livelihood_sealed_ballots'))[0].n)).toBe(50);
      expect(columns('livelihood_participation').map((c) => c.name).sort()).toEqual(['method', 'paper_batch', 'round_id', 'user_id']);
      expect(columns('livelihood_participation').some((c) => c.isGenerated || /date|time/i.test(c.type))).toBe(false);
      // The round stores its public key only: no private key, no share.
      const [roundRow] = await runner.query(`SELECT * FROM livelihood_rounds WHERE session_id = ${Number(id)}`);
      expect(Object.keys(roundRow).filter((k) => /key|share|secret|private/i.test(k))).toEqual(['public_key']);
      // The year-end evaluation is stored the same way.
      expect(columns('livelihood_evaluation_ballots').map((c) => c.name).sort()).toEqual(['ballot_hash', 'chain_hash', 'evaluation_id', 'prev_hash', 'ratings', 'receipt_code']);
      expect(columns('livelihood_evaluation_participation').map((c) => c.name).sort()).toEqual(['evaluation_id', 'user_id']);
      if (driver === 'sqlite') {
        // No hidden insertion counter either.
        await expect(runner.query('SELECT rowid FROM livelihood_evaluation_ballots')).rejects.toThrow();
        await expect(runner.query('SELECT rowid FROM livelihood_ballots')).rejects.toThrow();
        await expect(runner.query('SELECT rowid FROM livelihood_sealed_ballots')).rejects.toThrow();
        await expect(runner.query('SELECT rowid FROM livelihood_participation')).rejects.toThrow();
      }

      // 2. No receipt code is stored anywhere in the clear while the round is open (audit records included).
      for (const name of tableNames) {
        if (name === 'schema_migrations') continue;
        const rows = JSON.stringify(await runner.query(`SELECT * FROM ${driver === 'mysql' ? `\`${name}\`` : `"${name}"`}`));
        for (const code of castOrder) expect(rows.includes(code) || rows.includes(code.replace(/-/g, '')) ? `${name} holds ${code}` : null).toBeNull();
      }

      // 3. Participation is stored by user id, not by the time of voting; sealed ballots by their random id.
      const voters: number[] = (await runner.query('SELECT user_id AS u FROM livelihood_participation')).map((r: { u: number | string }) => Number(r.u));
      expect(voters).toEqual([...voters].sort((a, b) => a - b));
      const sealedTrackers: string[] = (await runner.query('SELECT tracker AS t FROM livelihood_sealed_ballots')).map((r: { t: string }) => r.t);
      expect(Math.abs(rankCorrelation(sealedTrackers, order.map((u) => trackerOf.get(u)!)))).toBeLessThan(0.6);

      // 4. The cast audits say that someone voted, never what or with which receipt.
      const audits: { after: string }[] = await runner.query("SELECT after FROM audit_records WHERE action = 'livelihood.ballot.cast'");
      expect(audits).toHaveLength(50);
      for (const a of audits) expect(JSON.parse(a.after)).toEqual({ round: 1, voted: true });
    } finally {
      await runner.release();
    }

    // 5. The count: two shares open the ballots, published in receipt order, chained by commitment.
    const shares = await openedShares(t, id);
    expect((await closeRound(t, id, admin, [shares[0], shares[2]])).errors).toBeUndefined();
    const published = await allPublished(t, id, 1);
    const chained = published.map((n) => n.receiptCode);
    expect(chained).toEqual([...castOrder].sort());
    expect(Math.abs(rankCorrelation(chained, castOrder))).toBeLessThan(0.6);

    // 6. The attack on the copy taken before the count. Whoever holds it may pair each voter with
    //    the sealed row written in the same commit (we grant them that pairing: voter → tracker).
    //    To learn a choice they must join that row to a published ballot: no value of any published
    //    ballot (receipt code, salt, commitment) is anywhere in the copied files or the binary log.
    const values = publishedValues(published);
    if (beforeCount) {
      const text = beforeCount.toString('latin1');
      const found = values.filter((v) => text.includes(v));
      expect(found).toEqual([]);
      // And the tracker the attacker pairs with a voter is no published value either.
      for (const u of order) expect(values.includes(trackerOf.get(u)!)).toBe(false);
    }
    if (driver === 'mysql') {
      if (castLog === null) {
        // This server keeps no binary log (log_bin = 0): the table contents were checked above.
        expect(binlogOn).toBe(false);
      } else {
        expect(castLog).toContain('livelihood_sealed_ballots');
        expect(values.filter((v) => castLog.includes(v))).toEqual([]);
      }
    }

    // 7. A copy taken after the count holds both the sealed and the opened ballots: they share no value,
    //    and the opened ones were written in receipt-code order, not in the order the sealed were.
    if (driver === 'sqlite') {
      const after = copySqliteFiles(t.databaseUrl).toString('latin1');
      const runner2 = db.createQueryRunner();
      try {
        const sealedRows: { id: string; sealed: string; tracker: string }[] = await runner2.query('SELECT id, sealed, tracker FROM livelihood_sealed_ballots');
        const sealedText = JSON.stringify(sealedRows);
        expect(values.filter((v) => sealedText.includes(v))).toEqual([]);
        const firstSeen = published.map((b) => ({ code: b.receiptCode, at: after.indexOf(b.receiptCode) })).filter((x) => x.at >= 0).sort((a, b) => a.at - b.at);
        expect(firstSeen.length).toBe(50);
        expect(Math.abs(rankCorrelation(firstSeen.map((x) => x.code), castOrder))).toBeLessThan(0.6);
      } finally {
        await runner2.release();
      }
    }
  }, 180_000);

  it('counts only with two valid shares of the round’s key, which nobody sees in the clear', async () => {
    const admin = await t.login('admin.fuxin');
    const delegates = await makeDelegates(t, 'dk', 6);
    const created = await t.gql<{ createVoteSession: { id: string } }>(Q.create, { c: String(await cityId(t, '阜新市')), i: { name: '密钥测试会议', meetingDate: '2021-01-15', seats: 1 } }, admin);
    const id = created.data!.createVoteSession.id;
    const cands = await t.gql<{ setVoteCandidates: { id: string }[] }>(Q.candidates, { s: id, c: ['甲', '乙'].map((n) => ({ name: `项目${n}`, description: n })) }, admin);
    const file = await uploadSpreadsheet(t, admin, await rosterWorkbook(delegates.map((username) => ({ username }))));
    await t.gql(Q.importRoster, { s: id, f: file, d: false }, admin);
    await t.server.db.getRepository(RosterEntry).update({ checkedInAt: IsNull() }, { checkedInAt: new Date() });
    expect((await openRound(t, id, admin)).errors).toBeUndefined();
    const shares = await openedShares(t, id);
    expect(shares).toHaveLength(3);
    // Not on the session, not in the audit.
    const later = await t.gql<{ voteSession: { countingShares: string[] | null; round: { publicKey: string } } }>('query($id: ID!) { voteSession(id: $id) { countingShares round { publicKey } } }', { id }, admin);
    expect(later.data!.voteSession.countingShares).toBeNull();
    expect(later.data!.voteSession.round.publicKey).toMatch(/^[\w-]{43}$/);
    const everything = JSON.stringify(await t.server.db.query('SELECT * FROM audit_records'));
    for (const sh of shares) expect(everything.includes(sh.slice(-64))).toBe(false);
    const tokens = await loginAll(t, delegates);
    for (const u of delegates.slice(0, 5)) await t.gql(Q.cast, { s: id, c: [cands.data!.setVoteCandidates[0].id] }, tokens[u]);

    const refused = async (k: string[], field: string, text: string) => {
      const res = await closeRound(t, id, admin, k);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(String(res.errors?.[0].message)).toContain(text);
    };
    await refused([shares[0]], 'shares', '至少 2 名');
    await refused([shares[1], shares[1]], 'shares', '两次');
    await refused([shares[0], shares[1].replace(/.$/, (c) => (c === '0' ? '1' : '0'))], 'shares', '无法还原');
    await refused([shares[0], newCountingKey().shares[1]], 'shares[1]', '不属于本轮');
    expect((await t.gql<{ voteSession: { status: string } }>('query($id: ID!) { voteSession(id: $id) { status } }', { id })).data!.voteSession.status).toBe('VOTING');
    const counted = await closeRound(t, id, admin, [shares[2], shares[0]]);
    expect(counted.errors).toBeUndefined();
  }, 60_000);
});
