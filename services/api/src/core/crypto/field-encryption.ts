import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { ValueTransformer } from 'typeorm';

/**
 * Encryption at rest of sensitive columns (TOTP secrets, phone numbers and other contact details):
 * AES-256-GCM under a key from the environment, so a copy of the SQLite file or a MySQL dump shows
 * no secret and no phone number in clear.
 *
 * FIELD_ENCRYPTION_KEY=<id>:<key> is the key new values are written under; the key is 32 bytes in
 * base64 (`openssl rand -base64 32`) or 64 hex digits, and the id (letters, digits, _ or -, at most
 * 16) is written beside every value so the key can be rotated: FIELD_ENCRYPTION_OLD_KEYS holds the
 * previous keys (comma-separated, same form) until `pnpm rotate-field-key` has rewritten every value
 * under the new one. Production refuses to start without a key; development and the tests use a
 * fixed, public development key (id `dev`) that protects nothing.
 *
 * A stored value reads `enc:<keyId>:<base64url(iv ‖ tag ‖ ciphertext)>`; the column's name is bound
 * in as additional data, so a value copied into another column does not decrypt. A value without the
 * `enc:` prefix (a row written before encryption, during an upgrade) is read as it is.
 */

export interface FieldKey {
  id: string;
  key: Buffer;
}

export interface FieldKeyring {
  /** The key new values are written under. */
  current: FieldKey;
  /** Every key a stored value may name: the current one and FIELD_ENCRYPTION_OLD_KEYS. */
  byId: Map<string, Buffer>;
  /** True for the built-in development key. */
  development: boolean;
}

export const DEV_KEY_ID = 'dev';
/** DEVELOPMENT ONLY — public, in the source: never protects real data (production refuses to run with it). */
const DEV_KEY = createHash('sha256').update('kpd public development field key - not for real data').digest();

const PREFIX = 'enc:';
const ID_PATTERN = /^[A-Za-z0-9_-]{1,16}$/;

function parseKey(text: string, name: string): FieldKey {
  const at = text.indexOf(':');
  if (at <= 0) throw new Error(`${name} must read <id>:<key>, e.g. k2026:$(openssl rand -base64 32)`);
  const id = text.slice(0, at).trim();
  const material = text.slice(at + 1).trim();
  if (!ID_PATTERN.test(id)) throw new Error(`${name}: the key id "${id}" must be 1 to 16 letters, digits, _ or -`);
  const key = /^[0-9a-fA-F]{64}$/.test(material) ? Buffer.from(material, 'hex') : Buffer.from(material, 'base64');
  if (key.length !== 32) throw new Error(`${name}: the key "${id}" must be 32 bytes (base64 or 64 hex digits), got ${key.length}`);
  return { id, key };
}

/** Reads FIELD_ENCRYPTION_KEY and FIELD_ENCRYPTION_OLD_KEYS; production without a key (or with the development key's id) is refused. */
export function keyringFromEnv(env: NodeJS.ProcessEnv, production: boolean): FieldKeyring {
  const raw = (env.FIELD_ENCRYPTION_KEY ?? '').trim();
  if (raw === '') {
    if (production) {
      throw new Error('FIELD_ENCRYPTION_KEY is required in production: FIELD_ENCRYPTION_KEY=k1:$(openssl rand -base64 32) (see docs/RUNBOOK.md)');
    }
    return { current: { id: DEV_KEY_ID, key: DEV_KEY }, byId: new Map([[DEV_KEY_ID, DEV_KEY]]), development: true };
  }
  const current = parseKey(raw, 'FIELD_ENCRYPTION_KEY');
  if (production && current.id === DEV_KEY_ID) throw new Error(`FIELD_ENCRYPTION_KEY: the id "${DEV_KEY_ID}" is the development key's; choose another`);
  const byId = new Map<string, Buffer>([[current.id, current.key]]);
  for (const part of (env.FIELD_ENCRYPTION_OLD_KEYS ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const old = parseKey(part, 'FIELD_ENCRYPTION_OLD_KEYS');
    if (byId.has(old.id) && !byId.get(old.id)!.equals(old.key)) throw new Error(`FIELD_ENCRYPTION_OLD_KEYS: two different keys have the id "${old.id}"`);
    byId.set(old.id, old.key);
  }
  // Without a development key configured, values written under it (a demo database) still read.
  if (!production && !byId.has(DEV_KEY_ID)) byId.set(DEV_KEY_ID, DEV_KEY);
  return { current, byId, development: false };
}

let active: FieldKeyring | null = null;

/** Sets the process's keys (the server at start, from its configuration; a test with its own). */
export function useFieldKeyring(keyring: FieldKeyring): void {
  active = keyring;
}

/** The process's keys: those set at start, else read from the environment. */
export function fieldKeyring(): FieldKeyring {
  active ??= keyringFromEnv(process.env, process.env.NODE_ENV === 'production');
  return active;
}

export function isEncrypted(value: string): boolean {
  return value.startsWith(PREFIX);
}

/** The id of the key a stored value was written under (null: not encrypted). */
export function keyIdOf(value: string): string | null {
  if (!isEncrypted(value)) return null;
  const end = value.indexOf(':', PREFIX.length);
  return end < 0 ? null : value.slice(PREFIX.length, end);
}

export function encryptField(plain: string, label: string, keyring: FieldKeyring = fieldKeyring()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyring.current.key, iv);
  cipher.setAAD(Buffer.from(label, 'utf8'));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `${PREFIX}${keyring.current.id}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

export function decryptField(stored: string, label: string, keyring: FieldKeyring = fieldKeyring()): string {
  if (!isEncrypted(stored)) return stored;
  const keyId = keyIdOf(stored);
  const key = keyId === null ? undefined : keyring.byId.get(keyId);
  if (!key) throw new Error(`${label}: written under the key "${keyId}", which is neither FIELD_ENCRYPTION_KEY nor in FIELD_ENCRYPTION_OLD_KEYS`);
  const raw = Buffer.from(stored.slice(PREFIX.length + keyId!.length + 1), 'base64url');
  if (raw.length < 28) throw new Error(`${label}: the encrypted value is cut short`);
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(label, 'utf8'));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}

/**
 * A keyed fingerprint of a value (HMAC-SHA-256 under a key derived from the current field key): equal
 * values give equal fingerprints, so an equality lookup or an audit difference needs no clear text.
 */
export function blindIndex(value: string, label: string, keyring: FieldKeyring = fieldKeyring()): string {
  const macKey = Buffer.from(hkdfSync('sha256', keyring.current.key, Buffer.alloc(0), `kpd blind index ${label}`, 32));
  return createHmac('sha256', macKey).update(value, 'utf8').digest('hex');
}

export interface EncryptedField {
  /** Table and column as stored (snake case), for the migration and key rotation. */
  table: string;
  column: string;
  /** The entity's property, removed from audit images. */
  property: string;
}

const registry: EncryptedField[] = [];

/** Every encrypted column of the entities loaded in this process. */
export function encryptedFields(): readonly EncryptedField[] {
  return registry;
}

/** Property names whose values are encrypted at rest (audit images leave them out). */
export function isEncryptedProperty(property: string): boolean {
  return registry.some((f) => f.property === property);
}

/**
 * The column transformer of an encrypted string column: `@Column({ type: 'varchar', length: 512,
 * transformer: encrypted({ table: 'secretaries', column: 'contact', property: 'contact' }) })`.
 * Empty strings and nulls stay as they are (nothing to hide, and `default ''` keeps working).
 * Give the column room: a value takes 4/3 of its UTF-8 bytes plus about 50 characters.
 */
export function encrypted(field: EncryptedField): ValueTransformer {
  if (!registry.some((f) => f.table === field.table && f.column === field.column)) registry.push(field);
  const label = `${field.table}.${field.column}`;
  return {
    to: (value: unknown) => (typeof value === 'string' && value !== '' ? encryptField(value, label) : value),
    from: (value: unknown) => (typeof value === 'string' && value !== '' ? decryptField(value, label) : value),
  };
}
