import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import mysql from 'mysql2/promise';
import { scratchDatabase, type ScratchDatabase } from '../../services/api/src/db/scratch-database';
import { startChildServer, type ChildServer } from '../../services/api/src/testing/child-server';
import { DRIVERS } from '../../services/api/src/testing/harness';
import { Client } from './client';
import { castBallot, openVoteFor } from './vote';

/** Runs one SQL statement on the scratch database from outside the servers. */
async function sql(url: string, statement: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  if (url.startsWith('sqlite:')) {
    const db = new Database(url.slice('sqlite:'.length), { timeout: 10_000 });
    try {
      const stmt = db.prepare(statement);
      return stmt.reader ? (stmt.all(...params) as Record<string, unknown>[]) : (stmt.run(...params), []);
    } finally {
      db.close();
    }
  }
  const conn = await mysql.createConnection(url);
  try {
    const [rows] = await conn.query(statement, params);
    return Array.isArray(rows) ? (rows as Record<string, unknown>[]) : [];
  } finally {
    await conn.end();
  }
}

describe.each(DRIVERS)('two API processes on one database [%s]', (driver) => {
  let db: ScratchDatabase;
  let dataDir: string;
  let a: ChildServer;
  let b: ChildServer;
  beforeAll(async () => {
    db = await scratchDatabase(driver, 'p');
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kpd-two-'));
    a = await startChildServer({ databaseUrl: db.url, dataDir });
    b = await startChildServer({ databaseUrl: db.url, dataDir });
  }, 360_000);
  afterAll(async () => {
    await Promise.all([a?.kill('SIGTERM'), b?.kill('SIGTERM')]);
    await db.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('month-end lights and a ballot storm against both at once: one light per project-month, one ballot per delegate', async () => {
    const PERIOD = '2020-09';
    const lit = Number((await sql(db.url, 'SELECT COUNT(*) AS n FROM project_lights WHERE period = ?', [PERIOD]))[0].n);
    expect(lit).toBeGreaterThan(100);
    await sql(db.url, 'DELETE FROM project_lights WHERE period = ?', [PERIOD]);
    // Lights deleted with SQL past the service take their counts with them (the job counts what it adds).
    await sql(db.url, 'DELETE FROM light_counts WHERE period = ?', [PERIOD]);

    const usernames = Array.from({ length: 120 }, (_, i) => `delegate.${String(i + 1).padStart(3, '0')}`);
    const tokens = await Promise.all(usernames.map((u, i) => Client.signIn(i % 2 ? a.url : b.url, u).then((c) => c.token!)));
    const adminA = await Client.signIn(a.url, 'admin.liaoning');
    const fuxinAdmin = await Client.signIn(a.url, 'admin.fuxin');
    const cities = await adminA.gql<{ areas: { children: { id: string; name: string }[] }[] }>('{ areas { children { id name } } }');
    const cityId = cities.data!.areas[0].children.find((c) => c.name === '阜新市')!.id;
    const vote = await openVoteFor(fuxinAdmin, cityId, usernames, tokens, '两进程测试会议');

    const adminB = await Client.signIn(b.url, 'admin.liaoning');
    const monthEnd = (c: Client) => c.gql<{ runMonthEndLights: number }>('mutation($p: Period!) { runMonthEndLights(period: $p) }', { p: PERIOD });
    // Every delegate presses on both servers at the same moment, while both run the month-end job.
    const [jobs, ballots] = await Promise.all([
      Promise.all([monthEnd(adminA), monthEnd(adminB), monthEnd(adminA), monthEnd(adminB)]),
      Promise.all(tokens.flatMap((t, i) => [castBallot(a.url, t, vote, i), castBallot(b.url, t, vote, i)])),
    ]);
    for (const j of jobs) expect(j.errors).toBeUndefined();
    expect(jobs.reduce((n, j) => n + j.data!.runMonthEndLights, 0)).toBe(lit);
    const accepted = ballots.filter((r) => r.data?.castBallot.receiptCode);
    const refused = ballots.filter((r) => !r.data);
    expect(accepted).toHaveLength(usernames.length);
    expect(refused.map((r) => r.errors![0].extensions!.code)).toEqual(Array(usernames.length).fill('CONFLICT'));

    const perMonth = await sql(db.url, 'SELECT project_id, COUNT(*) AS n FROM project_lights WHERE period = ? GROUP BY project_id HAVING COUNT(*) > 1', [PERIOD]);
    expect(perMonth).toEqual([]);
    expect(Number((await sql(db.url, 'SELECT COUNT(*) AS n FROM project_lights WHERE period = ?', [PERIOD]))[0].n)).toBe(lit);
    // Four jobs at once counted each light once: the month's counts per district are those of its lights.
    const counts = await sql(db.url, 'SELECT area_id, green, yellow, red FROM light_counts WHERE period = ? AND green + yellow + red > 0 ORDER BY area_id', [PERIOD]);
    const fromLights = await sql(
      db.url,
      "SELECT area_id, SUM(CASE WHEN color = 'GREEN' THEN 1 ELSE 0 END) AS green, SUM(CASE WHEN color = 'YELLOW' THEN 1 ELSE 0 END) AS yellow, SUM(CASE WHEN color = 'RED' THEN 1 ELSE 0 END) AS red FROM project_lights WHERE period = ? GROUP BY area_id ORDER BY area_id",
      [PERIOD],
    );
    const numbers = (rows: Record<string, unknown>[]) => rows.map((r) => [Number(r.area_id), Number(r.green), Number(r.yellow), Number(r.red)]);
    expect(numbers(counts)).toEqual(numbers(fromLights));
    expect(numbers(counts).reduce((n, [, g, y, r]) => n + g + y + r, 0)).toBe(lit);
    const stored = await sql(
      db.url,
      'SELECT COUNT(*) AS n FROM livelihood_sealed_ballots b JOIN livelihood_rounds r ON r.id = b.round_id WHERE r.session_id = ?',
      [Number(vote.sessionId)],
    );
    expect(Number(stored[0].n)).toBe(usernames.length);
  }, 480_000);
});
