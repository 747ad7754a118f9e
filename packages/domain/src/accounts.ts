/**
 * Accounts: what a username and a password must be. The API refuses what breaks these rules and the
 * admin's forms check the same rules before sending.
 */

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/** Why a new password is refused, or null when it is acceptable. */
export type PasswordWeakness = 'tooShort' | 'tooLong' | 'tooFewClasses';

/** Lower case, upper case, digits, symbols: how many of the four a password mixes. */
export function passwordClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
}

export function passwordWeakness(password: string): PasswordWeakness | null {
  if (password.length < PASSWORD_MIN_LENGTH) return 'tooShort';
  if (password.length > PASSWORD_MAX_LENGTH) return 'tooLong';
  if (passwordClasses(password) < 3) return 'tooFewClasses';
  return null;
}

/** Usernames are stored trimmed and in lower case. */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

/** 3–64 letters, digits, dots, dashes or underscores (after normalizing). */
export function isValidUsername(username: string): boolean {
  return /^[a-z0-9._-]{3,64}$/.test(normalizeUsername(username));
}
