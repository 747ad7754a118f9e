import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import mysql from 'mysql2/promise';
import { startChildServer, type ChildServer } from '../../services/api/src/testing/child-server';
import { DRIVERS } from '../../services/api/src/testing/harness';
import { scratchDatabase, type ScratchDatabase } from '../../services/api/src/db/scratch-database';
import { Client } from './client';
import { castBallot, openVoteFor } from './vote';

/** Runs one query on the scratch database from outside the server. */
async function count(url: string, sql: string, params: unknown[] = []): Promise<number> {
  if (url.startsWith('sqlite:')) {
    const db = new Database(url.slice('sqlite:'.length), { timeout: 10_000 });
    try {
      return Number((db.prepare(sql).get(...params) as { n: unknown }).n);
    } finally {
      db.close();
    }
  }
  const conn = await mysql.createConnection(url);
  try {
    const [rows] = await conn.query(sql, params);
    return Number((rows as { n: unknown }[])[0].n);
  } finally {
    await conn.end();
  }
}

const IMPORT = 'mutation($d: ID!, $f: ID!, $dry: Boolean!) { importServiceItems(districtId: $d, fileId: $f, dryRun: $dry) { committed updated created problems { row reason } } }';
const SUFFIX = '（经复核）';

async function sujiatunId(client: Client): Promise<string> {
  const res = await client.gql<{ districts: { id: string; name: string }[] }>('{ districts { id name } }');
  return res.data!.districts.find((d) => d.name === '苏家屯区')!.id;
}

/** Names of 苏家屯区's catalogue ending in the import's edit, and the catalogue's size. */
async function catalogueState(client: Client, districtId: string): Promise<{ total: number; edited: number }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await client.download(`/api/service-items/export.xlsx?districtId=${districtId}`)) as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0];
  let total = 0;
  let edited = 0;
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    total++;
    if (String(row.getCell(3).value).endsWith(SUFFIX)) edited++;
  });
  return { total, edited };
}

/** Runs one statement on the scratch database from outside the server (the server is stopped). */
async function withDatabase(url: string, sql: string, params: unknown[]): Promise<void> {
  if (url.startsWith('sqlite:')) {
    const db = new Database(url.slice('sqlite:'.length), { timeout: 10_000 });
    try {
      db.prepare(sql).run(...params);
    } finally {
      db.close();
    }
    return;
  }
  const conn = await mysql.createConnection(url);
  try {
    await conn.query(sql, params);
  } finally {
    await conn.end();
  }
}

/** Resolves once another connection holds the SQLite write lock (BEGIN IMMEDIATE is busy). */
async function waitForSqliteWriter(databaseUrl: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  const probe = new Database(databaseUrl.slice('sqlite:'.length), { timeout: 0 });
  try {
    while (Date.now() < deadline) {
      try {
        probe.exec('BEGIN IMMEDIATE');
        probe.exec('ROLLBACK');
      } catch (e) {
        if ((e as { code?: string }).code === 'SQLITE_BUSY') return;
        throw e;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    probe.close();
  }
  throw new Error('no write transaction opened within 20 s');
}

/**
 * Resolves once another connection is inside a write transaction: on SQLite the write lock is held
 * (BEGIN IMMEDIATE is busy); on MySQL a row that transaction writes is locked (the probe, a
 * FOR UPDATE NOWAIT read of it, is refused).
 */
async function waitForOpenWrite(databaseUrl: string, mysqlProbe: { sql: string; params: unknown[] }): Promise<void> {
  if (databaseUrl.startsWith('sqlite:')) return waitForSqliteWriter(databaseUrl);
  const deadline = Date.now() + 20_000;
  const conn = await mysql.createConnection(databaseUrl);
  try {
    while (Date.now() < deadline) {
      await conn.query('BEGIN');
      try {
        await conn.query(mysqlProbe.sql, mysqlProbe.params);
      } catch (e) {
        if ([1205, 3572].includes((e as { errno?: number }).errno ?? 0)) return;
        throw e;
      } finally {
        await conn.query('ROLLBACK');
      }
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    await conn.end();
  }
  throw new Error('no write transaction opened within 20 s');
}

/** Resolves once another connection to the MySQL database is running a statement LIKE `pattern`. */
async function waitForStatement(databaseUrl: string, pattern: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  const conn = await mysql.createConnection(databaseUrl);
  try {
    while (Date.now() < deadline) {
      const [rows] = await conn.query(
        'SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND ID <> CONNECTION_ID() AND INFO LIKE ?',
        [pattern],
      );
      if (Number((rows as { n: unknown }[])[0].n) > 0) return;
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    await conn.end();
  }
  throw new Error(`no statement LIKE ${pattern} ran within 20 s`);
}

describe.each(DRIVERS)('killed and restarted [%s]', (driver) => {
  let db: ScratchDatabase;
  let dataDir: string;
  let server: ChildServer | null = null;
  beforeAll(async () => {
    db = await scratchDatabase(driver, 'f');
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kpd-fault-'));
  });
  afterAll(async () => {
    await server?.kill();
    await db.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  const start = async () => (server = await startChildServer({ databaseUrl: db.url, dataDir }));
  const stop = async (signal: NodeJS.Signals) => {
    const code = await server!.kill(signal);
    server = null;
    return code;
  };

  it('an import killed mid-commit leaves all or nothing, and runs again cleanly after a restart', async () => {
    await start();
    let admin = await Client.signIn(server!.url, 'admin.sujiatun');
    const district = await sujiatunId(admin);
    const before = await catalogueState(admin, district);
    expect(before).toEqual({ total: 2192, edited: 0 });

    // Every row of the catalogue renamed: a commit of 2192 updates in one transaction.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await admin.download(`/api/service-items/export.xlsx?districtId=${district}`)) as unknown as ArrayBuffer);
    const first = await admin.gql<{ serviceItems: { nodes: { id: string }[] } }>('query($a: ID!) { serviceItems(filter: { areaId: $a }, first: 1) { nodes { id } } }', { a: district });
    const firstItemId = Number(first.data!.serviceItems.nodes[0].id);
    wb.worksheets[0].eachRow((row, n) => {
      if (n > 1) row.getCell(3).value = `${String(row.getCell(3).value)}${SUFFIX}`;
    });
    const fileId = await admin.upload(Buffer.from(await wb.xlsx.writeBuffer()), '事项.xlsx', 'spreadsheet');

    const inFlight = admin.gql(IMPORT, { d: district, f: fileId, dry: false }).then(
      () => 'answered',
      (e: Error) => e.message,
    );
    await waitForOpenWrite(db.url, { sql: 'SELECT id FROM service_items WHERE id = ? FOR UPDATE NOWAIT', params: [firstItemId] });
    await stop('SIGKILL');
    expect(await inFlight).toBe('fetch failed'); // the connection died with the process

    await start();
    admin = await Client.signIn(server!.url, 'admin.sujiatun');
    const after = await catalogueState(admin, district);
    expect(after.total).toBe(2192);
    // Killed inside the transaction: none of its updates survived.
    expect(after.edited).toBe(0);

    const again = await admin.gql<{ importServiceItems: { committed: boolean; updated: number } }>(IMPORT, { d: district, f: fileId, dry: false });
    expect(again.data!.importServiceItems.committed).toBe(true);
    expect(await catalogueState(admin, district)).toEqual({ total: 2192, edited: 2192 });
  }, 480_000);

  it('graceful shutdown under load loses no accepted write', async () => {
    if (!server) await start();
    const admin = await Client.signIn(server!.url, 'admin.sujiatun');
    const district = await sujiatunId(admin);
    const create = (i: number) =>
      admin
        .gql<{ createServiceItem: { id: string } }>('mutation($d: ID!, $i: ServiceItemInput!) { createServiceItem(districtId: $d, input: $i) { id } }', {
          d: district,
          i: {
            basicCode: '0100105000',
            implementationCode: `SHUTDOWN-${i}`,
            name: `停机测试事项${i}`,
            type: 'PUBLIC_SERVICE',
            department: '区政务服务中心',
            byApplication: true,
            onlineDepth: 'FULLY_ONLINE',
            visits: 0,
            caseKind: 'IMMEDIATE',
            highFrequency: false,
          },
        })
        .then((r) => (r.data?.createServiceItem ? `SHUTDOWN-${i}` : null))
        .catch(() => null);
    const writes: Promise<string | null>[] = [];
    for (let i = 0; i < 40; i++) writes.push(create(i));
    await new Promise((r) => setTimeout(r, 30));
    const exit = stop('SIGTERM');
    for (let i = 40; i < 80; i++) writes.push(create(i));
    const accepted = (await Promise.all(writes)).filter((c): c is string => c !== null);
    expect(await exit).toBe(0);
    expect(accepted.length).toBeGreaterThan(0);

    await start();
    const reader = await Client.signIn(server!.url, 'admin.sujiatun');
    const stored = await reader.gql<{ serviceItems: { nodes: { implementationCode: string }[] } }>(
      '{ serviceItems(filter: { search: "SHUTDOWN-" }, first: 100) { nodes { implementationCode } } }',
    );
    const codes = stored.data!.serviceItems.nodes.map((n) => n.implementationCode);
    for (const code of accepted) expect(codes).toContain(code);
  }, 480_000);

  it('a month-end job killed mid-run leaves none of its lights, and runs again cleanly', async () => {
    if (!server) await start();
    const PERIOD = '2020-09';
    const lit = await count(db.url, 'SELECT COUNT(*) AS n FROM project_lights WHERE period = ?', [PERIOD]);
    const lastLit = await count(db.url, 'SELECT MAX(project_id) AS n FROM project_lights WHERE period = ?', [PERIOD]);
    expect(lit).toBeGreaterThan(100);
    await stop('SIGKILL');
    // On MySQL the job is held mid-run: another transaction inserts, and does not commit, the light
    // of the job's last project, so the job's read under lock of which projects are lit waits on that
    // row while holding the month's counts. Killed once that read is seen running, it has certainly not
    // committed. SQLite has one writer and nothing to hold the
    // job mid-run, so there it is killed while it holds the write lock and may have committed in the
    // moment between; either way it must be all or nothing.
    let blocker: mysql.Connection | null = null;
    // The month's lights are deleted with SQL past the service, their counts with them.
    if (db.url.startsWith('sqlite:')) {
      await withDatabase(db.url, 'DELETE FROM project_lights WHERE period = ?', [PERIOD]);
      await withDatabase(db.url, 'DELETE FROM light_counts WHERE period = ?', [PERIOD]);
    } else {
      blocker = await mysql.createConnection(db.url);
      await blocker.query('CREATE TEMPORARY TABLE held_light AS SELECT * FROM project_lights WHERE project_id = ? AND period = ?', [lastLit, PERIOD]);
      await blocker.query('DELETE FROM project_lights WHERE period = ?', [PERIOD]);
      await blocker.query('DELETE FROM light_counts WHERE period = ?', [PERIOD]);
      await blocker.query('BEGIN');
      await blocker.query('INSERT INTO project_lights SELECT * FROM held_light');
    }
    try {
      await start();
      const admin = await Client.signIn(server!.url, 'admin.liaoning');
      const job = admin.gql('mutation($p: Period!) { runMonthEndLights(period: $p) }', { p: PERIOD }).then(
        () => 'answered',
        (e: Error) => e.message,
      );
      // The job reads under lock which projects have a light before inserting: it waits there, on the held light.
      const held = blocker ? waitForStatement(db.url, 'SELECT%FROM%project_lights%FOR UPDATE%') : waitForSqliteWriter(db.url);
      const caught = await Promise.race([held.then(() => 'caught'), job]);
      if (blocker) expect(caught).toBe('caught');
      if (caught === 'caught') await stop('SIGKILL');
      const outcome = await job;
      if (server) await stop('SIGTERM');
      if (blocker) {
        await blocker.query('ROLLBACK');
        await blocker.end();
        blocker = null;
      }
      const stored = await count(db.url, 'SELECT COUNT(*) AS n FROM project_lights WHERE period = ?', [PERIOD]);
      if (db.url.startsWith('sqlite:')) expect(outcome === 'answered' ? [lit] : [0, lit]).toContain(stored);
      else expect(stored).toBe(0);

      await start();
      const again = await (await Client.signIn(server!.url, 'admin.liaoning')).gql<{ runMonthEndLights: number }>('mutation($p: Period!) { runMonthEndLights(period: $p) }', { p: PERIOD });
      expect(again.data!.runMonthEndLights).toBe(lit - stored);
      expect(await count(db.url, 'SELECT COUNT(*) AS n FROM project_lights WHERE period = ?', [PERIOD])).toBe(lit);
      expect(await count(db.url, 'SELECT SUM(green + yellow + red) AS n FROM light_counts WHERE period = ?', [PERIOD])).toBe(lit);
    } finally {
      if (blocker) await blocker.end();
    }
  }, 480_000);

  it('a restart while a vote is open keeps every ballot and refuses repeats; a tally killed mid-count is redone cleanly', async () => {
    if (!server) await start();
    const usernames = Array.from({ length: 40 }, (_, i) => `delegate.${String(i + 101).padStart(3, '0')}`);
    let tokens = await Promise.all(usernames.map((u) => Client.signIn(server!.url, u).then((c) => c.token!)));
    const root = await Client.signIn(server!.url, 'admin.liaoning');
    const cities = await root.gql<{ areas: { children: { id: string; name: string }[] }[] }>('{ areas { children { id name } } }');
    const cityId = cities.data!.areas[0].children.find((c) => c.name === '阜新市')!.id;
    const vote = await openVoteFor(await Client.signIn(server!.url, 'admin.fuxin'), cityId, usernames, tokens, '重启测试会议');
    const first = await Promise.all(tokens.slice(0, 25).map((t, i) => castBallot(server!.url, t, vote, i)));
    const receipts = first.map((r) => r.data!.castBallot.receiptCode);
    const ballotsOf = () =>
      count(db.url, 'SELECT COUNT(*) AS n FROM livelihood_sealed_ballots b JOIN livelihood_rounds r ON r.id = b.round_id WHERE r.session_id = ?', [Number(vote.sessionId)]);
    expect(await ballotsOf()).toBe(25);

    await stop('SIGKILL');
    await start();
    tokens = await Promise.all(usernames.map((u) => Client.signIn(server!.url, u).then((c) => c.token!)));
    expect(await ballotsOf()).toBe(25);
    // Those who voted cannot vote again; the others can; nothing is counted while it is open.
    const repeat = await castBallot(server!.url, tokens[0], vote, 0);
    expect(repeat.errors![0].extensions!.code).toBe('CONFLICT');
    const rest = await Promise.all(tokens.slice(25).map((t, i) => castBallot(server!.url, t, vote, i + 25)));
    expect(rest.every((r) => r.data?.castBallot.receiptCode)).toBe(true);
    expect(await ballotsOf()).toBe(40);

    // Closing killed once its transaction has locked the round: the vote is still open afterwards.
    const cityAdmin = await Client.signIn(server!.url, 'admin.fuxin');
    const roundId = await count(db.url, 'SELECT MAX(id) AS n FROM livelihood_rounds WHERE session_id = ?', [Number(vote.sessionId)]);
    const closing = cityAdmin.gql('mutation($s: ID!, $k: [String!]!) { closeVote(sessionId: $s, shares: $k) { status } }', { s: vote.sessionId, k: vote.shares.slice(0, 2) }).then(
      () => 'answered',
      (e: Error) => e.message,
    );
    // The count is short: kill it if it is caught holding its lock, else it finished first.
    const caught = await Promise.race([waitForOpenWrite(db.url, { sql: 'SELECT id FROM livelihood_rounds WHERE id = ? FOR UPDATE NOWAIT', params: [roundId] }).then(() => 'caught'), closing]);
    if (caught === 'caught') await stop('SIGKILL');
    const outcome = await closing;
    if (server) await stop('SIGTERM');
    await start();
    const admin = await Client.signIn(server!.url, 'admin.fuxin');
    if (outcome === 'fetch failed') {
      const status = await admin.gql<{ voteSession: { status: string } }>('query($s: ID!) { voteSession(id: $s) { status } }', { s: vote.sessionId });
      expect(status.data!.voteSession.status).not.toMatch(/CLOSED|CONCLUDED/);
      const closed = await admin.gql('mutation($s: ID!, $k: [String!]!) { closeVote(sessionId: $s, shares: $k) { status } }', { s: vote.sessionId, k: vote.shares.slice(0, 2) });
      expect(closed.errors).toBeUndefined();
    }
    // Every receipt from before the restart is in the published list, counted as cast.
    for (const code of receipts.slice(0, 5)) {
      const check = await admin.gql<{ verifyReceipt: { found: boolean; counted: boolean } }>('query($s: ID!, $r: String!) { verifyReceipt(sessionId: $s, receiptCode: $r) { found counted } }', { s: vote.sessionId, r: code });
      expect(check.data!.verifyReceipt).toEqual({ found: true, counted: true });
    }
    expect(await ballotsOf()).toBe(40);
  }, 480_000);
});
