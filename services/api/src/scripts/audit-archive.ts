/**
 * `pnpm audit:archive [--out <folder>] [--before <YYYY-MM-DD>]`: writes the sealed audit records older
 * than AUDIT_RETENTION_DAYS (or --before) to a file signed with AUDIT_ARCHIVE_SECRET, then deletes them
 * from the database; the kept chain starts where the file ends (see core/audit/audit-archive.ts).
 * Default folder: DATA_DIR/audit-archive. Keep the files with the backups: `pnpm verify-audit --archive`
 * needs every one of them.
 */
import path from 'node:path';
import { loadConfig } from '../config';
import { archiveAuditRecords, archiveSecret } from '../core/audit/audit-archive';
import { today } from '../core/clock';
import { openDatabase } from '../db/data-source';
import { createLogger } from '../logger';
import { entities } from '../modules';

async function main() {
  const args = process.argv.slice(2);
  const arg = (name: string) => (args.indexOf(name) >= 0 ? args[args.indexOf(name) + 1] : undefined);
  const config = loadConfig();
  const secret = archiveSecret();
  let before: Date;
  const given = arg('--before');
  if (given) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(given)) throw new Error('--before takes a day, YYYY-MM-DD');
    before = new Date(`${given}T00:00:00Z`);
  } else {
    if (config.auditRetentionDays === 0) throw new Error('AUDIT_RETENTION_DAYS is 0 (keep everything): set it (at least 180) or pass --before');
    before = new Date(Date.parse(`${today()}T00:00:00Z`) - config.auditRetentionDays * 86_400_000);
  }
  const minimum = Date.parse(`${today()}T00:00:00Z`) - 180 * 86_400_000;
  if (before.getTime() > minimum) throw new Error('MLPS 2.0 asks for at least 180 days of audit records: --before must be 180 days ago or earlier');
  const out = path.resolve(arg('--out') ?? path.join(config.dataDir, 'audit-archive'));
  const db = await openDatabase(config.databaseUrl, entities, createLogger('silent'));
  try {
    const result = await archiveAuditRecords(db, before, out, secret);
    if (!result.header) console.log(`nothing to archive: no sealed audit record before ${before.toISOString().slice(0, 10)}`);
    else console.log(`archived places ${result.header.from}–${result.header.to} (${result.header.count} records before ${result.header.before.slice(0, 10)}) to ${result.file}, sha256 ${result.sha256}; the database's chain now starts after ${result.header.to}:${result.header.lastHash}`);
  } finally {
    await db.destroy();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
