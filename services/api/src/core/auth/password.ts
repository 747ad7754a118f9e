import crypto from 'node:crypto';
import { promisify } from 'node:util';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordWeakness as domainPasswordWeakness, type PasswordWeakness } from '@kpd/domain';

const scrypt = promisify(crypto.scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>;

const KEY_LENGTH = 32;

/** A salted scrypt hash, stored with its parameters: `scrypt$N$r$p$salt$hash` (base64). */
export async function hashPassword(password: string, costN = 16384): Promise<string> {
  const salt = crypto.randomBytes(16);
  const r = 8;
  const p = 1;
  const key = await scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { N: costN, r, p, maxmem: 256 * costN * r });
  return ['scrypt', costN, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, saltB64, keyB64] = parts;
  const expected = Buffer.from(keyB64, 'base64');
  const key = await scrypt(password.normalize('NFC'), Buffer.from(saltB64, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 256 * Number(n) * Number(r),
  });
  return crypto.timingSafeEqual(key, expected);
}

/** Spent on unknown usernames so a wrong name takes as long as a wrong password. */
let decoy: Promise<string> | undefined;
export async function burnPasswordCheck(password: string, costN: number): Promise<void> {
  decoy ??= hashPassword('decoy-password', costN);
  await verifyPassword(password, await decoy);
}

export function newToken(prefix: string): string {
  return `${prefix}_${crypto.randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token, 'utf8').digest('hex');
}

const WEAKNESS_REASONS: Record<PasswordWeakness, string> = {
  tooShort: `must be at least ${PASSWORD_MIN_LENGTH} characters`,
  tooLong: `must be at most ${PASSWORD_MAX_LENGTH} characters`,
  tooFewClasses: 'must mix at least three of: lower case, upper case, digits, symbols',
};

/** Why a new password is refused (the rule of packages/domain, in the API's words), or null when it is acceptable. */
export function passwordWeakness(password: string): string | null {
  const weakness = domainPasswordWeakness(password);
  return weakness ? WEAKNESS_REASONS[weakness] : null;
}
