import { createCipheriv, createDecipheriv, createHash, createHmac, getCiphers, getHashes, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
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
 * FIELD_CIPHER chooses the algorithm new values are written with: `aes-256-gcm` (the default) or `sm4`
 * (国密 GB/T 32907-2016, for a deployment that must use the Chinese commercial algorithms). OpenSSL 3,
 * which Node ships, has SM4 in CTR mode and SM3 but no SM4-GCM, so `sm4` is an encrypt-then-MAC
 * construction: SM4-CTR under one key and HMAC-SM3 over the column's name, the key id, the IV and the
 * ciphertext under another, both derived from the configured key with HKDF-SM3, the tag compared in
 * constant time.
 *
 * A stored value names its key and its algorithm, so values of both kinds coexist and
 * `pnpm rotate-field-key` moves them from one to the other:
 * - `enc:<keyId>:<base64url(iv ‖ tag ‖ ciphertext)>`: AES-256-GCM (the first format, unchanged, so a
 *   process built before FIELD_CIPHER existed reads what this one writes under AES; it refuses SM4 values);
 * - `enc:<keyId>:sm4:<base64url(iv ‖ tag ‖ ciphertext)>`: SM4-CTR + HMAC-SM3, version 1 (base64url has
 *   no `:`, so the tag cannot be mistaken for the start of an AES value; another construction would get
 *   another tag).
 * The column's name is bound in (GCM's additional data; the MAC's input), so a value copied into another
 * column does not decrypt. A value without the `enc:` prefix (a row written before encryption, during an
 * upgrade) is read as it is.
 */

/** The algorithms FIELD_CIPHER may name. */
export const FIELD_CIPHERS = ['aes-256-gcm', 'sm4'] as const;
export type FieldCipher = (typeof FIELD_CIPHERS)[number];

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
  /** The algorithm new values are written with (FIELD_CIPHER); stored values name their own. */
  cipher: FieldCipher;
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

/** What this process's OpenSSL offers (a test passes a build without SM4). */
export interface CryptoSupport {
  ciphers: readonly string[];
  hashes: readonly string[];
}

const nodeSupport = (): CryptoSupport => ({ ciphers: getCiphers(), hashes: getHashes() });

/** FIELD_CIPHER: `aes-256-gcm` (default) or `sm4`; anything else, or SM4 in an OpenSSL without it, stops the start. */
export function fieldCipherFromEnv(value: string | undefined, support: CryptoSupport = nodeSupport()): FieldCipher {
  const name = (value ?? '').trim().toLowerCase();
  if (name === '') return 'aes-256-gcm';
  if (!(FIELD_CIPHERS as readonly string[]).includes(name)) {
    throw new Error(`FIELD_CIPHER must be ${FIELD_CIPHERS.join(' or ')}, got "${value}"`);
  }
  const cipher = name as FieldCipher;
  const needs = cipher === 'sm4' ? { ciphers: ['sm4-ctr'], hashes: ['sm3'] } : { ciphers: ['aes-256-gcm'], hashes: [] };
  const missing = [...needs.ciphers.filter((c) => !support.ciphers.includes(c)), ...needs.hashes.filter((h) => !support.hashes.includes(h))];
  if (missing.length > 0) {
    throw new Error(`FIELD_CIPHER=${cipher}: this Node's OpenSSL has no ${missing.join(' and ')} (node -p "crypto.getCiphers()"); use a Node built with OpenSSL 3, or FIELD_CIPHER=aes-256-gcm`);
  }
  return cipher;
}

/** Reads FIELD_CIPHER, FIELD_ENCRYPTION_KEY and FIELD_ENCRYPTION_OLD_KEYS; production without a key (or with the development key's id) is refused. */
export function keyringFromEnv(env: NodeJS.ProcessEnv, production: boolean, support?: CryptoSupport): FieldKeyring {
  const cipher = fieldCipherFromEnv(env.FIELD_CIPHER, support);
  const raw = (env.FIELD_ENCRYPTION_KEY ?? '').trim();
  if (raw === '') {
    if (production) {
      throw new Error('FIELD_ENCRYPTION_KEY is required in production: FIELD_ENCRYPTION_KEY=k1:$(openssl rand -base64 32) (see docs/RUNBOOK.md)');
    }
    return { current: { id: DEV_KEY_ID, key: DEV_KEY }, byId: new Map([[DEV_KEY_ID, DEV_KEY]]), development: true, cipher };
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
  return { current, byId, development: false, cipher };
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

const SM4_TAG = 'sm4';

/** The algorithm a stored value was written with (null: not encrypted). */
export function cipherOf(value: string): FieldCipher | null {
  const keyId = keyIdOf(value);
  if (keyId === null) return null;
  return value.startsWith(`${SM4_TAG}:`, PREFIX.length + keyId.length + 1) ? 'sm4' : 'aes-256-gcm';
}

/** True when a stored value is under the keyring's current key and algorithm (nothing for rotation to do). */
export function isCurrent(value: string, keyring: FieldKeyring = fieldKeyring()): boolean {
  return keyIdOf(value) === keyring.current.id && cipherOf(value) === keyring.cipher;
}

const sm4Keys = new WeakMap<Buffer, { enc: Buffer; mac: Buffer }>();

/** SM4's 128-bit key and HMAC-SM3's key, each derived from the configured key with HKDF-SM3 (never the same bytes twice). */
function sm4KeysOf(key: Buffer): { enc: Buffer; mac: Buffer } {
  let keys = sm4Keys.get(key);
  if (!keys) {
    keys = {
      enc: Buffer.from(hkdfSync('sm3', key, Buffer.alloc(0), 'kpd field sm4-ctr v1', 16)),
      mac: Buffer.from(hkdfSync('sm3', key, Buffer.alloc(0), 'kpd field hmac-sm3 v1', 32)),
    };
    sm4Keys.set(key, keys);
  }
  return keys;
}

function lengthPrefixed(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

/** HMAC-SM3 over the column's name, the key id, the IV and the ciphertext (each length-prefixed where it varies). */
function sm4Tag(macKey: Buffer, label: string, keyId: string, iv: Buffer, body: Buffer): Buffer {
  return createHmac('sm3', macKey).update('kpd field sm4 v1').update(lengthPrefixed(label)).update(lengthPrefixed(keyId)).update(iv).update(body).digest();
}

export function encryptField(plain: string, label: string, keyring: FieldKeyring = fieldKeyring()): string {
  const { id, key } = keyring.current;
  if (keyring.cipher === 'sm4') {
    const keys = sm4KeysOf(key);
    const iv = randomBytes(16);
    const cipher = createCipheriv('sm4-ctr', keys.enc, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${PREFIX}${id}:${SM4_TAG}:${Buffer.concat([iv, sm4Tag(keys.mac, label, id, iv, body), body]).toString('base64url')}`;
  }
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(label, 'utf8'));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `${PREFIX}${id}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

export function decryptField(stored: string, label: string, keyring: FieldKeyring = fieldKeyring()): string {
  if (!isEncrypted(stored)) return stored;
  const keyId = keyIdOf(stored);
  const key = keyId === null ? undefined : keyring.byId.get(keyId);
  if (!key) throw new Error(`${label}: written under the key "${keyId}", which is neither FIELD_ENCRYPTION_KEY nor in FIELD_ENCRYPTION_OLD_KEYS`);
  const sm4 = cipherOf(stored) === 'sm4';
  const raw = Buffer.from(stored.slice(PREFIX.length + keyId!.length + 1 + (sm4 ? SM4_TAG.length + 1 : 0)), 'base64url');
  if (sm4) {
    if (raw.length < 48) throw new Error(`${label}: the encrypted value is cut short`);
    const keys = sm4KeysOf(key);
    const iv = raw.subarray(0, 16);
    const body = raw.subarray(48);
    if (!timingSafeEqual(raw.subarray(16, 48), sm4Tag(keys.mac, label, keyId!, iv, body))) {
      throw new Error(`${label}: the encrypted value does not authenticate (altered, or moved from another column)`);
    }
    const decipher = createDecipheriv('sm4-ctr', keys.enc, iv);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  }
  if (raw.length < 28) throw new Error(`${label}: the encrypted value is cut short`);
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(label, 'utf8'));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}

/**
 * A keyed fingerprint of a value (HMAC-SHA-256 under a key derived from the current field key; HMAC-SM3
 * and HKDF-SM3 with FIELD_CIPHER=sm4): equal values give equal fingerprints, so an equality lookup or an
 * audit difference needs no clear text.
 */
export function blindIndex(value: string, label: string, keyring: FieldKeyring = fieldKeyring()): string {
  const digest = keyring.cipher === 'sm4' ? 'sm3' : 'sha256';
  const macKey = Buffer.from(hkdfSync(digest, keyring.current.key, Buffer.alloc(0), `kpd blind index ${label}`, 32));
  return createHmac(digest, macKey).update(value, 'utf8').digest('hex');
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
