/**
 * `pnpm backup [--out <folder>]`: a consistent copy of DATABASE_URL (SQLite online backup, or
 * mysqldump --single-transaction) and the uploaded files, with a manifest of SHA-256 sums and the
 * audit chain's head. Runs beside the service. Default folder: DATA_DIR/backups/<time>.
 */
import path from 'node:path';
import { loadConfig } from '../config';
import { backup } from '../db/backup';
import { createLogger } from '../logger';
import { entities } from '../modules';

async function main() {
  const args = process.argv.slice(2);
  const config = loadConfig();
  const at = args.indexOf('--out');
  const out = path.resolve(at >= 0 && args[at + 1] ? args[at + 1] : path.join(config.dataDir, 'backups', new Date().toISOString().replace(/[:.]/g, '-')));
  const manifest = await backup(config, out, entities, createLogger('silent'));
  const uploads = Object.keys(manifest.files).filter((f) => f.startsWith('uploads')).length;
  console.log(`backed up to ${out}: ${manifest.database}, ${uploads} uploaded files, audit head ${manifest.auditHead.seq}:${manifest.auditHead.hash}`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(2);
});
