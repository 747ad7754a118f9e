import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { loadConfig } from '../config';
import { sealAuditChain } from '../core/audit/audit-chain';
import { createLogger } from '../logger';
import { entities } from '../modules';
import { backup, readManifest, restore, MANIFEST } from './backup';
import { openDatabase } from './data-source';
import { scratchDatabase, type ScratchDatabase } from './scratch-database';
import { DRIVERS, TEST_FIELD_KEY, startTestServer, type TestServer } from '../testing/harness';

const CREATE = 'mutation($i: CreateSecretaryInput!) { createSecretary(input: $i) { id } }';
const log = createLogger('silent');
const configFor = (databaseUrl: string, dataDir: string) => loadConfig({ NODE_ENV: 'test', FIELD_ENCRYPTION_KEY: TEST_FIELD_KEY }, { databaseUrl, dataDir });

describe.each(DRIVERS)('pnpm backup and pnpm restore [%s]', (driver) => {
  let t: TestServer;
  let target: ScratchDatabase;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kpd-backup-'));
  const out = path.join(work, 'backup');
  const restoredData = path.join(work, 'restored-data');
  let acknowledged: string[] = [];
  beforeAll(async () => {
    t = await startTestServer(driver);
    target = await scratchDatabase(driver, 'restore');
  });
  afterAll(async () => {
    await t.close();
    await target.drop();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('copies a running server under write load, and the restore holds every write acknowledged before the copy', async () => {
    const admin = await t.login('admin.sujiatun');
    const districts = await t.gql<{ districts: { id: string; name: string }[] }>('{ districts { id name } }', {}, admin);
    const sujiatun = districts.data!.districts.find((d) => d.name === '苏家屯区')!.id;
    let n = 0;
    const written: string[] = [];
    let writing = true;
    const writer = (async () => {
      while (writing) {
        n += 1;
        const res = await t.gql<{ createSecretary: { id: string } }>(CREATE, { i: { districtId: sujiatun, name: `备份${n}`, workUnit: '苏家屯区发改局', contact: `手机 1390000${String(n).padStart(4, '0')}` } }, admin);
        if (res.data?.createSecretary) written.push(res.data.createSecretary.id);
      }
    })();
    while (written.length < 15) await new Promise((r) => setTimeout(r, 20));
    await sealAuditChain(t.server.db);
    fs.mkdirSync(path.join(t.dataDir, 'uploads', 'ab'), { recursive: true });
    fs.writeFileSync(path.join(t.dataDir, 'uploads', 'ab', 'photo.jpg'), 'a picture');
    acknowledged = [...written];
    const manifest = await backup(configFor(t.databaseUrl, t.dataDir), out, entities, log);
    writing = false;
    await writer;
    expect(manifest.auditHead.seq).toBeGreaterThan(15);
    expect(Object.keys(manifest.files).sort()).toEqual([manifest.database, path.join('uploads', 'ab', 'photo.jpg')].sort());
    expect(written.length).toBeGreaterThan(acknowledged.length); // writes went on during the copy

    const result = await restore(configFor(target.url, restoredData), out, entities, log);
    expect(result.auditSealed).toBeGreaterThanOrEqual(manifest.auditHead.seq);
    expect(result.uploads).toBe(1);
    expect(fs.readFileSync(path.join(restoredData, 'uploads', 'ab', 'photo.jpg'), 'utf8')).toBe('a picture');
    const db = await openDatabase(target.url, entities, log);
    try {
      const rows: { id: number | string; name: string }[] = await db.query(`SELECT id, name FROM secretaries WHERE name LIKE '备份%'`);
      const ids = new Set(rows.map((r) => String(r.id)));
      expect(acknowledged.filter((id) => !ids.has(id))).toEqual([]);
      // The encrypted phone numbers came across and read with the same key.
      const [one] = await db.query(`SELECT contact FROM secretaries WHERE id = ${Number(acknowledged[0])}`);
      expect(String(one.contact)).toMatch(/^enc:test:/);
    } finally {
      await db.destroy();
    }
  });

  it('refuses to overwrite a database without --replace, and restores over it with it', async () => {
    await expect(restore(configFor(target.url, restoredData), out, entities, log)).rejects.toThrow(/--replace/);
    const again = await restore(configFor(target.url, restoredData), out, entities, log, { replace: true });
    expect(again.auditSealed).toBeGreaterThan(15);
  });

  it('refuses a damaged backup, and one whose audit records were edited (even with the sums recomputed)', async () => {
    const manifest = readManifest(out);
    const file = path.join(out, manifest.database);
    const original = fs.readFileSync(file);
    fs.appendFileSync(file, driver === 'sqlite' ? Buffer.from([0]) : '\n-- edited\n');
    await expect(restore(configFor(target.url, restoredData), out, entities, log, { replace: true })).rejects.toThrow(/damaged/);
    fs.writeFileSync(file, original);

    // Someone with the backup rewrites a sealed audit record and the manifest's sums to match.
    if (driver === 'sqlite') {
      const copy = new Database(file);
      copy.prepare("UPDATE audit_records SET actor_username = 'someone.else' WHERE chain_seq = 3").run();
      copy.close();
    } else {
      const dump = fs.readFileSync(file, 'utf8');
      expect(dump).toContain("'admin.sujiatun'");
      fs.writeFileSync(file, dump.replace("'admin.sujiatun'", "'someone.else'"));
    }
    const forged = { ...manifest, files: { ...manifest.files, [manifest.database]: createHash('sha256').update(fs.readFileSync(file)).digest('hex') } };
    fs.writeFileSync(path.join(out, MANIFEST), JSON.stringify(forged));
    await expect(restore(configFor(target.url, restoredData), out, entities, log, { replace: true })).rejects.toThrow(/audit chain does not verify/);
  });
});
