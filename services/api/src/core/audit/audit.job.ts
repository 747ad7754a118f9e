import { createHmac } from 'node:crypto';
import { scheduleJob } from '../jobs';
import { registerGauge } from '../metrics/metrics';
import { AuditRecord } from './audit-record.entity';
import type { ModuleServices } from '../module';
import { auditChainHead, sealAuditChain } from './audit-chain';

/**
 * Sends the chain's head to the operator's webhook, if one is configured: a JSON body
 * `{ "seq", "hash", "at" }`, signed with HMAC-SHA256 of the body in `X-KPD-Signature` when
 * AUDIT_ANCHOR_WEBHOOK_SECRET is set. Kept outside the database, the anchors catch a rewrite of the
 * whole chain that the chain alone cannot.
 */
export async function publishAuditAnchor(services: ModuleServices, env: NodeJS.ProcessEnv = process.env): Promise<{ seq: number; hash: string }> {
  await sealAuditChain(services.db);
  const head = await auditChainHead(services.db);
  services.log.info({ auditAnchor: `${head.seq}:${head.hash}` }, 'audit chain anchor');
  const url = env.AUDIT_ANCHOR_WEBHOOK_URL?.trim();
  if (url) {
    const body = JSON.stringify({ seq: head.seq, hash: head.hash, at: new Date().toISOString() });
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const secret = env.AUDIT_ANCHOR_WEBHOOK_SECRET;
    if (secret) headers['x-kpd-signature'] = createHmac('sha256', secret).update(body).digest('hex');
    const res = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000) });
    if (!res.ok) throw new Error(`the audit anchor webhook answered ${res.status}`);
  }
  return head;
}

/**
 * Seals new audit records every AUDIT_SEAL_MINUTES (default 1) and publishes the chain's head every
 * AUDIT_ANCHOR_MINUTES (default 1440: daily), in every API process (sealing is safe to run in
 * several at once). Off in tests, which call the functions directly.
 */
export function startAuditJobs(services: ModuleServices): void {
  registerGauge({
    name: 'kpd_audit_unsealed_records',
    help: 'Audit records written but not yet sealed into the hash chain (should stay near one sealing interval of writes).',
    read: async (db) => [{ labels: {}, value: await db.getRepository(AuditRecord).createQueryBuilder('a').where('a.chainSeq IS NULL').getCount() }],
  });
  scheduleJob(services, {
    name: 'audit sealing',
    intervalVariable: 'AUDIT_SEAL_MINUTES',
    defaultMinutes: 1,
    firstRunAfterMs: 15_000,
    run: (s) => sealAuditChain(s.db),
  });
  scheduleJob(services, {
    name: 'audit anchor',
    intervalVariable: 'AUDIT_ANCHOR_MINUTES',
    defaultMinutes: 24 * 60,
    firstRunAfterMs: 5 * 60_000,
    run: async (s) => (await publishAuditAnchor(s), 0),
  });
}
