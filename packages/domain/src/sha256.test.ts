import crypto from 'node:crypto';
import fc from 'fast-check';
import { sha256Hex } from './sha256';

describe('sha256Hex', () => {
  it.each<[string, string]>([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
  ])('%p', (text, hex) => {
    expect(sha256Hex(text)).toBe(hex);
  });

  it('agrees with node:crypto on any text, Chinese and astral characters included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
        expect(sha256Hex(s)).toBe(crypto.createHash('sha256').update(s, 'utf8').digest('hex'));
      }),
    );
    for (const s of ['阜新市十六届人大四次会议', 'x'.repeat(55), 'x'.repeat(56), 'x'.repeat(64), '𠀀'.repeat(100)]) {
      expect(sha256Hex(s)).toBe(crypto.createHash('sha256').update(s, 'utf8').digest('hex'));
    }
  });
});
