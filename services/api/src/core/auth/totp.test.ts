import { loadConfig } from '../../config';
import { base32Decode, base32Encode, hotp, matchTotp, newTotpSecret, otpauthUri, totpCode, totpStep } from './totp';
import { TEST_FIELD_KEY } from '../../testing/child-server';

// The shared secret of RFC 4226 appendix D and RFC 6238 appendix B: ASCII "12345678901234567890".
const RFC_KEY = Buffer.from('12345678901234567890', 'ascii');

describe('HOTP (RFC 4226, appendix D)', () => {
  it.each([
    [0, '755224'], [1, '287082'], [2, '359152'], [3, '969429'], [4, '338314'],
    [5, '254676'], [6, '287922'], [7, '162583'], [8, '399871'], [9, '520489'],
  ])('counter %p → %p', (counter, code) => expect(hotp(RFC_KEY, counter)).toBe(code));
});

describe('TOTP (RFC 6238, appendix B, SHA-1, eight digits)', () => {
  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ])('time %p → %p', (seconds, code) => expect(hotp(RFC_KEY, totpStep(seconds * 1000), 8)).toBe(code));

  it('reads the same key from its base32 form', () => {
    const secret = base32Encode(RFC_KEY);
    expect(secret).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(base32Decode(secret)).toEqual(RFC_KEY);
    // Six digits: the low six of the eight above.
    expect(totpCode(secret, 59_000)).toBe('287082');
  });
});

describe('matching a code', () => {
  const secret = base32Encode(RFC_KEY);
  const t = 1_111_111_111_000;
  const step = totpStep(t);
  it.each<[string, number, number | null]>([
    ['its own step', 0, step],
    ['one step early (a phone ahead)', 1, step + 1],
    ['one step late', -1, step - 1],
    ['two steps early', 2, null],
    ['two steps late', -2, null],
  ])('%s', (_label, offset, expected) => {
    const code = totpCode(secret, t + offset * 30_000);
    expect(matchTotp(secret, code, t)).toBe(expected);
  });

  it.each(['', '12345', '1234567', 'abcdef', '12 456', '１２３４５６'])('refuses the malformed code %p', (code) => expect(matchTotp(secret, code, t)).toBeNull());

  it('makes distinct 160-bit secrets and an otpauth address apps read', () => {
    const a = newTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(a);
    expect(otpauthUri(a, 'admin.liaoning', '重点项目调度平台')).toBe(
      `otpauth://totp/${encodeURIComponent('重点项目调度平台:admin.liaoning')}?secret=${a}&issuer=${encodeURIComponent('重点项目调度平台')}&algorithm=SHA1&digits=6&period=30`,
    );
  });
});

describe('whether admins must use two-step verification (ADMIN_TOTP)', () => {
  it.each<[string, string | undefined, 'required' | 'optional']>([
    ['production', undefined, 'required'],
    ['production', 'optional', 'optional'],
    ['development', undefined, 'optional'],
    ['development', 'required', 'required'],
    ['test', undefined, 'optional'],
  ])('NODE_ENV=%s, ADMIN_TOTP=%p → %p', (mode, value, expected) => {
    expect(loadConfig({ NODE_ENV: mode, FIELD_ENCRYPTION_KEY: TEST_FIELD_KEY, ...(value === undefined ? {} : { ADMIN_TOTP: value }) }).adminTotp).toBe(expected);
  });

  it('refuses any other value', () => expect(() => loadConfig({ NODE_ENV: 'production', ADMIN_TOTP: 'yes' })).toThrow(/ADMIN_TOTP/));
});
