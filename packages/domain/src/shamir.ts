/*
 * Shamir's secret sharing over GF(2^8) (the AES field, x^8 + x^4 + x^3 + x + 1), byte by byte.
 *
 * A secret of any length is split into `n` shares of the same length, any `k` of which rebuild it
 * while fewer than `k` tell nothing about it. Share x (1…n) holds, for each byte of the secret, the
 * value at x of a random polynomial of degree k − 1 whose constant term is that byte. The random
 * bytes come from the caller (node:crypto's randomBytes in the service), so the rule stays pure.
 */

const EXP = new Uint8Array(510);
const LOG = new Uint8Array(256);
{
  let v = 1;
  for (let i = 0; i < 255; i++) {
    EXP[i] = v;
    LOG[v] = i;
    // Multiply by the generator 3: v * 2 xor v, reduced by the field polynomial.
    v ^= (v << 1) ^ (v & 0x80 ? 0x11b : 0);
  }
  for (let i = 255; i < 510; i++) EXP[i] = EXP[i - 255];
}

/** Multiplication in GF(2^8). */
export function gfMul(a: number, b: number): number {
  return a === 0 || b === 0 ? 0 : EXP[LOG[a] + LOG[b]];
}

/** Division in GF(2^8); b must not be 0. */
export function gfDiv(a: number, b: number): number {
  if (b === 0) throw new RangeError('division by zero in GF(256)');
  return a === 0 ? 0 : EXP[LOG[a] + 255 - LOG[b]];
}

export interface SecretShare {
  /** The share's x (1…255). */
  x: number;
  /** One byte per byte of the secret. */
  y: Uint8Array;
}

/**
 * Splits `secret` into `n` shares, any `k` of which rebuild it. `random(len)` must return `len`
 * uniformly random bytes (k − 1 bytes are drawn per byte of the secret).
 */
export function splitSecret(secret: Uint8Array, n: number, k: number, random: (len: number) => Uint8Array): SecretShare[] {
  if (!Number.isInteger(k) || k < 2) throw new RangeError('threshold must be at least 2');
  if (!Number.isInteger(n) || n < k || n > 255) throw new RangeError('share count must be between the threshold and 255');
  const shares = Array.from({ length: n }, (_, i) => ({ x: i + 1, y: new Uint8Array(secret.length) }));
  for (let b = 0; b < secret.length; b++) {
    const coefficients = [secret[b], ...random(k - 1)];
    for (const share of shares) {
      // Horner's rule, highest coefficient first.
      let y = 0;
      for (let c = k - 1; c >= 0; c--) y = gfMul(y, share.x) ^ coefficients[c];
      share.y[b] = y;
    }
  }
  return shares;
}

/** Rebuilds the secret from k shares (Lagrange interpolation at 0). More shares than k are fine. */
export function combineShares(shares: readonly SecretShare[]): Uint8Array {
  if (shares.length === 0) throw new RangeError('no shares');
  const xs = shares.map((s) => s.x);
  if (xs.some((x) => !Number.isInteger(x) || x < 1 || x > 255)) throw new RangeError('share x must be 1…255');
  if (new Set(xs).size !== xs.length) throw new RangeError('the same share twice');
  const len = shares[0].y.length;
  if (shares.some((s) => s.y.length !== len)) throw new RangeError('shares of different lengths');
  // Lagrange basis at 0: l_i = Π_{j≠i} x_j / (x_j − x_i); subtraction is xor.
  const basis = xs.map((xi, i) => xs.reduce((acc, xj, j) => (j === i ? acc : gfMul(acc, gfDiv(xj, xj ^ xi))), 1));
  const secret = new Uint8Array(len);
  for (let b = 0; b < len; b++) {
    let v = 0;
    shares.forEach((s, i) => (v ^= gfMul(s.y[b], basis[i])));
    secret[b] = v;
  }
  return secret;
}
