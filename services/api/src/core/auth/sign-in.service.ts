import crypto from 'node:crypto';
import { IsNull } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { nextSignInStep, passwordExpired, type SignInStep } from '@kpd/domain';
import { ConflictError, NotFoundError, UnauthenticatedError, UserInputError } from '../errors';
import { mutate, writeAudit } from '../transaction';
import type { Context } from '../context';
import { forgetCachedSessions, requestToken } from './authenticate';
import { hashToken } from './password';
import { isSignedIn, requireSignedIn } from './policy';
import { RecoveryCode } from './recovery-code.entity';
import { Session, SessionKind } from './session.entity';
import { matchTotp, newTotpSecret, otpauthUri } from './totp';
import { Role, User } from './user.entity';

/** How long a sign-in may wait at a step (the code, a new password, the enrolment) before starting over. */
export const PENDING_MINUTES = 10;
export const TOTP_ISSUER = '重点项目调度平台';
const RECOVERY_CODES = 10;

/** What the account still owes at sign-in, given whether the second factor was given in this sign-in. */
export function stepFor(ctx: Context, user: User, totpVerified: boolean): SignInStep {
  const changedAt = user.passwordChangedAt ?? user.createdAt;
  return nextSignInStep({
    totpEnabled: user.totpSecret !== null,
    totpVerified,
    passwordChangeDue:
      user.mustChangePassword || (user.role === Role.ADMIN && passwordExpired(changedAt, new Date(), ctx.config.passwordPolicy.adminMaxAgeDays)),
    totpRequired: user.role === Role.ADMIN && ctx.config.adminTotp === 'required',
  });
}

export function lockedMessage(until: Date): string {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
  return `账户因多次验证失败已锁定，请 ${minutes} 分钟后再试 (account locked after repeated failed sign-ins; try again in ${minutes} min)`;
}

export function lockedError(until: Date): UnauthenticatedError {
  return new UnauthenticatedError(lockedMessage(until), { reason: 'LOCKED', lockedUntil: until.toISOString() });
}

/**
 * Counts a failed sign-in (a wrong password or a wrong second-factor code: one counter, one lock) and
 * locks the account at the limit. Committed on its own, since the sign-in itself fails; the count is
 * kept in the database so concurrent attempts cannot slip past the limit. Returns the lock, if set.
 */
export async function countFailedSignIn(ctx: Context, user: User, action: 'auth.login_failed' | 'auth.totp_failed'): Promise<Date | null> {
  const { maxAttempts, minutes } = ctx.config.lockout;
  return ctx.db.transaction(async (em) => {
    await em
      .createQueryBuilder()
      .update(User)
      .set({ failedLogins: () => 'failed_logins + 1' })
      .where('id = :id', { id: user.id })
      .execute();
    const fresh = await em.findOneByOrFail(User, { id: user.id });
    let until: Date | null = null;
    if (fresh.failedLogins >= maxAttempts) {
      until = new Date(Date.now() + minutes * 60_000);
      await em.update(User, user.id, { failedLogins: 0, lockedUntil: until });
    }
    await writeAudit(em, ctx, {
      action: until ? 'auth.locked' : action,
      entityType: 'User',
      entityId: user.id,
      areaId: user.areaId,
      // Nobody is signed in yet: the record names whose sign-in it was.
      after: { username: user.username, ...(until ? { lockedUntil: until } : {}) },
    });
    return until;
  });
}

/** Who takes a sign-in step: the account and its session (the pending one, or the signed-in one). */
export interface SignInSubject {
  user: User;
  session: Session | null;
  /** The session is still short of a step (it reads nothing else). */
  pending: boolean;
}

/** The request's sign-in session still waiting at one of `stages`, or null. */
async function pendingSession(ctx: Context, stages: readonly SignInStep[]): Promise<Session | null> {
  const token = ctx.req?.headers ? requestToken(ctx.req) : null;
  if (!token || token.length > 200) return null;
  const session = await ctx.db.getRepository(Session).findOneBy({ tokenHash: hashToken(token), kind: SessionKind.SESSION, revokedAt: IsNull() });
  if (!session || session.stage === null || !stages.includes(session.stage as SignInStep)) return null;
  if (session.expiresAt && session.expiresAt.getTime() <= Date.now()) return null;
  return session;
}

/**
 * The account taking a step: a signed-in person (its own account), or a sign-in waiting at one of
 * `stages`. Anyone else is UNAUTHENTICATED.
 */
export async function signInSubject(ctx: Context, stages: readonly SignInStep[], signedInMay: boolean): Promise<SignInSubject> {
  const users = ctx.db.getRepository(User);
  if (isSignedIn(ctx.viewer) && ctx.viewer.sessionKind === 'SESSION') {
    if (!signedInMay) throw new ConflictError('您已登录，无需此步骤 (you are signed in already)');
    const user = await users.findOneByOrFail({ id: ctx.viewer.userId });
    const session = ctx.viewer.sessionId ? await ctx.db.getRepository(Session).findOneBy({ id: ctx.viewer.sessionId }) : null;
    return { user, session, pending: false };
  }
  const session = await pendingSession(ctx, stages);
  if (!session) throw new UnauthenticatedError('登录已过期，请重新登录 (sign in again)');
  const user = await users.findOneBy({ id: session.userId, active: true });
  if (!user) throw new UnauthenticatedError('登录已过期，请重新登录 (sign in again)');
  return { user, session, pending: true };
}

/**
 * Moves a pending sign-in on after a step it took: to the next step it owes, or signed in (its
 * absolute lifetime, SESSION_TTL_HOURS, counted from now). Answers the step now owed.
 */
export async function advance(ctx: Context, em: EntityManager, subject: SignInSubject, totpVerified: boolean): Promise<SignInStep> {
  if (!subject.pending || !subject.session) return 'DONE';
  const user = await em.findOneByOrFail(User, { id: subject.user.id });
  const step = stepFor(ctx, user, totpVerified);
  const now = Date.now();
  const expiresAt = new Date(now + (step === 'DONE' ? ctx.config.sessionTtlHours * 3600_000 : PENDING_MINUTES * 60_000));
  await em.update(Session, subject.session.id, { stage: step === 'DONE' ? null : step, expiresAt, lastUsedAt: new Date(now) });
  return step;
}

/** The step the request's sign-in is waiting at, or null (signed in, signed out, or expired). */
export async function signInStep(ctx: Context): Promise<SignInStep | null> {
  if (isSignedIn(ctx.viewer)) return null;
  const session = await pendingSession(ctx, ['TOTP', 'CHANGE_PASSWORD', 'ENROL_TOTP']);
  return session ? (session.stage as SignInStep) : null;
}

const normalizeRecovery = (code: string) => code.toLowerCase().replace(/[\s-]/g, '');

/**
 * The second step of a sign-in with a second factor: the authenticator's six digits (the step they
 * belong to must be newer than the last one accepted, so a code seen over a shoulder or replayed is
 * refused), or one of the account's unused recovery codes. A wrong code counts like a wrong password
 * and locks the account at the same limit.
 */
export async function verifySignInCode(ctx: Context, codeInput: string): Promise<SignInStep> {
  const subject = await signInSubject(ctx, ['TOTP'], false);
  const { user } = subject;
  if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) throw lockedError(user.lockedUntil);
  const code = codeInput.trim().replace(/\s/g, '');
  let accepted: 'totp' | 'recovery' | null = null;
  let replayed = false;
  if (/^\d{6}$/.test(code) && user.totpSecret) {
    const step = matchTotp(user.totpSecret, code, Date.now());
    if (step !== null) {
      // One statement decides, so two requests with the same code cannot both pass.
      const result = await ctx.db
        .createQueryBuilder()
        .update(User)
        .set({ totpLastStep: step })
        .where('id = :id AND (totp_last_step IS NULL OR totp_last_step < :step)', { id: user.id, step })
        .execute();
      if (result.affected === 1) accepted = 'totp';
      else replayed = true;
    }
  } else if (/^[a-z2-7]{10}$/.test(normalizeRecovery(code))) {
    const result = await ctx.db
      .createQueryBuilder()
      .update(RecoveryCode)
      .set({ usedAt: new Date() })
      .where('user_id = :uid AND code_hash = :hash AND used_at IS NULL', { uid: user.id, hash: hashToken(normalizeRecovery(code)) })
      .execute();
    if (result.affected === 1) accepted = 'recovery';
  }
  if (!accepted) {
    const lockedUntil = await countFailedSignIn(ctx, user, 'auth.totp_failed');
    if (lockedUntil) throw lockedError(lockedUntil);
    throw new UserInputError(
      'code',
      replayed ? '该验证码已使用过，请等待验证器显示下一个 (this code was used already; wait for the next one)' : '验证码不正确 (wrong code)',
    );
  }
  return mutate(ctx, async (tx) => {
    await tx.em.update(User, user.id, { failedLogins: 0 });
    const next = await advance(ctx, tx.em, subject, true);
    await tx.audit({
      action: accepted === 'totp' ? 'auth.totp' : 'auth.recovery_code',
      entityType: 'Session',
      entityId: subject.session!.id,
      areaId: user.areaId,
      after: { username: user.username, next },
    });
    return next;
  });
}

export interface TotpEnrolment {
  secret: string;
  otpauthUri: string;
  account: string;
  issuer: string;
}

/**
 * Starts the enrolment of an authenticator: a new secret, kept aside until a code from it confirms
 * it (so a half-done enrolment changes nothing about how the account signs in).
 */
export async function beginTotpEnrolment(ctx: Context): Promise<TotpEnrolment> {
  const subject = await signInSubject(ctx, ['ENROL_TOTP'], true);
  const { user } = subject;
  if (user.totpSecret) throw new ConflictError('两步验证已启用 (the second factor is enrolled already)');
  const secret = newTotpSecret();
  await mutate(ctx, async (tx) => {
    await tx.em.update(User, user.id, { totpPendingSecret: secret });
    await tx.audit({ action: 'user.totp_enrol_begin', entityType: 'User', entityId: user.id, areaId: user.areaId, after: { username: user.username } });
  });
  return { secret, otpauthUri: otpauthUri(secret, user.username, TOTP_ISSUER), account: user.username, issuer: TOTP_ISSUER };
}

export interface TotpEnrolled {
  recoveryCodes: string[];
  next: SignInStep;
}

function newRecoveryCode(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  const bytes = crypto.randomBytes(10);
  let code = '';
  for (const b of bytes) code += alphabet[b & 31];
  return code;
}

/**
 * Confirms the enrolment with a code from the authenticator: the secret becomes the account's second
 * factor, and ten recovery codes are made, answered this once and kept only as hashes.
 */
export async function confirmTotpEnrolment(ctx: Context, codeInput: string): Promise<TotpEnrolled> {
  const subject = await signInSubject(ctx, ['ENROL_TOTP'], true);
  const user = await ctx.db.getRepository(User).findOneByOrFail({ id: subject.user.id });
  if (user.totpSecret) throw new ConflictError('两步验证已启用 (the second factor is enrolled already)');
  if (!user.totpPendingSecret) throw new UserInputError('code', '请先生成二维码 (start the enrolment first)');
  const step = matchTotp(user.totpPendingSecret, codeInput.trim(), Date.now());
  if (step === null) throw new UserInputError('code', '验证码不正确，请核对手机时间后重试 (wrong code; check the phone\'s clock)');
  const codes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
  const next = await mutate(ctx, async (tx) => {
    const done = await tx.em
      .createQueryBuilder()
      .update(User)
      .set({ totpSecret: user.totpPendingSecret, totpPendingSecret: null, totpEnabledAt: new Date(), totpLastStep: step })
      .where('id = :id AND totp_secret IS NULL', { id: user.id })
      .execute();
    if (done.affected !== 1) throw new ConflictError('两步验证已启用 (the second factor is enrolled already)');
    await tx.em.delete(RecoveryCode, { userId: user.id });
    await tx.em.insert(RecoveryCode, codes.map((c) => ({ userId: user.id, codeHash: hashToken(c), usedAt: null })));
    const after = await advance(ctx, tx.em, subject, true);
    await tx.audit({ action: 'user.totp_enrol', entityType: 'User', entityId: user.id, areaId: user.areaId, after: { username: user.username, recoveryCodes: RECOVERY_CODES } });
    return after;
  });
  return { recoveryCodes: codes.map((c) => `${c.slice(0, 5)}-${c.slice(5)}`), next };
}

/** The viewer's second factor: enrolled or not, required or not, and how many recovery codes are left. */
export async function myTwoFactor(ctx: Context): Promise<{ enabled: boolean; enabledAt: Date | null; required: boolean; recoveryCodesLeft: number }> {
  requireSignedIn(ctx.viewer);
  const user = await ctx.db.getRepository(User).findOneByOrFail({ id: ctx.viewer.userId });
  return {
    enabled: user.totpSecret !== null,
    enabledAt: user.totpEnabledAt,
    required: user.role === Role.ADMIN && ctx.config.adminTotp === 'required',
    recoveryCodesLeft: await ctx.db.getRepository(RecoveryCode).countBy({ userId: user.id, usedAt: IsNull() }),
  };
}

/**
 * Removes the second factor of an account of the admin's scope (a lost phone and lost recovery
 * codes): its recovery codes go, every session of the account ends, and an admin's next sign-in
 * enrols a new authenticator (when ADMIN_TOTP=required).
 */
export async function resetUserTwoFactor(ctx: Context, userId: number): Promise<User> {
  const viewer = ctx.viewer;
  requireSignedIn(viewer);
  const changed = await mutate(ctx, async (tx) => {
    const user = await tx.em.findOneBy(User, { id: userId });
    if (!user || !viewer.scope.contains(user.areaId)) throw new NotFoundError('User', userId);
    if (user.id === viewer.userId) throw new UserInputError('id', '不能重置自己的两步验证 (ask another admin to reset your own)');
    if (!user.totpSecret && !user.totpPendingSecret) {
      tx.unchanged();
      return user;
    }
    await tx.em.update(User, user.id, { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null });
    await tx.em.delete(RecoveryCode, { userId: user.id });
    await tx.em
      .createQueryBuilder()
      .update(Session)
      .set({ revokedAt: new Date() })
      .where('user_id = :uid AND kind = :kind AND revoked_at IS NULL', { uid: user.id, kind: SessionKind.SESSION })
      .execute();
    await tx.audit({ action: 'user.totp_reset', entityType: 'User', entityId: user.id, areaId: user.areaId, after: { username: user.username } });
    return tx.em.findOneByOrFail(User, { id: user.id });
  });
  forgetCachedSessions(ctx.db);
  return changed;
}

/** The viewer's live sign-in sessions, the newest first. */
export async function mySessions(ctx: Context): Promise<Session[]> {
  requireSignedIn(ctx.viewer);
  const now = Date.now();
  const idleMs = ctx.config.sessionIdleMinutes * 60_000;
  const rows = await ctx.db.getRepository(Session).find({
    where: { userId: ctx.viewer.userId, kind: SessionKind.SESSION, revokedAt: IsNull(), stage: IsNull() },
    order: { id: 'DESC' },
    take: 100,
  });
  return rows.filter(
    (s) => (!s.expiresAt || s.expiresAt.getTime() > now) && (idleMs === 0 || (s.lastUsedAt ?? s.createdAt).getTime() > now - idleMs - 60_000),
  );
}

/** Ends one of the viewer's own sessions (the current one too: that is signing out). */
export async function revokeSession(ctx: Context, id: number): Promise<Session> {
  requireSignedIn(ctx.viewer);
  const viewer = ctx.viewer;
  const revoked = await mutate(ctx, async (tx) => {
    const session = await tx.em.findOneBy(Session, { id, kind: SessionKind.SESSION, userId: viewer.userId });
    if (!session) throw new NotFoundError('Session', id);
    if (session.revokedAt) {
      tx.unchanged();
      return session;
    }
    session.revokedAt = new Date();
    await tx.em.update(Session, session.id, { revokedAt: session.revokedAt });
    await tx.audit({ action: 'session.revoke', entityType: 'Session', entityId: session.id, after: { revokedAt: session.revokedAt } });
    return session;
  });
  // This process forgets at once; the others within a second (the audit record moves their generation).
  forgetCachedSessions(ctx.db);
  return revoked;
}
