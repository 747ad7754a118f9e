/**
 * Accounts: what a username and a password must be. The API refuses what breaks these rules and the
 * admin's forms check the same rules before sending.
 */

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/** Why a new password is refused, or null when it is acceptable. */
export type PasswordWeakness = 'tooShort' | 'tooLong' | 'tooFewClasses';

/**
 * The password policy a deployment configures (PASSWORD_MIN_LENGTH, PASSWORD_MIN_CLASSES,
 * PASSWORD_HISTORY, ADMIN_PASSWORD_MAX_AGE_DAYS). The minimum length is never below 8 and the
 * classes are 1–4, whatever the configuration says.
 */
export interface PasswordPolicy {
  minLength: number;
  minClasses: number;
  /** A new password may not be any of the last N (the current one included); 0: no check. */
  history: number;
  /** An admin's password must be changed after this many days; 0: never. */
  adminMaxAgeDays: number;
}

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = { minLength: PASSWORD_MIN_LENGTH, minClasses: 3, history: 5, adminMaxAgeDays: 90 };

/** Lower case, upper case, digits, symbols: how many of the four a password mixes. */
export function passwordClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
}

export function passwordWeakness(password: string, policy: Pick<PasswordPolicy, 'minLength' | 'minClasses'> = DEFAULT_PASSWORD_POLICY): PasswordWeakness | null {
  if (password.length < Math.max(8, policy.minLength)) return 'tooShort';
  if (password.length > PASSWORD_MAX_LENGTH) return 'tooLong';
  if (passwordClasses(password) < Math.min(4, Math.max(1, policy.minClasses))) return 'tooFewClasses';
  return null;
}

/** Whether a password set at `changedAt` has run out at `now` (maxAgeDays 0: never). */
export function passwordExpired(changedAt: Date, now: Date, maxAgeDays: number): boolean {
  return maxAgeDays > 0 && now.getTime() - changedAt.getTime() >= maxAgeDays * 86_400_000;
}

/**
 * What a sign-in still needs after the password was right, in order: the code of the second factor
 * when the account has one; a new password when the one given is temporary or has run out; the
 * enrolment of a second factor when the account must have one and has none. DONE: signed in.
 */
export type SignInStep = 'TOTP' | 'CHANGE_PASSWORD' | 'ENROL_TOTP' | 'DONE';

export interface SignInState {
  totpEnabled: boolean;
  totpVerified: boolean;
  passwordChangeDue: boolean;
  totpRequired: boolean;
}

export function nextSignInStep(state: SignInState): SignInStep {
  if (state.totpEnabled && !state.totpVerified) return 'TOTP';
  if (state.passwordChangeDue) return 'CHANGE_PASSWORD';
  if (state.totpRequired && !state.totpEnabled) return 'ENROL_TOTP';
  return 'DONE';
}

/** Usernames are stored trimmed and in lower case. */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

/** 3–64 letters, digits, dots, dashes or underscores (after normalizing). */
export function isValidUsername(username: string): boolean {
  return /^[a-z0-9._-]{3,64}$/.test(normalizeUsername(username));
}

/** What kind of security event (安全事件) an audit action is: the admin's view groups them so. */
export type SecurityEventKind = 'SIGN_IN_FAILURE' | 'LOCKOUT' | 'TWO_FACTOR' | 'PASSWORD' | 'ACCOUNT' | 'API_TOKEN' | 'SESSION';

/**
 * The audit trail's security events: failed sign-ins and second-factor codes, lockouts, a recovery
 * code used, two-factor enrolment and reset, password changes and resets, accounts enabled, disabled
 * or unlocked, API tokens created or revoked, sessions revoked. A successful sign-in is not one.
 */
export const SECURITY_EVENTS: Readonly<Record<string, SecurityEventKind>> = {
  'auth.login_failed': 'SIGN_IN_FAILURE',
  'auth.totp_failed': 'SIGN_IN_FAILURE',
  'auth.locked': 'LOCKOUT',
  'auth.recovery_code': 'TWO_FACTOR',
  'user.totp_enrol_begin': 'TWO_FACTOR',
  'user.totp_enrol': 'TWO_FACTOR',
  'user.totp_reset': 'TWO_FACTOR',
  'user.changePassword': 'PASSWORD',
  'user.resetPassword': 'PASSWORD',
  'user.access': 'ACCOUNT',
  'apiToken.create': 'API_TOKEN',
  'apiToken.revoke': 'API_TOKEN',
  'session.revoke': 'SESSION',
};

/** The audit actions that are security events. */
export const SECURITY_ACTIONS: readonly string[] = Object.keys(SECURITY_EVENTS);

/** The kind of security event an audit action is, or null when it is none. */
export function securityEventKind(action: string): SecurityEventKind | null {
  return Object.prototype.hasOwnProperty.call(SECURITY_EVENTS, action) ? SECURITY_EVENTS[action] : null;
}
