import crypto from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A random receipt code, 80 bits, e.g. "7K2M-9QXD-4T1B-HW8R": nothing in it depends on who or when. */
export function newReceiptCode(): string {
  const bytes = crypto.randomBytes(16);
  let s = '';
  for (let i = 0; i < 16; i++) s += CROCKFORD[bytes[i] & 31];
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}`;
}

/** Receipt codes as a delegate might type them: upper case, O→0, I/L→1, dashes optional. */
export function normaliseReceipt(code: string): string {
  const s = code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return s.length === 16 ? `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}` : code;
}

export function sha256(text: string): string {
  return crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}

export const ZERO_DIGEST = '0'.repeat(64);
const MOD = 1n << 256n;

/** Adds a ballot hash to the order-independent digest of a round: (digest + hash) mod 2^256. */
export function addToDigest(digest: string, hash: string): string {
  return ((BigInt(`0x${digest}`) + BigInt(`0x${hash}`)) % MOD).toString(16).padStart(64, '0');
}

/** The digest of a set of ballot hashes, whatever their order. */
export function digestOf(hashes: string[]): string {
  return hashes.reduce(addToDigest, ZERO_DIGEST);
}

/** The hash of one ballot: binds the round's frozen fingerprint, the receipt, the marks and the source. */
export function ballotHash(fingerprint: string, receiptCode: string, content: string, source: string): string {
  return sha256(`${fingerprint}|${receiptCode}|${content}|${source}`);
}

/**
 * Links ballots (already sorted by receipt code) into a chain starting at the round fingerprint:
 * chain_i = SHA-256(chain_{i-1} | ballotHash_i). Returns each link and the head.
 */
export function chain(fingerprint: string, hashes: string[]): { links: { prev: string; hash: string }[]; head: string } {
  let prev = fingerprint;
  const links = hashes.map((h) => {
    const hash = sha256(`${prev}|${h}`);
    const link = { prev, hash };
    prev = hash;
    return link;
  });
  return { links, head: prev };
}

export { forUpdate, supportsRowLocks } from '../../core/row-locks';

/** A duplicate-key error on either driver. */
export function isDuplicateKey(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string }; message?: string };
  const code = e?.driverError?.code ?? e?.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed|Duplicate entry/.test(String(e?.message));
}
