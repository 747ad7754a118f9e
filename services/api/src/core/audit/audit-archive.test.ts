import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DRIVERS, startTestServer, type TestServer } from '../../testing/harness';
import { writeSystemAudit } from '../transaction';
import { archiveAuditRecords, verifyArchives } from './audit-archive';
import { auditChainBase, BASE_ID, sealAuditChain, verifyAuditChain } from './audit-chain';
import { AuditChainHead, AuditRecord } from './audit-record.entity';

const SECRET = 'archive-secret-for-tests';

describe.each(DRIVERS)('audit retention: archive, prune, and a chain that still verifies [%s]', (driver) => {
  let t: TestServer;
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'kpd-audit-archive-'));
  let file = '';
  let archivedTo = 0;
  beforeAll(async () => {
    t = await startTestServer(driver);
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(out, { recursive: true, force: true });
  });
  const db = () => t.server.db;
  const write = (n: number, tag: string) =>
    db().transaction(async (em) => {
      for (let i = 0; i < n; i++) await writeSystemAudit(em, 'test', { action: `test.${tag}`, entityType: 'Test', entityId: `${tag}-${i}`, after: { i } });
    });

  it('archives the records older than the retention to a signed file, prunes them, and the kept chain verifies', async () => {
    await write(20, 'old');
    // Records from 2019 (dated before they are sealed, so their hashes cover the old date).
    await db().getRepository(AuditRecord).createQueryBuilder().update().set({ at: new Date('2019-06-01T00:00:00Z') }).where('chain_seq IS NULL').execute();
    await sealAuditChain(db());
    await write(10, 'new');
    await sealAuditChain(db());
    const total = await db().getRepository(AuditRecord).count();

    const result = await archiveAuditRecords(db(), new Date('2020-01-01T00:00:00Z'), out, SECRET);
    expect(result.header).toMatchObject({ from: 1, count: result.header!.to });
    expect(result.header!.to).toBeGreaterThanOrEqual(20);
    file = result.file!;
    archivedTo = result.header!.to;
    expect(fs.existsSync(file)).toBe(true);
    // Pruned, and the archive itself is a new audit record.
    expect(await db().getRepository(AuditRecord).count()).toBe(total - archivedTo + 1);
    expect(await db().getRepository(AuditRecord).countBy({ action: 'audit.archive' })).toBe(1);
    await sealAuditChain(db());
    const verified = await verifyAuditChain(db());
    expect(verified).toMatchObject({ ok: true, unsealed: 0 });
    expect(await auditChainBase(db())).toEqual({ seq: archivedTo, hash: result.header!.lastHash });

    expect(verifyArchives([file], SECRET, await auditChainBase(db()))).toMatchObject({ ok: true });
    // Again: nothing more is old enough.
    expect((await archiveAuditRecords(db(), new Date('2020-01-01T00:00:00Z'), out, SECRET)).file).toBeNull();
  });

  it('checks anchors inside the archive against the file', async () => {
    const base = await auditChainBase(db());
    const line = fs.readFileSync(file, 'utf8').split('\n')[5];
    const fifth = JSON.parse(line) as { chainSeq: number; chainHash: string };
    expect(verifyArchives([file], SECRET, base, [{ seq: fifth.chainSeq, hash: fifth.chainHash }])).toMatchObject({ ok: true });
    expect(verifyArchives([file], SECRET, base, [{ seq: fifth.chainSeq, hash: 'f'.repeat(64) }])).toMatchObject({ ok: false, reason: expect.stringContaining('锚点') });
  });

  it.each([
    ['an edited archive', (text: string) => text.replace('"test.old"', '"test.odd"'), SECRET, /签名不符/],
    ['the wrong secret', (text: string) => text, 'another-secret-entirely', /签名不符/],
  ])('refuses %s', async (_name, edit, secret, reason) => {
    const copy = path.join(out, 'copy.jsonl');
    fs.writeFileSync(copy, edit(fs.readFileSync(file, 'utf8')));
    const check = verifyArchives([copy], secret, await auditChainBase(db()));
    expect(check.ok).toBe(false);
    expect(!check.ok && check.reason).toMatch(reason);
  });

  it('catches records deleted beyond the archive with the kept chain’s start moved to hide it', async () => {
    expect(verifyArchives([], SECRET, await auditChainBase(db()))).toMatchObject({ ok: false });
    // Someone deletes the next two records by SQL and moves the start to match.
    const next = await db().getRepository(AuditRecord).find({ where: {}, order: { chainSeq: 'ASC' }, take: 2 });
    await db().getRepository(AuditRecord).delete(next.map((r) => r.id));
    await db().getRepository(AuditChainHead).update({ id: BASE_ID }, { seq: next[1].chainSeq!, hash: next[1].chainHash! });
    expect((await verifyAuditChain(db())).ok).toBe(true); // the database alone cannot tell…
    const check = verifyArchives([file], SECRET, await auditChainBase(db()));
    expect(check).toMatchObject({ ok: false, reason: expect.stringContaining(`归档止于第${archivedTo}条`) }); // …the archives can
  });
});
