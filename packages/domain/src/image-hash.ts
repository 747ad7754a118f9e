import { DomainError } from './errors';

/**
 * Perceptual "difference hash" of a picture: the picture reduced to 9×8 grey pixels, one bit per
 * pair of horizontal neighbours (is the left one brighter?). Re-encoding, resizing and small
 * colour changes leave it (nearly) unchanged, so a progress photo submitted again for a later
 * month is recognised even when it is not byte-identical.
 */
export const DHASH_WIDTH = 9;
export const DHASH_HEIGHT = 8;

/** 64-bit hash as 16 hex digits from 72 grey values (row by row, 9 per row). */
export function dHash(grey: ArrayLike<number>): string {
  if (grey.length !== DHASH_WIDTH * DHASH_HEIGHT) {
    throw new DomainError('pixels', `a difference hash needs ${DHASH_WIDTH * DHASH_HEIGHT} grey values, got ${grey.length}`);
  }
  let bits = 0n;
  for (let y = 0; y < DHASH_HEIGHT; y++) {
    for (let x = 0; x < DHASH_WIDTH - 1; x++) {
      const left = grey[y * DHASH_WIDTH + x];
      const right = grey[y * DHASH_WIDTH + x + 1];
      bits = (bits << 1n) | (left > right ? 1n : 0n);
    }
  }
  return bits.toString(16).padStart(16, '0');
}

const HASH = /^[0-9a-f]{16}$/;

/** How many of the 64 bits differ. */
export function hammingDistance(a: string, b: string): number {
  if (!HASH.test(a)) throw new DomainError('hash', `"${a}" is not a 64-bit hex hash`);
  if (!HASH.test(b)) throw new DomainError('hash', `"${b}" is not a 64-bit hex hash`);
  let x = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let count = 0;
  while (x) {
    count += Number(x & 1n);
    x >>= 1n;
  }
  return count;
}

/**
 * The same picture for practical purposes: at most `threshold` differing bits (default 6 of 64 —
 * tolerant of re-compression and resizing, strict enough that two photos of a building site from
 * different angles differ).
 */
export function isSameImage(a: string, b: string, threshold = 6): boolean {
  return hammingDistance(a, b) <= threshold;
}
