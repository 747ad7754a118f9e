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

/**
 * Resolves once another connection is inside a write transaction: on SQLite the write lock is held
 * (BEGIN IMMEDIATE is busy); on MySQL the first item the import updates is locked (FOR UPDATE
 * NOWAIT is refused).
 */
async function waitForOpenWrite(databaseUrl: string, firstItemId: number): Promise<void> {
  const deadline = Date.now() + 20_000;
  if (databaseUrl.startsWith('sqlite:')) {
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
  } else {
    const conn = await mysql.createConnection(databaseUrl);
    try {
      while (Date.now() < deadline) {
        await conn.query('BEGIN');
        try {
          await conn.query('SELECT id FROM service_items WHERE id = ? FOR UPDATE NOWAIT', [firstItemId]);
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
  }
  throw new Error('no write transaction opened within 20 s');
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
    await waitForOpenWrite(db.url, firstItemId);
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
  });

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
  });
});
