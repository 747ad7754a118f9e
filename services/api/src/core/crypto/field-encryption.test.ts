import { createCipheriv, createDecipheriv, createHash, getCiphers, getHashes, hkdfSync } from 'node:crypto';
import { loadConfig } from '../../config';
import { blindIndex, cipherOf, decryptField, encryptField, isCurrent, keyIdOf, keyringFromEnv } from './field-encryption';

const K1 = `k1:${Buffer.alloc(32, 1).toString('base64')}`;
const K2 = `k2:${'22'.repeat(32)}`;

describe('field encryption keys (FIELD_ENCRYPTION_KEY)', () => {
  it.each([
    ['production without a key', {}, true, /FIELD_ENCRYPTION_KEY is required in production/],
    ['production with the development key id', { FIELD_ENCRYPTION_KEY: `dev:${'00'.repeat(32)}` }, true, /development key/],
    ['a key without an id', { FIELD_ENCRYPTION_KEY: Buffer.alloc(32).toString('base64') }, false, /<id>:<key>/],
    ['a short key', { FIELD_ENCRYPTION_KEY: `k1:${Buffer.alloc(16).toString('base64')}` }, false, /must be 32 bytes/],
    ['a bad id', { FIELD_ENCRYPTION_KEY: `k 1:${'11'.repeat(32)}` }, false, /key id/],
    ['two keys under one id', { FIELD_ENCRYPTION_KEY: K1, FIELD_ENCRYPTION_OLD_KEYS: `k1:${'33'.repeat(32)}` }, false, /two different keys/],
  ])('refuses %s', (_name, env, production, message) => {
    expect(() => keyringFromEnv(env, production)).toThrow(message);
  });

  it('stops a production service from starting without one', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/FIELD_ENCRYPTION_KEY is required in production/);
    expect(loadConfig({ NODE_ENV: 'production', FIELD_ENCRYPTION_KEY: K1 }).fieldKeys.current.id).toBe('k1');
  });

  it('uses the public development key, marked as such, when none is set outside production', () => {
    const ring = keyringFromEnv({}, false);
    expect(ring.development).toBe(true);
    expect(ring.current.id).toBe('dev');
  });

  it('reads the current key and the old ones, in base64 or hex', () => {
    const ring = keyringFromEnv({ FIELD_ENCRYPTION_KEY: K2, FIELD_ENCRYPTION_OLD_KEYS: ` ${K1} ` }, true);
    expect(ring.current.id).toBe('k2');
    expect(ring.current.key).toEqual(Buffer.alloc(32, 0x22));
    expect([...ring.byId.keys()].sort()).toEqual(['k1', 'k2']);
    expect(ring.development).toBe(false);
  });
});

describe('an encrypted field (AES-256-GCM)', () => {
  const k1 = keyringFromEnv({ FIELD_ENCRYPTION_KEY: K1 }, true);
  const k2 = keyringFromEnv({ FIELD_ENCRYPTION_KEY: K2, FIELD_ENCRYPTION_OLD_KEYS: K1 }, true);
  const onlyK2 = keyringFromEnv({ FIELD_ENCRYPTION_KEY: K2 }, true);
  const phone = '手机 13912345678';

  it('round-trips, names its key, and never repeats itself or shows the clear text', () => {
    const a = encryptField(phone, 'secretaries.contact', k1);
    const b = encryptField(phone, 'secretaries.contact', k1);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^enc:k1:[A-Za-z0-9_-]+$/);
    expect(a).not.toContain('13912345678');
    expect(keyIdOf(a)).toBe('k1');
    expect(decryptField(a, 'secretaries.contact', k1)).toBe(phone);
  });

  it('reads a value in clear as it is (a row written before encryption)', () => {
    expect(decryptField('024-8981 0000', 'secretaries.contact', k1)).toBe('024-8981 0000');
    expect(keyIdOf('024-8981 0000')).toBeNull();
  });

  it('reads a value under an old key while it is listed, and refuses it once it is gone', () => {
    const old = encryptField(phone, 'secretaries.contact', k1);
    expect(decryptField(old, 'secretaries.contact', k2)).toBe(phone);
    expect(() => decryptField(old, 'secretaries.contact', onlyK2)).toThrow(/key "k1"/);
  });

  it.each([
    ['moved into another column', (v: string) => v, 'livelihood_proposals.contact'],
    ['with one character changed', (v: string) => v.slice(0, -3) + (v.slice(-3, -2) === 'A' ? 'B' : 'A') + v.slice(-2), 'secretaries.contact'],
    ['cut short', (v: string) => v.slice(0, 20), 'secretaries.contact'],
  ])('refuses a value %s', (_name, tamper, label) => {
    const v = encryptField(phone, 'secretaries.contact', k1);
    expect(() => decryptField(tamper(v), label, k1)).toThrow();
  });

  it('gives a keyed blind index: equal for equal values, different across keys and columns', () => {
    expect(blindIndex(phone, 'x', k1)).toBe(blindIndex(phone, 'x', k1));
    expect(blindIndex(phone, 'x', k1)).not.toBe(blindIndex(phone, 'x', onlyK2));
    expect(blindIndex(phone, 'x', k1)).not.toBe(blindIndex(phone, 'y', k1));
    expect(blindIndex(phone, 'x', k1)).toMatch(/^[0-9a-f]{64}$/);
  });
});

/** SM4 of one block `times` times over (ECB): CBC from a zero IV over the block and zero blocks chains E(E(…E(P))). */
function sm4Block(key: string, block: string, times: number): string {
  const cipher = createCipheriv('sm4-cbc', Buffer.from(key, 'hex'), Buffer.alloc(16)).setAutoPadding(false);
  const input = Buffer.concat([Buffer.from(block, 'hex'), Buffer.alloc(16 * (times - 1))]);
  const out = Buffer.concat([cipher.update(input), cipher.final()]);
  return out.subarray(out.length - 16).toString('hex');
}

/** SM4-CTR, the mode field encryption uses: the keystream of counter block P is E(P). */
function sm4CtrKeystream(key: string, counter: string): string {
  const cipher = createCipheriv('sm4-ctr', Buffer.from(key, 'hex'), Buffer.from(counter, 'hex'));
  return Buffer.concat([cipher.update(Buffer.alloc(16)), cipher.final()]).toString('hex');
}

describe('SM4 and SM3 as this Node provides them (GB/T 32907-2016, GB/T 32905-2016)', () => {
  const K = '0123456789abcdeffedcba9876543210';
  it.each([
    ['SM4, one block (GB/T 32907 example 1)', () => sm4Block(K, K, 1), '681edf34d206965e86b3e94f536e4246'],
    ['SM4, the same block encrypted 1,000,000 times (example 2)', () => sm4Block(K, K, 1_000_000), '595298c7c6fd271f0402f804c33d3f66'],
    ['SM4-CTR keystream of the example block', () => sm4CtrKeystream(K, K), '681edf34d206965e86b3e94f536e4246'],
    ['SM3 of "abc" (GB/T 32905 example 1)', () => createHash('sm3').update('abc').digest('hex'), '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0'],
    ['SM3 of "abcd" × 16 (example 2)', () => createHash('sm3').update('abcd'.repeat(16)).digest('hex'), 'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732'],
  ])('%s', (_name, compute, expected) => {
    expect(compute()).toBe(expected);
  });
});

describe('FIELD_CIPHER', () => {
  it.each([
    ['unset', undefined, 'aes-256-gcm'],
    ['aes-256-gcm', 'aes-256-gcm', 'aes-256-gcm'],
    ['sm4', 'sm4', 'sm4'],
    ['SM4 in capitals', 'SM4', 'sm4'],
  ])('reads %s', (_name, value, cipher) => {
    expect(keyringFromEnv({ FIELD_ENCRYPTION_KEY: K1, FIELD_CIPHER: value }, true).cipher).toBe(cipher);
  });

  it.each([
    ['an algorithm it does not know', { FIELD_CIPHER: 'sm4-gcm' }, undefined, /FIELD_CIPHER must be aes-256-gcm or sm4, got "sm4-gcm"/],
    ['a misspelling', { FIELD_CIPHER: 'aes' }, undefined, /FIELD_CIPHER must be aes-256-gcm or sm4, got "aes"/],
    ['sm4 on an OpenSSL without SM4', { FIELD_CIPHER: 'sm4' }, { ciphers: ['aes-256-gcm'], hashes: ['sha256', 'sm3'] }, /FIELD_CIPHER=sm4: this Node's OpenSSL has no sm4-ctr/],
    ['sm4 on an OpenSSL without SM3', { FIELD_CIPHER: 'sm4' }, { ciphers: ['aes-256-gcm', 'sm4-ctr'], hashes: ['sha256'] }, /has no sm3/],
  ])('refuses %s', (_name, env, support, message) => {
    expect(() => keyringFromEnv({ FIELD_ENCRYPTION_KEY: K1, ...env }, true, support)).toThrow(message);
  });

  it('stops the service from starting with an unknown algorithm', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', FIELD_ENCRYPTION_KEY: K1, FIELD_CIPHER: 'des' })).toThrow(/FIELD_CIPHER must be/);
    expect(getCiphers()).toContain('sm4-ctr'); // this machine's Node: the SM4 tests below really ran SM4
    expect(getHashes()).toContain('sm3');
  });
});

describe('an encrypted field (SM4-CTR + HMAC-SM3)', () => {
  const sm4 = keyringFromEnv({ FIELD_CIPHER: 'sm4', FIELD_ENCRYPTION_KEY: K1 }, true);
  const aes = keyringFromEnv({ FIELD_ENCRYPTION_KEY: K1 }, true);
  const sm4k2 = keyringFromEnv({ FIELD_CIPHER: 'sm4', FIELD_ENCRYPTION_KEY: K2, FIELD_ENCRYPTION_OLD_KEYS: K1 }, true);
  const phone = '手机 13912345678';
  const label = 'secretaries.contact';

  it('round-trips, names its key and algorithm, and never repeats itself or shows the clear text', () => {
    const a = encryptField(phone, label, sm4);
    const b = encryptField(phone, label, sm4);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^enc:k1:sm4:[A-Za-z0-9_-]+$/);
    expect(a).not.toContain('13912345678');
    expect(keyIdOf(a)).toBe('k1');
    expect(cipherOf(a)).toBe('sm4');
    expect(decryptField(a, label, sm4)).toBe(phone);
  });

  it('is SM4-CTR under a key derived with HKDF-SM3 (decrypted here without the module)', () => {
    const raw = Buffer.from(encryptField(phone, label, sm4).slice('enc:k1:sm4:'.length), 'base64url');
    const key = Buffer.from(hkdfSync('sm3', Buffer.alloc(32, 1), Buffer.alloc(0), 'kpd field sm4-ctr v1', 16));
    const decipher = createDecipheriv('sm4-ctr', key, raw.subarray(0, 16));
    expect(Buffer.concat([decipher.update(raw.subarray(48)), decipher.final()]).toString('utf8')).toBe(phone);
  });

  it('reads AES and SM4 values side by side, whichever algorithm writes new ones', () => {
    const fromAes = encryptField(phone, label, aes);
    const fromSm4 = encryptField(phone, label, sm4);
    expect(cipherOf(fromAes)).toBe('aes-256-gcm');
    for (const ring of [aes, sm4, sm4k2]) {
      expect(decryptField(fromAes, label, ring)).toBe(phone);
      expect(decryptField(fromSm4, label, ring)).toBe(phone);
    }
    // Rotation's test: the same key under the other algorithm is not current.
    expect(isCurrent(fromSm4, sm4)).toBe(true);
    expect(isCurrent(fromAes, sm4)).toBe(false);
    expect(isCurrent(fromSm4, aes)).toBe(false);
    expect(isCurrent(fromSm4, sm4k2)).toBe(false);
    expect(isCurrent('in clear', sm4)).toBe(false);
  });

  /** Flips one bit of the byte at `at` of the value's binary part (negative: from the end). */
  const flip = (v: string, at: number) => {
    const head = 'enc:k1:sm4:';
    const raw = Buffer.from(v.slice(head.length), 'base64url');
    raw[at < 0 ? raw.length + at : at] ^= 0x01;
    return head + raw.toString('base64url');
  };
  it.each([
    ['with a byte of the ciphertext flipped', (v: string) => flip(v, -1), label, /does not authenticate/],
    ['with a byte of the tag flipped', (v: string) => flip(v, 20), label, /does not authenticate/],
    ['with a byte of the IV flipped', (v: string) => flip(v, 0), label, /does not authenticate/],
    ['moved into another column', (v: string) => v, 'livelihood_proposals.contact', /does not authenticate/],
    ['relabelled as under another key id', (v: string) => v.replace('enc:k1:', 'enc:k2:'), label, /does not authenticate/],
    ['cut short', (v: string) => v.slice(0, 40), label, /cut short/],
    ['passed off as an AES value', (v: string) => v.replace(':sm4:', ':'), label, /./],
  ])('refuses a value %s', (_name, tamper, as, message) => {
    const v = encryptField(phone, label, sm4);
    expect(decryptField(v, label, sm4k2)).toBe(phone); // untampered, it reads
    expect(() => decryptField(tamper(v), as, sm4k2)).toThrow(message);
  });

  it('gives a blind index with HMAC-SM3: stable, and not the AES deployment\'s', () => {
    expect(blindIndex(phone, 'x', sm4)).toBe(blindIndex(phone, 'x', sm4));
    expect(blindIndex(phone, 'x', sm4)).not.toBe(blindIndex(phone, 'x', aes));
    expect(blindIndex(phone, 'x', sm4)).toMatch(/^[0-9a-f]{64}$/);
  });
});
