import type { EntityManager } from 'typeorm';
import type { Context } from './context';
import { AuditRecord } from './audit/audit-record.entity';
import { toJson } from './columns';
import { blindIndex, isEncryptedProperty } from './crypto/field-encryption';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | number | null;
  areaId?: number | null;
  before?: unknown;
  after?: unknown;
}

/** The unit of work of one mutation: its entity manager and its audit trail, committed together. */
export interface Tx {
  em: EntityManager;
  audit(entry: AuditEntry): Promise<void>;
  /** Says the mutation found nothing to change (a repeated, idempotent call), so it writes no audit record. */
  unchanged(): void;
}

const SENSITIVE = /password|token|hash|secret/i;

/**
 * Strips credentials from audit images whatever the entity calls them, and replaces a value encrypted
 * at rest (a phone number) by a keyed fingerprint: the difference shows it changed, not what it is.
 */
function scrub(value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (Array.isArray(value)) return value.map(scrub);
  if (typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k]) => !SENSITIVE.test(k))
        .map(([k, v]) => [k, isEncryptedProperty(k) && typeof v === 'string' && v !== '' ? encryptedMark(v) : scrub(v)]),
    );
  }
  return value;
}

function encryptedMark(value: string): string {
  return `[已加密 ${blindIndex(value, 'audit').slice(0, 12)}]`;
}

function auditRow(actorUserId: number | null, actorUsername: string | null, requestId: string, entry: AuditEntry) {
  return {
    actorUserId,
    actorUsername,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
    areaId: entry.areaId ?? null,
    before: entry.before === undefined ? null : toJson(scrub(entry.before)),
    after: entry.after === undefined ? null : toJson(scrub(entry.after)),
    requestId,
  };
}

export async function writeAudit(em: EntityManager, ctx: Context, entry: AuditEntry): Promise<void> {
  await em.insert(AuditRecord, auditRow(ctx.viewer.userId, ctx.viewer.username, ctx.requestId, entry));
  ctx.auditWrites += 1;
}

/** An audit record of the system's own work (a background job): no user, the actor named 'system'. */
export async function writeSystemAudit(em: EntityManager, job: string, entry: AuditEntry): Promise<void> {
  await em.insert(AuditRecord, auditRow(null, 'system', job, entry));
}

const RETRYABLE = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);

/** A deadlock or lock wait MySQL ended by rolling the transaction back: running it again may succeed. */
export function isRetryable(error: unknown): boolean {
  const code = (error as { code?: string; driverError?: { code?: string } })?.driverError?.code ?? (error as { code?: string })?.code;
  return !!code && RETRYABLE.has(code);
}

/**
 * Runs a mutation's work in one transaction with its audit records: all of it commits, or none
 * of it does. A deadlock chosen by MySQL is retried (the whole unit, from the start).
 */
export async function mutate<T>(ctx: Context, work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const auditsBefore = ctx.auditWrites;
    try {
      return await ctx.db.transaction(async (em) =>
        work({ em, audit: (entry) => writeAudit(em, ctx, entry), unchanged: () => void (ctx.unchangedMutations += 1) }),
      );
    } catch (error) {
      ctx.auditWrites = auditsBefore;
      if (attempt < 4 && isRetryable(error)) continue;
      throw error;
    }
  }
}
