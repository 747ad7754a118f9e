import { isValidUsername, securityEventKind, nextSignInStep, normalizeUsername, passwordExpired, passwordWeakness, type PasswordPolicy, type SignInState, type SignInStep } from './accounts';

describe('passwordWeakness', () => {
  it.each<[string, ReturnType<typeof passwordWeakness>]>([
    ['Liaoning@2020', null],
    ['liaoning2020!', null],
    ['LIAONING2020x', null],
    ['Short@1a', 'tooShort'],
    ['', 'tooShort'],
    ['alllowercase1', 'tooFewClasses'],
    ['ALLUPPERCASE!', 'tooFewClasses'],
    ['12345678901!', 'tooFewClasses'],
    ['Aa1!' + 'x'.repeat(125), 'tooLong'],
    ['Aa1!' + 'x'.repeat(124), null],
  ])('%p → %p', (password, weakness) => expect(passwordWeakness(password)).toBe(weakness));

  const policy = (minLength: number, minClasses: number): PasswordPolicy => ({ minLength, minClasses, history: 0, adminMaxAgeDays: 0 });
  it.each<[string, PasswordPolicy, ReturnType<typeof passwordWeakness>]>([
    ['Liaoning@2020', policy(14, 3), 'tooShort'],
    ['Liaoning@20201', policy(14, 3), null],
    ['Liaoning@2020', policy(12, 4), null],
    ['Liaoning2020x', policy(12, 4), 'tooFewClasses'],
    ['alllowercase1', policy(10, 2), null],
    ['alllowercase', policy(10, 2), 'tooFewClasses'],
    ['alllowercase', policy(10, 1), null],
    // Never shorter than 8 nor more classes than there are, whatever is configured.
    ['Aa1!aa1', policy(4, 3), 'tooShort'],
    ['Aa1!aa1x', policy(4, 3), null],
    ['Aa1!aa1xyz', policy(10, 9), null],
    ['aaaaaaaaaa', policy(10, 0), null],
  ])('%p under %j → %p', (password, p, weakness) => expect(passwordWeakness(password, p)).toBe(weakness));
});

describe('passwordExpired', () => {
  const day = 86_400_000;
  const changed = new Date('2026-01-01T00:00:00Z');
  it.each<[number, number, boolean]>([
    [89, 90, false],
    [90, 90, true],
    [400, 90, true],
    [400, 0, false],
    [0, 1, false],
    [1, 1, true],
  ])('changed %p days ago, max age %p → expired %p', (ago, max, expired) =>
    expect(passwordExpired(changed, new Date(changed.getTime() + ago * day), max)).toBe(expired));
});

describe('nextSignInStep', () => {
  const s = (totpEnabled: boolean, totpVerified: boolean, passwordChangeDue: boolean, totpRequired: boolean): SignInState => ({ totpEnabled, totpVerified, passwordChangeDue, totpRequired });
  it.each<[SignInState, SignInStep]>([
    [s(false, false, false, false), 'DONE'],
    [s(false, false, false, true), 'ENROL_TOTP'],
    [s(true, false, false, true), 'TOTP'],
    [s(true, false, true, true), 'TOTP'],
    [s(true, true, false, true), 'DONE'],
    [s(true, true, true, true), 'CHANGE_PASSWORD'],
    [s(false, false, true, true), 'CHANGE_PASSWORD'],
    [s(false, false, true, false), 'CHANGE_PASSWORD'],
    [s(true, false, false, false), 'TOTP'],
    [s(true, true, false, false), 'DONE'],
  ])('%j → %p', (state, step) => expect(nextSignInStep(state)).toBe(step));
});

describe('usernames', () => {
  it.each<[string, boolean]>([
    ['admin.sujiatun', true],
    ['  Admin.Sujiatun ', true],
    ['delegate-001_x', true],
    ['ab', false],
    ['李军', false],
    ['has space', false],
    ['a'.repeat(64), true],
    ['a'.repeat(65), false],
  ])('%p valid: %p', (name, valid) => expect(isValidUsername(name)).toBe(valid));

  it('normalizes to trimmed lower case', () => expect(normalizeUsername(' Admin.X ')).toBe('admin.x'));
});

describe('securityEventKind', () => {
  it.each<[string, ReturnType<typeof securityEventKind>]>([
    ['auth.login_failed', 'SIGN_IN_FAILURE'],
    ['auth.totp_failed', 'SIGN_IN_FAILURE'],
    ['auth.locked', 'LOCKOUT'],
    ['user.totp_enrol', 'TWO_FACTOR'],
    ['user.totp_reset', 'TWO_FACTOR'],
    ['auth.recovery_code', 'TWO_FACTOR'],
    ['user.resetPassword', 'PASSWORD'],
    ['user.access', 'ACCOUNT'],
    ['apiToken.create', 'API_TOKEN'],
    ['apiToken.revoke', 'API_TOKEN'],
    ['session.revoke', 'SESSION'],
    ['auth.login', null],
    ['auth.logout', null],
    ['project.update', null],
    ['toString', null],
  ])('%p → %p', (action, kind) => expect(securityEventKind(action)).toBe(kind));
});
