/**
 * The audit trail as a hash chain. Every audit record is written by the transaction of its change
 * (core/transaction.ts) and sealed shortly after by a job: sealing gives each record its place in
 * the chain (`chainSeq`, 1, 2, 3 …) and `chainHash = SHA-256(previous chainHash + its content)`.
 * Editing or deleting a sealed record by SQL breaks the chain at that record, and `pnpm verify-audit`
 * names it. Someone able to rewrite the whole tail of the chain (every later hash and the head row)
 * is caught by the anchors: the head's place and hash, written to the log and an optional webhook
 * once a day, outside the database's reach (`verify-audit --anchor <seq>:<hash>`).
 *
 * Sealing runs apart from the change's transaction so that mutations never queue on one chain lock;
 * the price is a window (the sealing interval, a minute by default) in which a fresh record is not
 * yet chained. Records are chained in the order the job finds them committed, not by id: a
 * transaction that commits late is sealed late, never inserted before a sealed record.
 */
import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { forUpdate } from '../row-locks';
import { AuditChainHead, AuditRecord } from './audit-record.entity';

/** The hash before the first record. */
export const GENESIS_HASH = '0'.repeat(64);
const HEAD_ID = 1;
/** The row of audit_chain_head holding where the kept chain starts after an archive. */
export const BASE_ID = 2;
const BATCH = 500;

/** What the chain hash covers: every column of the record but its place and hash, in a fixed order. */
export function auditContent(r: AuditRecord): string {
  return JSON.stringify([
    r.id,
    r.at instanceof Date ? r.at.toISOString() : String(r.at),
    r.actorUserId,
    r.actorUsername,
    r.action,
    r.entityType,
    r.entityId,
    r.areaId,
    r.before,
    r.after,
    r.requestId,
  ]);
}

/** The link after `previous` for a record. */
export function linkHash(previous: string, record: AuditRecord): string {
  return createHash('sha256').update(previous).update('\n').update(auditContent(record)).digest('hex');
}

async function ensureHead(db: DataSource | EntityManager): Promise<void> {
  const repo = db.getRepository(AuditChainHead);
  if (await repo.existsBy({ id: HEAD_ID })) return;
  try {
    await repo.insert({ id: HEAD_ID, seq: 0, hash: GENESIS_HASH });
  } catch (e) {
    // Another process created it first.
    if (!(await repo.existsBy({ id: HEAD_ID }))) throw e;
  }
}

/**
 * Chains every committed record not yet sealed; answers how many it sealed. Safe to run in several
 * processes at once: each batch holds the head row's lock, so a record gets exactly one place.
 */
export async function sealAuditChain(db: DataSource): Promise<number> {
  await ensureHead(db);
  let sealed = 0;
  for (;;) {
    const n = await db.transaction(async (em) => {
      const head = await forUpdate(em, em.getRepository(AuditChainHead).createQueryBuilder('h').where('h.id = :id', { id: HEAD_ID })).getOneOrFail();
      const rows = await em
        .getRepository(AuditRecord)
        .createQueryBuilder('a')
        .where('a.chainSeq IS NULL')
        .orderBy('a.id', 'ASC')
        .limit(BATCH)
        .getMany();
      let { seq, hash } = head;
      for (const row of rows) {
        seq += 1;
        hash = linkHash(hash, row);
        await em.update(AuditRecord, { id: row.id }, { chainSeq: seq, chainHash: hash });
      }
      if (rows.length) await em.update(AuditChainHead, { id: HEAD_ID }, { seq, hash });
      return rows.length;
    });
    sealed += n;
    if (n < BATCH) return sealed;
  }
}

/**
 * Where the chain kept in the database starts: place 0 and the genesis hash, or the last archived
 * record's place and hash (row 2 of audit_chain_head, written by the archive with its pruning).
 */
export async function auditChainBase(db: DataSource | EntityManager): Promise<{ seq: number; hash: string }> {
  const base = await db.getRepository(AuditChainHead).findOneBy({ id: BASE_ID });
  return base ? { seq: base.seq, hash: base.hash } : { seq: 0, hash: GENESIS_HASH };
}

/** The head of the chain as it stands: the place and hash an anchor records. */
export async function auditChainHead(db: DataSource): Promise<{ seq: number; hash: string }> {
  const head = await db.getRepository(AuditChainHead).findOneBy({ id: HEAD_ID });
  return head ? { seq: head.seq, hash: head.hash } : { seq: 0, hash: GENESIS_HASH };
}

export interface AuditAnchor {
  seq: number;
  hash: string;
}

/** `"<seq>:<hash>"`, as the anchor log line prints it. */
export function parseAnchor(text: string): AuditAnchor {
  const m = /^(\d+):([0-9a-f]{64})$/.exec(text.trim());
  if (!m) throw new Error(`An anchor is "<place>:<64 hex digits>", not "${text}"`);
  return { seq: Number(m[1]), hash: m[2] };
}

export type AuditVerification =
  | { ok: true; sealed: number; unsealed: number; head: AuditAnchor }
  | { ok: false; sealed: number; unsealed: number; recordId: number | null; seq: number; reason: string };

/**
 * Recomputes the chain from its first record: each place follows the last, each hash is the link of
 * the one before and the record as it is now, the head row matches the last record, and every
 * anchor given still holds. Stops at the first break and names the record.
 */
export async function verifyAuditChain(db: DataSource, anchors: AuditAnchor[] = []): Promise<AuditVerification> {
  const repo = db.getRepository(AuditRecord);
  const unsealed = await repo.createQueryBuilder('a').where('a.chainSeq IS NULL').getCount();
  // After an archive (AUDIT_RETENTION_DAYS), the chain in the database starts after the archived part,
  // from the place and hash the archive ended at; anchors inside the archived part are checked against
  // the archive files (verify-audit --archive), not here.
  const base = await auditChainBase(db);
  const pending = new Map(anchors.filter((a) => a.seq > base.seq).map((a) => [a.seq, a.hash]));
  let seq = base.seq;
  let hash = base.hash;
  const broken = (recordId: number | null, at: number, reason: string): AuditVerification => ({ ok: false, sealed: seq, unsealed, recordId, seq: at, reason });
  for (;;) {
    const rows = await repo.createQueryBuilder('a').where('a.chainSeq > :seq', { seq }).orderBy('a.chainSeq', 'ASC').limit(1000).getMany();
    for (const row of rows) {
      if (row.chainSeq !== seq + 1) return broken(row.id, seq + 1, `第${seq + 1}条记录缺失（被删除？），链从第${seq}条跳到第${row.chainSeq}条`);
      const expected = linkHash(hash, row);
      if (row.chainHash !== expected) return broken(row.id, row.chainSeq, `第${row.chainSeq}条（审计记录 ${row.id}）的内容或哈希与链不符：记录在封存后被改动`);
      seq = row.chainSeq;
      hash = expected;
      const anchored = pending.get(seq);
      if (anchored !== undefined) {
        if (anchored !== hash) return broken(row.id, seq, `第${seq}条的哈希与锚点不符：此前的链被整体改写`);
        pending.delete(seq);
      }
    }
    if (rows.length < 1000) break;
  }
  const head = await auditChainHead(db);
  if (head.seq !== seq || head.hash !== hash) return broken(null, seq + 1, `链止于第${seq}条，链头记为第${head.seq}条：末尾的记录被删除或链头被改动`);
  const missing = [...pending.keys()].sort((a, b) => a - b)[0];
  if (missing !== undefined) return broken(null, missing, `锚点第${missing}条不在链中：链被截短`);
  return { ok: true, sealed: seq, unsealed, head };
}
