/**
 * `pnpm rotate-field-key`: rewrites every value encrypted at rest (TOTP secrets, the phone numbers of
 * secretaries and responsible units, outbound channels' signing secrets: every column with the
 * `encrypted` transformer) under
 * the current FIELD_ENCRYPTION_KEY, reading older ones with FIELD_ENCRYPTION_OLD_KEYS; a value still in
 * clear is encrypted too, and a value under the other algorithm (FIELD_CIPHER: aes-256-gcm or sm4) is
 * re-encrypted with the configured one. Safe to run while the service runs and to run again; when it reports 0 left
 * under another key, the old key can be dropped from FIELD_ENCRYPTION_OLD_KEYS (docs/RUNBOOK.md).
 */
import { loadConfig } from '../config';
import { encryptedFields, useFieldKeyring } from '../core/crypto/field-encryption';
import { openDatabase } from '../db/data-source';
import { forgetOldPages, rewriteColumns, valuesNotUnder } from '../db/encrypt-columns';
import { createLogger } from '../logger';
import { entities } from '../modules';

async function main() {
  const config = loadConfig();
  if (config.fieldKeys.development) console.log('note: FIELD_ENCRYPTION_KEY is not set; using the public development key');
  useFieldKeyring(config.fieldKeys);
  const db = await openDatabase(config.databaseUrl, entities, createLogger('silent'));
  const runner = db.createQueryRunner();
  try {
    const columns = encryptedFields();
    const rewritten = await rewriteColumns(runner, columns, 'encrypt', config.fieldKeys);
    await forgetOldPages(runner);
    const { current, cipher } = config.fieldKeys;
    const left = await valuesNotUnder(runner, columns, current.id, cipher);
    console.log(`rewrote ${rewritten} values under key "${current.id}" (${cipher}) in ${columns.map((c) => `${c.table}.${c.column}`).join(', ')}; ${left} left under another key or algorithm`);
    if (left > 0) process.exitCode = 1;
  } finally {
    await runner.release();
    await db.destroy();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(2);
});
