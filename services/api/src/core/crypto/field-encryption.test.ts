import { loadConfig } from '../../config';
import { blindIndex, decryptField, encryptField, keyIdOf, keyringFromEnv } from './field-encryption';

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
