import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { toJson } from '../columns';
import { writeSystemAudit } from '../transaction';
import { AuditChainHead, AuditRecord } from './audit-record.entity';
import { auditChainBase, BASE_ID, GENESIS_HASH, linkHash, sealAuditChain } from './audit-chain';

/**
 * Audit retention (AUDIT_RETENTION_DAYS, at least 180 days as MLPS 2.0 asks; 0 keeps everything).
 * `pnpm audit:archive` writes the sealed records older than the retention, a prefix of the chain, to a
 * signed file (JSON lines: a header, the records with their places and hashes, an HMAC-SHA256 under
 * AUDIT_ARCHIVE_SECRET), then deletes them and records where the kept chain now starts: the last
 * archived place and hash (audit_chain_head row 2). The archive itself is written to the audit trail
 * (`audit.archive`, with the file's SHA-256), so it is chained too. `pnpm verify-audit --archive <file>…`
 * checks each file's signature and chain, that the files follow one another from the first record,
 * and that the last one ends where the database's chain starts.
 */

export interface ArchiveHeader {
  kind: 'kpd-audit-archive';
  format: 1;
  /** First and last place of the chain in the file. */
  from: number;
  to: number;
  /** The hash before the first record (the genesis hash for place 1) and the last record's hash. */
  previousHash: string;
  lastHash: string;
  count: number;
  /** Every record in the file is older than this. */
  before: string;
  createdAt: string;
}

export interface ArchiveResult {
  file: string | null;
  header: ArchiveHeader | null;
  sha256: string | null;
}

function sign(secret: string, text: string): string {
  return createHmac('sha256', secret).update(text).digest('hex');
}

/** The archive's secret: AUDIT_ARCHIVE_SECRET (at least 16 characters). */
export function archiveSecret(env: NodeJS.ProcessEnv = process.env): string {
  const secret = env.AUDIT_ARCHIVE_SECRET ?? '';
  if (secret.length < 16) throw new Error('AUDIT_ARCHIVE_SECRET must be set (at least 16 characters) to sign audit archives');
  return secret;
}

const recordJson = (r: AuditRecord) => toJson({ ...r, at: r.at instanceof Date ? r.at.toISOString() : r.at });

/**
 * Archives and prunes the sealed records older than `before` (a prefix of the chain: it stops at the
 * first record not older). Refuses when that part of the chain does not verify. Nothing to archive:
 * no file. The file is written (and synced) before anything is deleted.
 */
export async function archiveAuditRecords(db: DataSource, before: Date, outDir: string, secret: string): Promise<ArchiveResult> {
  await sealAuditChain(db);
  const base = await auditChainBase(db);
  const repo = db.getRepository(AuditRecord);
  const firstKept = await repo
    .createQueryBuilder('a')
    .select('MIN(a.chainSeq)', 'seq')
    .where('a.chainSeq IS NOT NULL AND a.at >= :before', { before })
    .getRawOne<{ seq: number | string | null }>();
  const head = await db.getRepository(AuditChainHead).findOneByOrFail({ id: 1 });
  const to = firstKept?.seq !== null && firstKept?.seq !== undefined ? Number(firstKept.seq) - 1 : head.seq;
  if (to <= base.seq) return { file: null, header: null, sha256: null };

  const lines: string[] = [];
  let hash = base.hash;
  for (let seq = base.seq; seq < to; ) {
    const rows = await repo.createQueryBuilder('a').where('a.chainSeq > :seq AND a.chainSeq <= :to', { seq, to }).orderBy('a.chainSeq', 'ASC').limit(1000).getMany();
    if (rows.length === 0) throw new Error(`the audit chain has no record at place ${seq + 1}: run pnpm verify-audit`);
    for (const row of rows) {
      if (row.chainSeq !== seq + 1 || linkHash(hash, row) !== row.chainHash) throw new Error(`the audit chain does not verify at place ${seq + 1}: nothing archived (run pnpm verify-audit)`);
      seq = row.chainSeq;
      hash = row.chainHash!;
      lines.push(recordJson(row));
    }
  }
  const header: ArchiveHeader = {
    kind: 'kpd-audit-archive',
    format: 1,
    from: base.seq + 1,
    to,
    previousHash: base.hash,
    lastHash: hash,
    count: lines.length,
    before: before.toISOString(),
    createdAt: new Date().toISOString(),
  };
  const body = [JSON.stringify(header), ...lines].join('\n');
  const text = `${body}\n${JSON.stringify({ signature: sign(secret, body) })}\n`;
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `audit-${String(header.from).padStart(9, '0')}-${String(to).padStart(9, '0')}.jsonl`);
  const temp = `${file}.partial`;
  const fd = fs.openSync(temp, 'w');
  try {
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
  const sha256 = createHash('sha256').update(text).digest('hex');

  await db.transaction(async (em) => {
    const heads = em.getRepository(AuditChainHead);
    if (await heads.existsBy({ id: BASE_ID })) await heads.update({ id: BASE_ID }, { seq: to, hash });
    else await heads.insert({ id: BASE_ID, seq: to, hash });
    await em.getRepository(AuditRecord).createQueryBuilder().delete().from(AuditRecord).where('chain_seq <= :to', { to }).execute();
    await writeSystemAudit(em, 'audit:archive', {
      action: 'audit.archive',
      entityType: 'AuditArchive',
      entityId: `${header.from}-${to}`,
      after: { file: path.basename(file), sha256, from: header.from, to, lastHash: hash, before: header.before },
    });
  });
  return { file, header, sha256 };
}

export type ArchiveCheck = { ok: true; archives: ArchiveHeader[] } | { ok: false; file: string; reason: string };

/**
 * Checks archive files: each one's signature and chain, that they follow one another from place 1,
 * and that the last one ends where the database's chain starts (`base`).
 */
export function verifyArchives(files: string[], secret: string, base: { seq: number; hash: string }, anchors: Array<{ seq: number; hash: string }> = []): ArchiveCheck {
  const pending = new Map(anchors.filter((a) => a.seq <= base.seq).map((a) => [a.seq, a.hash]));
  const archives: Array<{ file: string; header: ArchiveHeader }> = [];
  for (const file of files) {
    const lines = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l !== '');
    const last = JSON.parse(lines.at(-1) ?? '{}') as { signature?: string };
    const body = lines.slice(0, -1).join('\n');
    const expected = Buffer.from(sign(secret, body), 'hex');
    const given = Buffer.from(last.signature ?? '', 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, file, reason: '签名不符：文件被改动，或 AUDIT_ARCHIVE_SECRET 不对' };
    const header = JSON.parse(lines[0]) as ArchiveHeader;
    if (header.kind !== 'kpd-audit-archive') return { ok: false, file, reason: '不是审计归档文件' };
    let hash = header.previousHash;
    let seq = header.from - 1;
    for (const line of lines.slice(1, -1)) {
      const row = JSON.parse(line) as AuditRecord & { at: string };
      const record = Object.assign(new AuditRecord(), row, { at: new Date(row.at) });
      if (record.chainSeq !== seq + 1 || linkHash(hash, record) !== record.chainHash) return { ok: false, file, reason: `第${seq + 1}条与链不符` };
      seq = record.chainSeq;
      hash = record.chainHash!;
      const anchored = pending.get(seq);
      if (anchored !== undefined && anchored !== hash) return { ok: false, file, reason: `第${seq}条的哈希与锚点不符：归档前的链被整体改写` };
      pending.delete(seq);
    }
    if (seq !== header.to || hash !== header.lastHash) return { ok: false, file, reason: '文件的记录与其文件头不符' };
    archives.push({ file, header });
  }
  archives.sort((a, b) => a.header.from - b.header.from);
  let seq = 0;
  let hash = GENESIS_HASH;
  for (const { file, header } of archives) {
    if (header.from !== seq + 1 || header.previousHash !== hash) return { ok: false, file, reason: `归档不连续：应从第${seq + 1}条接上` };
    seq = header.to;
    hash = header.lastHash;
  }
  if (seq !== base.seq || hash !== base.hash) return { ok: false, file: archives.at(-1)?.file ?? '', reason: `归档止于第${seq}条，数据库中的链从第${base.seq}条之后开始` };
  const missing = [...pending.keys()].sort((a, b) => a - b)[0];
  if (missing !== undefined) return { ok: false, file: '', reason: `锚点第${missing}条不在任何归档中` };
  return { ok: true, archives: archives.map((a) => a.header) };
}
