/**
 * `pnpm restore <backup folder> [--replace]`: loads a backup of `pnpm backup` into DATABASE_URL (an
 * empty database, or with --replace the current one, the service stopped) and DATA_DIR's uploads,
 * then verifies it: the files against their SHA-256 sums, the audit chain up to the recorded head.
 * Exit code 0: restored and verified; 1: refused or did not verify (the message says why).
 */
import path from 'node:path';
import { loadConfig } from '../config';
import { restore } from '../db/backup';
import { createLogger } from '../logger';
import { entities } from '../modules';

async function main() {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--'));
  if (!dir) throw new Error('usage: pnpm restore <backup folder> [--replace]');
  const result = await restore(loadConfig(), path.resolve(dir), entities, createLogger('silent'), { replace: args.includes('--replace') });
  console.log(`restored ${path.resolve(dir)} (taken ${result.manifest.createdAt}): verified, ${result.auditSealed} sealed audit records up to at least ${result.manifest.auditHead.seq}, ${result.uploads} uploaded files`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
