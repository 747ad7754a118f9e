/**
 * `pnpm verify-publication <id>`: recomputes the SHA-256 of a published light board from the rows
 * stored for it in the database DATABASE_URL names, and says whether it matches the hash published;
 * `pnpm verify-publication ranking:<id>` does the same for a published ranking (排名通报).
 * Exit code 0 when it does, 1 when it does not (or the publication is missing).
 */
import { loadConfig } from '../config';
import { openDatabase } from '../db/data-source';
import { createLogger } from '../logger';
import { entities } from '../modules';
import { verifyPublication } from '../modules/projects/light-board.service';
import { verifyRankingPublication } from '../modules/rankings/rankings.service';

async function main(): Promise<number> {
  const arg = process.argv[2];
  const ranking = arg?.match(/^ranking:(\d+)$/);
  if (!arg || (!/^\d+$/.test(arg) && !ranking)) {
    process.stderr.write('usage: pnpm verify-publication <publication id> | ranking:<ranking publication id>\n');
    return 2;
  }
  const db = await openDatabase(loadConfig().databaseUrl, entities, createLogger('silent'));
  try {
    if (ranking) {
      const r = await verifyRankingPublication(db.manager, Number(ranking[1]));
      process.stdout.write(`ranking publication ${r.id}\n  published sha256: ${r.stored ?? '(none: published before rankings were hashed)'}\n  computed sha256:  ${r.computed}\n`);
      process.stdout.write(r.ok ? 'OK: the stored rows are what was published\n' : 'MISMATCH: the stored rows are not what was published\n');
      return r.ok ? 0 : 1;
    }
    const r = await verifyPublication(db.manager, Number(arg));
    process.stdout.write(`publication ${r.id}\n  published sha256: ${r.stored ?? '(none)'}\n  computed sha256:  ${r.computed ?? '(no stored rows)'}\n`);
    if (!r.canonical && r.computed) process.stdout.write('  the stored rows are not in canonical form: they were changed after publication\n');
    process.stdout.write(r.ok ? 'OK: the stored rows are what was published\n' : 'MISMATCH: the stored rows are not what was published\n');
    return r.ok ? 0 : 1;
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return 1;
  } finally {
    await db.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
