import { dHash, hammingDistance, isSameImage } from './image-hash';

const gradient = (f: (x: number, y: number) => number) => Array.from({ length: 72 }, (_, i) => f(i % 9, Math.floor(i / 9)));

describe('difference hash', () => {
  it.each<[string, number[], string]>([
    ['left brighter everywhere', gradient((x) => 255 - x * 20), 'ffffffffffffffff'],
    ['right brighter everywhere', gradient((x) => x * 20), '0000000000000000'],
    ['flat grey', gradient(() => 128), '0000000000000000'],
    ['only the first row falls', gradient((x, y) => (y === 0 ? 255 - x : x)), 'ff00000000000000'],
  ])('%s → %s', (_name, pixels, hash) => expect(dHash(pixels)).toBe(hash));

  it('is unchanged by a uniform brightness shift (a re-exposed copy)', () => {
    const base = gradient((x, y) => (x * 37 + y * 91) % 200);
    const brighter = base.map((v) => v + 40);
    expect(dHash(brighter)).toBe(dHash(base));
  });

  it('refuses the wrong number of pixels', () => {
    expect(() => dHash([1, 2, 3])).toThrow(/72 grey values/);
  });

  it.each([
    ['ffffffffffffffff', 'ffffffffffffffff', 0],
    ['ffffffffffffffff', '0000000000000000', 64],
    ['ff00000000000000', 'fe00000000000000', 1],
    ['0f0f0f0f0f0f0f0f', 'f0f0f0f0f0f0f0f0', 64],
  ])('hamming(%s, %s) = %d', (a, b, d) => expect(hammingDistance(a, b)).toBe(d));

  it.each([
    ['ff00000000000000', 'fe00000000000000', true],
    ['ff00000000000000', 'c000000000000000', true],
    ['ff00000000000000', '00ff000000000000', false],
  ])('isSameImage(%s, %s) = %p', (a, b, same) => expect(isSameImage(a, b)).toBe(same));

  it('refuses malformed hashes naming the field', () => {
    expect(() => hammingDistance('xyz', '0000000000000000')).toThrow(/hash/);
  });
});
