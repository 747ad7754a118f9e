import { isValidUsername, normalizeUsername, passwordWeakness } from './accounts';

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
