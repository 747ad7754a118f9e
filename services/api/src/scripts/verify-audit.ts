/**
 * `pnpm verify-audit [--anchor <seq>:<hash> …]`: recomputes the audit chain of the database
 * DATABASE_URL names and says "verified" or the first record where it breaks (exit code 1). Records
 * not yet sealed are counted, not checked. Pass the anchors the service logged ("audit chain anchor")
 * or sent to the webhook to catch a rewrite of the whole chain. After `pnpm audit:archive`, pass the
 * archive files (`--archive <file> …`, with AUDIT_ARCHIVE_SECRET): their signatures and chains are
 * checked, and that they join the database's chain; anchors inside the archived part are checked there.
 */
import { loadConfig } from '../config';
import { auditChainBase, parseAnchor, verifyAuditChain } from '../core/audit/audit-chain';
import { archiveSecret, verifyArchives } from '../core/audit/audit-archive';
import { openDatabase } from '../db/data-source';
import { createLogger } from '../logger';
import { entities } from '../modules';

async function main() {
  const args = process.argv.slice(2);
  const anchors = args.flatMap((a, i) => (args[i - 1] === '--anchor' ? [parseAnchor(a)] : []));
  const archives = args.flatMap((a, i) => (args[i - 1] === '--archive' || (!a.startsWith('--') && args.slice(0, i).includes('--archive') && args[i - 1] !== '--anchor') ? [a] : []));
  const db = await openDatabase(loadConfig().databaseUrl, entities, createLogger('silent'));
  try {
    const base = await auditChainBase(db);
    if (base.seq > 0 || archives.length > 0) {
      const checked = verifyArchives(archives, archiveSecret(), base, anchors);
      if (!checked.ok) {
        console.log(`BROKEN in the archive ${checked.file}: ${checked.reason}`);
        process.exitCode = 1;
        return;
      }
      console.log(`archives verified: places 1–${base.seq} in ${checked.archives.length} files`);
    }
    const result = await verifyAuditChain(db, anchors);
    if (result.ok) {
      console.log(`verified: ${result.sealed} sealed audit records, head ${result.head.seq}:${result.head.hash}; ${result.unsealed} not yet sealed`);
    } else {
      console.log(`BROKEN at place ${result.seq}${result.recordId === null ? '' : ` (audit record ${result.recordId})`}: ${result.reason}`);
      process.exitCode = 1;
    }
  } finally {
    await db.destroy();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(2);
});
