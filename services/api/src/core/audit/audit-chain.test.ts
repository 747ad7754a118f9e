import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { openDatabase } from '../../db/data-source';
import { createLogger } from '../../logger';
import { entities } from '../../modules';
import { DRIVERS, startTestServer, type TestServer } from '../../testing/harness';
import { writeSystemAudit } from '../transaction';
import { auditChainHead, linkHash, parseAnchor, sealAuditChain, verifyAuditChain } from './audit-chain';
import { AuditChainHead, AuditRecord } from './audit-record.entity';

describe.each(DRIVERS)('the audit chain [%s]', (driver) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(driver);
  }, 120_000);
  afterAll(() => t.close());

  const db = () => t.server.db;
  const records = () => db().getRepository(AuditRecord).find({ order: { chainSeq: 'ASC' } });
  async function writeSome(n: number, tag: string) {
    await db().transaction(async (em) => {
      for (let i = 0; i < n; i++) await writeSystemAudit(em, 'test', { action: `test.${tag}`, entityType: 'Test', entityId: `${tag}-${i}`, areaId: null, before: null, after: { i, tag } });
    });
  }

  it('seals every record once, in one chain, even with two processes sealing at once, and verifies', async () => {
    // A change made through the API writes its audit record in its own transaction…
    const token = await t.login('admin.shenyang');
    const made = await t.gql('mutation { createApiToken(input: { name: "月报分析", expiresInDays: 30 }) { token } }', {}, token);
    expect(made.errors).toBeUndefined();
    await writeSome(40, 'a');
    const written = await db().getRepository(AuditRecord).count();
    expect(written).toBeGreaterThanOrEqual(41);
    expect((await verifyAuditChain(db())).ok && (await verifyAuditChain(db()))).toMatchObject({ sealed: 0, unsealed: written });

    // …and the sealing job chains it. A second process: its own pool on the same database.
    const other = await openDatabase((await t.context('admin.shenyang')).config.databaseUrl, entities, createLogger('silent'));
    try {
      const sealed =
        driver === 'mysql'
          ? await Promise.all([sealAuditChain(db()), sealAuditChain(other), sealAuditChain(db())])
          : // SQLite: one process's transactions queue on its gate; the other "process" runs after.
            [...(await Promise.all([sealAuditChain(db()), sealAuditChain(db())])), await sealAuditChain(other)];
      expect(sealed.reduce((a, b) => a + b, 0)).toBe(written);
    } finally {
      await other.destroy();
    }
    const chained = await records();
    expect(chained.map((r) => r.chainSeq)).toEqual(chained.map((_, i) => i + 1));
    expect(chained.some((r) => r.action === 'apiToken.create' || r.entityType === 'ApiToken')).toBe(true);
    const verified = await verifyAuditChain(db());
    expect(verified).toMatchObject({ ok: true, sealed: written, unsealed: 0 });
    expect(await auditChainHead(db())).toEqual({ seq: written, hash: chained[chained.length - 1].chainHash });

    // Later records continue the chain from its head.
    await writeSome(3, 'b');
    expect(await sealAuditChain(db())).toBe(3);
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true, sealed: written + 3 });
  }, 120_000);

  it('names the first record edited by SQL after sealing, and the one deleted', async () => {
    const all = await records();
    const victim = all[4];
    const original = victim.after;
    await db().query(`UPDATE audit_records SET after = '{"i":999}' WHERE id = ${victim.id}`);
    const edited = await verifyAuditChain(db());
    expect(edited).toMatchObject({ ok: false, recordId: victim.id, seq: victim.chainSeq });
    if (!edited.ok) expect(edited.reason).toContain('封存后被改动');
    await db().query(`UPDATE audit_records SET after = ? WHERE id = ${victim.id}`, [original]);
    expect((await verifyAuditChain(db())).ok).toBe(true);

    // Changing who did it is caught the same way.
    await db().query(`UPDATE audit_records SET actor_username = 'someone.else' WHERE id = ${all[7].id}`);
    expect(await verifyAuditChain(db())).toMatchObject({ ok: false, recordId: all[7].id });
    await db().query(`UPDATE audit_records SET actor_username = ? WHERE id = ${all[7].id}`, [all[7].actorUsername]);

    const removed = all[10];
    await db().getRepository(AuditRecord).delete({ id: removed.id });
    const gap = await verifyAuditChain(db());
    expect(gap).toMatchObject({ ok: false, seq: removed.chainSeq, recordId: all[11].id });
    if (!gap.ok) expect(gap.reason).toContain('缺失');
    await db().getRepository(AuditRecord).insert(removed);
    expect((await verifyAuditChain(db())).ok).toBe(true);

    // Deleting the newest records is caught by the head.
    const last = all[all.length - 1];
    await db().getRepository(AuditRecord).delete({ id: last.id });
    expect(await verifyAuditChain(db())).toMatchObject({ ok: false, seq: last.chainSeq });
    await db().getRepository(AuditRecord).insert(last);
    expect((await verifyAuditChain(db())).ok).toBe(true);
  }, 120_000);

  it('catches a rewrite of the whole chain after an edit only through an anchor kept outside the database', async () => {
    const head = await auditChainHead(db());
    const anchor = parseAnchor(`${head.seq}:${head.hash}`);
    const all = await records();
    // An insider edits record 2 and recomputes every later hash and the head: the chain alone holds…
    await db().query(`UPDATE audit_records SET action = 'test.nothing' WHERE id = ${all[1].id}`);
    let hash = all[0].chainHash!;
    for (const r of (await records()).slice(1)) {
      hash = linkHash(hash, r);
      await db().getRepository(AuditRecord).update({ id: r.id }, { chainHash: hash });
    }
    await db().getRepository(AuditChainHead).update({ id: 1 }, { hash });
    expect((await verifyAuditChain(db())).ok).toBe(true);
    // …but not against the anchor published before the rewrite.
    const checked = await verifyAuditChain(db(), [anchor]);
    expect(checked).toMatchObject({ ok: false, seq: anchor.seq });
    expect(() => parseAnchor('12:nothex')).toThrow('<place>:<64 hex digits>');
  }, 120_000);

  it('`pnpm verify-audit` says verified, and names the record an SQL edit broke', async () => {
    // Start from an honest chain again: reseal everything from scratch.
    await db().query('UPDATE audit_records SET chain_seq = NULL, chain_hash = NULL');
    await db().getRepository(AuditChainHead).delete({ id: 1 });
    await sealAuditChain(db());
    const api = path.resolve(__dirname, '../../..');
    const databaseUrl = (await t.context('admin.shenyang')).config.databaseUrl;
    const run = (...args: string[]) =>
      promisify(execFile)(process.execPath, ['-r', path.join(api, 'src/testing/ts-register.js'), path.join(api, 'src/scripts/verify-audit.ts'), ...args], {
        env: { ...process.env, DATABASE_URL: databaseUrl },
      }).then(
        (r) => ({ code: 0, out: r.stdout }),
        (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
      );
    const head = await auditChainHead(db());
    const good = await run('--anchor', `${head.seq}:${head.hash}`);
    expect(good).toMatchObject({ code: 0 });
    expect(good.out).toContain(`verified: ${head.seq} sealed audit records`);
    const victim = (await records())[2];
    await db().query(`UPDATE audit_records SET entity_id = 'x' WHERE id = ${victim.id}`);
    const bad = await run();
    expect(bad.code).toBe(1);
    expect(bad.out).toContain(`BROKEN at place ${victim.chainSeq} (audit record ${victim.id})`);
  }, 120_000);
});
