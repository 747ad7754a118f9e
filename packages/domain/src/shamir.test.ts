import crypto from 'node:crypto';
import fc from 'fast-check';
import { combineShares, gfDiv, gfMul, splitSecret, type SecretShare } from './shamir';

/** A fixed stream of "random" bytes, for shares that can be written down. */
const fixed = (bytes: number[]) => {
  let i = 0;
  return (len: number) => Uint8Array.from({ length: len }, () => bytes[i++ % bytes.length]);
};
const hex = (u: Uint8Array) => Buffer.from(u).toString('hex');

describe('GF(256) arithmetic', () => {
  it.each<[number, number, number]>([
    [0x57, 0x83, 0xc1], // FIPS-197 §4.2
    [0x57, 0x13, 0xfe],
    [0x02, 0x87, 0x15],
    [0x01, 0xab, 0xab],
    [0x00, 0xab, 0x00],
  ])('%i × %i = %i', (a, b, product) => {
    expect(gfMul(a, b)).toBe(product);
    expect(gfMul(b, a)).toBe(product);
    if (b !== 0 && a !== 0) expect(gfDiv(product, b)).toBe(a);
  });

  it('every non-zero element has an inverse', () => {
    for (let a = 1; a < 256; a++) expect(gfMul(a, gfDiv(1, a))).toBe(1);
    expect(() => gfDiv(1, 0)).toThrow(RangeError);
  });
});

describe('Shamir secret sharing (2 of 3 and others)', () => {
  // Degree-1 polynomial per byte: y = s + a·x. With a = 0x05: x=1 → s^5, x=2 → s^gfMul(5,2)=s^0x0a, x=3 → s^gfMul(5,3)=s^0x0f.
  it.each<[string, number[], string[]]>([
    ['00', [0x05], ['05', '0a', '0f']],
    ['ff', [0x05], ['fa', 'f5', 'f0']],
    ['4b50', [0x01, 0x80], ['4ad0', '494b', '48cb']],
  ])('splits %s with coefficients %p into known shares', (secret, coefficients, expected) => {
    const shares = splitSecret(Buffer.from(secret, 'hex'), 3, 2, fixed(coefficients));
    expect(shares.map((s) => hex(s.y))).toEqual(expected);
    expect(shares.map((s) => s.x)).toEqual([1, 2, 3]);
  });

  it.each<[number, number, number[][]]>([
    [3, 2, [[1, 2], [1, 3], [2, 3], [3, 1], [1, 2, 3]]],
    [5, 3, [[1, 2, 3], [5, 3, 1], [2, 4, 5], [1, 2, 3, 4, 5]]],
    [2, 2, [[1, 2], [2, 1]]],
  ])('%i shares, threshold %i: every subset of the threshold rebuilds the secret', (n, k, subsets) => {
    const secret = crypto.randomBytes(32);
    const shares = splitSecret(secret, n, k, (len) => crypto.randomBytes(len));
    for (const subset of subsets) expect(hex(combineShares(subset.map((x) => shares[x - 1])))).toBe(hex(secret));
  });

  it('fewer shares than the threshold give another value, and any secret is as likely', () => {
    const secret = Buffer.from('42', 'hex');
    // With one share of a 2-of-3 split, each possible secret matches exactly one coefficient.
    const share: SecretShare = splitSecret(secret, 3, 2, fixed([0x99]))[0];
    const explaining = new Set<number>();
    for (let s = 0; s < 256; s++) for (let a = 0; a < 256; a++) if ((s ^ gfMul(a, 1)) === share.y[0]) explaining.add(s);
    expect(explaining.size).toBe(256);
  });

  it('refuses bad parameters and bad share sets', () => {
    const rnd = (len: number) => crypto.randomBytes(len);
    expect(() => splitSecret(Buffer.alloc(4), 3, 1, rnd)).toThrow('threshold');
    expect(() => splitSecret(Buffer.alloc(4), 1, 2, rnd)).toThrow('share count');
    expect(() => splitSecret(Buffer.alloc(4), 256, 2, rnd)).toThrow('share count');
    const shares = splitSecret(Buffer.alloc(4), 3, 2, rnd);
    expect(() => combineShares([])).toThrow('no shares');
    expect(() => combineShares([shares[0], shares[0]])).toThrow('the same share twice');
    expect(() => combineShares([shares[0], { x: 2, y: new Uint8Array(3) }])).toThrow('different lengths');
    expect(() => combineShares([shares[0], { x: 0, y: new Uint8Array(4) }])).toThrow('1…255');
  });

  it('round-trips any secret with any threshold', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 48 }), fc.integer({ min: 2, max: 6 }), fc.integer({ min: 0, max: 4 }), (secret, k, extra) => {
        const shares = splitSecret(secret, k + extra, k, (len) => crypto.randomBytes(len));
        expect(hex(combineShares(shares.slice(extra)))).toBe(hex(secret));
      }),
      { numRuns: 200 },
    );
  });
});
