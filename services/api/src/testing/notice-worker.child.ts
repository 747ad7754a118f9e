/**
 * A second process running the notice worker against the same database, for the exactly-once
 * test: `node -r src/testing/ts-register.js notice-worker.child.ts <databaseUrl> <owner>`.
 * Prints "ready", waits for a line on stdin, runs the worker until two passes in a row find
 * nothing to do, and prints how many deliveries the gateways accepted from it.
 */
import { keyringFromEnv, useFieldKeyring } from '../core/crypto/field-encryption';
import { noticeWorkerTick, workerOptions } from '../core/notices/worker';
import { openDatabase } from '../db/data-source';
import { createLogger } from '../logger';
import { entities } from '../modules';

async function main(): Promise<void> {
  const [url, owner] = process.argv.slice(2);
  // The channels' signing secrets are encrypted at rest: read with the key from the environment, as the service does.
  useFieldKeyring(keyringFromEnv(process.env, false));
  const db = await openDatabase(url, entities, createLogger('silent'));
  try {
    process.stdout.write('ready\n');
    await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
    process.stdin.destroy();
    const opts = workerOptions({}, { owner, retryBaseSeconds: 0, batch: 5 });
    let sent = 0;
    let idle = 0;
    while (idle < 2) {
      const r = await noticeWorkerTick(db, opts);
      sent += r.sent;
      idle = r.dispatched + r.sent === 0 ? idle + 1 : 0;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    process.stdout.write(`${sent}\n`);
  } finally {
    await db.destroy();
  }
}

main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e));
  process.exit(1);
});
