import type { QueryRunner } from 'typeorm';
import { decryptField, encryptField, fieldKeyring, isCurrent, keyIdOf, type FieldCipher, type FieldKeyring } from '../core/crypto/field-encryption';

export interface StoredColumn {
  table: string;
  column: string;
}

/** The columns encrypted at rest by the FieldEncryption migration (later ones register in their own migration). */
export const FIRST_ENCRYPTED_COLUMNS: StoredColumn[] = [
  { table: 'users', column: 'totp_secret' },
  { table: 'users', column: 'totp_pending_secret' },
  { table: 'secretaries', column: 'contact' },
  { table: 'livelihood_proposals', column: 'contact' },
];

/** Outbound channels' signing secrets, encrypted by the ChannelSecretEncryption migration. */
export const CHANNEL_SECRET_COLUMNS: StoredColumn[] = [{ table: 'notice_channels', column: 'secret' }];

/**
 * Rewrites every value of the columns: `encrypt` puts each one (clear, or under an older key) under the
 * current key and algorithm (FIELD_CIPHER: AES-256-GCM values become SM4 ones and back); `decrypt` writes them back in clear (a migration's down). Rows already in the wanted form
 * are left alone, so a run cut short can be run again. Returns how many values were rewritten.
 */
export async function rewriteColumns(runner: QueryRunner, columns: readonly StoredColumn[], direction: 'encrypt' | 'decrypt', keyring: FieldKeyring = fieldKeyring()): Promise<number> {
  const q = (name: string) => runner.connection.driver.escape(name);
  let rewritten = 0;
  for (const { table, column } of columns) {
    const label = `${table}.${column}`;
    let after = 0;
    for (;;) {
      const rows: { id: number | string; v: string }[] = await runner.query(
        `SELECT ${q('id')} AS id, ${q(column)} AS v FROM ${q(table)} WHERE ${q('id')} > ? AND ${q(column)} IS NOT NULL AND ${q(column)} <> '' ORDER BY ${q('id')} LIMIT 500`,
        [after],
      );
      if (rows.length === 0) break;
      for (const row of rows) {
        after = Number(row.id);
        if (direction === 'encrypt' ? isCurrent(row.v, keyring) : keyIdOf(row.v) === null) continue;
        const plain = decryptField(row.v, label, keyring);
        const next = direction === 'encrypt' ? encryptField(plain, label, keyring) : plain;
        await runner.query(`UPDATE ${q(table)} SET ${q(column)} = ? WHERE ${q('id')} = ?`, [next, row.id]);
        rewritten += 1;
      }
    }
  }
  return rewritten;
}

/**
 * How many stored values are not (yet) under the given key and algorithm: clear, under another key, or
 * under this key with the other algorithm. An AES-256-GCM value's body has no `:`; an SM4 one starts `sm4:`.
 */
export async function valuesNotUnder(runner: QueryRunner, columns: readonly StoredColumn[], keyId: string, cipher: FieldCipher = 'aes-256-gcm'): Promise<number> {
  const q = (name: string) => runner.connection.driver.escape(name);
  const like = (text: string) => text.replace(/[!%_]/g, '!$&');
  const under = `enc:${like(keyId)}:`;
  let count = 0;
  for (const { table, column } of columns) {
    const c = q(column);
    const current = cipher === 'sm4' ? `${c} LIKE ? ESCAPE '!'` : `(${c} LIKE ? ESCAPE '!' AND ${c} NOT LIKE ? ESCAPE '!')`;
    const [row]: { n: number | string }[] = await runner.query(
      `SELECT COUNT(*) AS n FROM ${q(table)} WHERE ${c} IS NOT NULL AND ${c} <> '' AND NOT ${current}`,
      cipher === 'sm4' ? [`${under}sm4:%`] : [`${under}%`, `${under}%:%`],
    );
    count += Number(row.n);
  }
  return count;
}

/**
 * After rewriting values on SQLite: the WAL still holds the pages as they were, so it is copied back and
 * truncated (with `secure_delete`, the file's free space was zeroed as the values were replaced).
 */
export async function forgetOldPages(runner: QueryRunner): Promise<void> {
  if (runner.connection.options.type === 'better-sqlite3') await runner.query('PRAGMA wal_checkpoint(TRUNCATE)');
}
