/**
 * A second process running the month-end job against the same database, for the concurrency
 * test: `node -r src/testing/ts-register.js month-end.child.ts <databaseUrl> <period> <now> <runs>`.
 * Prints "ready", waits for a line on stdin, runs the job and prints the number of lights it added.
 */
import { openDatabase } from '../../db/data-source';
import { createLogger } from '../../logger';
import { entities } from '..';
import { runMonthEndLights } from './lights.service';

async function main(): Promise<void> {
  const [url, period, now, runs] = process.argv.slice(2);
  const db = await openDatabase(url, entities, createLogger('silent'));
  try {
    // Ready: wait for the parent's signal so both processes start the job at the same moment.
    process.stdout.write('ready\n');
    await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
    process.stdin.destroy();
    let added = 0;
    for (let i = 0; i < Number(runs ?? 1); i++) added += await db.transaction((em) => runMonthEndLights(em, period, new Date(now)));
    process.stdout.write(`${added}\n`);
  } finally {
    await db.destroy();
  }
}

main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e));
  process.exit(1);
});
