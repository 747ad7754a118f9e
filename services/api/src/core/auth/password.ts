import crypto from 'node:crypto';
import { promisify } from 'node:util';
import { DEFAULT_PASSWORD_POLICY, PASSWORD_MAX_LENGTH, passwordWeakness as domainPasswordWeakness, type PasswordPolicy } from '@kpd/domain';

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

/** Why a new password is refused (the rule of packages/domain under the configured policy, in the API's words), or null when it is acceptable. */
export function passwordWeakness(password: string, policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY): string | null {
  const weakness = domainPasswordWeakness(password, policy);
  const min = Math.max(8, policy.minLength);
  const classes = Math.min(4, Math.max(1, policy.minClasses));
  switch (weakness) {
    case 'tooShort':
      return `密码至少 ${min} 个字符 (must be at least ${min} characters)`;
    case 'tooLong':
      return `密码至多 ${PASSWORD_MAX_LENGTH} 个字符 (must be at most ${PASSWORD_MAX_LENGTH} characters)`;
    case 'tooFewClasses':
      return `密码须包含小写字母、大写字母、数字、符号中的至少 ${classes} 类 (must mix at least ${classes} of: lower case, upper case, digits, symbols)`;
    default:
      return null;
  }
}

/** The hashes a new password may not match: the current one and those kept in the history, the last `count` in all. */
export function recentPasswordHashes(current: string, history: string | null, count: number): string[] {
  if (count <= 0) return [];
  let previous: string[] = [];
  try {
    const parsed: unknown = history ? JSON.parse(history) : [];
    if (Array.isArray(parsed)) previous = parsed.filter((h): h is string => typeof h === 'string');
  } catch {
    previous = [];
  }
  return [current, ...previous].slice(0, count);
}
