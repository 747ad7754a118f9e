import { In, IsNull } from 'typeorm';
import { isValidUsername, normalizeUsername } from '@kpd/domain';
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError, UserInputError } from '../errors';
import { parseId } from '../ids';
import { paginate, type Page } from '../pagination';
import { mutate } from '../transaction';
import type { Context } from '../context';
import type { SignInStep } from '@kpd/domain';
import { burnPasswordCheck, hashPassword, hashToken, newToken, passwordWeakness, recentPasswordHashes, verifyPassword } from './password';
import { advance, countFailedSignIn, lockedError, PENDING_MINUTES, signInSubject, stepFor } from './sign-in.service';
import { forgetCachedSessions } from './authenticate';
import { Session, SessionKind } from './session.entity';
import { User } from './user.entity';
import { DEMO_GUIDE } from './demo-guide';
import type { DemoAccount } from './auth.types';
import { DEMO_PASSWORD } from './seed';
import type { CreateUserInput, UserListArgs } from './auth.inputs';
import { canGrantScope, canManageApiTokens, canManageToken, isApiToken, isReadOnlyRole, isSignedIn, requireThat } from './policy';
import { formatScopes, parseScopes, type TokenScope } from './token-scope';


export interface LoginResult {
  token: string;
  expiresAt: Date;
  user: User;
  /** What the sign-in still needs; DONE: signed in. */
  next: SignInStep;
}

/**
 * Checks a password and opens a session. Repeated failures lock the account for a while. When the
 * account owes a further step (its second factor's code, a new password, the enrolment of a second
 * factor) the session waits at that step for PENDING_MINUTES: it reads nothing and may only take it.
 */
export async function login(ctx: Context, usernameInput: string, password: string): Promise<LoginResult> {
  const username = normalizeUsername(usernameInput);
  const wrong = () => new UnauthenticatedError('用户名或密码错误 (wrong username or password)');
  if (!username || username.length > 64 || password.length > 256) throw wrong();
  const users = ctx.db.getRepository(User);
  const user = await users.findOne({ where: { username } });
  if (!user) {
    await burnPasswordCheck(password, ctx.config.passwordCostN);
    throw wrong();
  }
  if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) throw lockedError(user.lockedUntil);
  const ok = await verifyPassword(password, user.passwordHash);
  if (!ok || !user.active) {
    const lockedUntil = await countFailedSignIn(ctx, user, 'auth.login_failed');
    if (lockedUntil) throw lockedError(lockedUntil);
    throw wrong();
  }
  const next = stepFor(ctx, user, false);
  const token = newToken('kpd');
  const now = Date.now();
  const expiresAt = new Date(now + (next === 'DONE' ? ctx.config.sessionTtlHours * 3600_000 : PENDING_MINUTES * 60_000));
  const agent = ctx.req?.headers?.['user-agent'];
  await mutate(ctx, async (tx) => {
    // A pending sign-in keeps the failure count: the second factor's failures add to the password's.
    if (next === 'DONE') await tx.em.update(User, user.id, { failedLogins: 0, lockedUntil: null });
    const session = await tx.em.save(
      tx.em.create(Session, {
        userId: user.id,
        tokenHash: hashToken(token),
        kind: SessionKind.SESSION,
        readOnly: isReadOnlyRole(user.role),
        expiresAt,
        areaId: null,
        name: null,
        createdByUserId: user.id,
        stage: next === 'DONE' ? null : next,
        userAgent: typeof agent === 'string' ? agent.slice(0, 255) : null,
        createdIp: ctx.req?.ip ? ctx.req.ip.slice(0, 45) : null,
        lastIp: ctx.req?.ip ? ctx.req.ip.slice(0, 45) : null,
        lastUsedAt: new Date(now),
      }),
    );
    await tx.audit({ action: 'auth.login', entityType: 'Session', entityId: session.id, areaId: user.areaId, after: { username: user.username, next } });
  });
  return { token, expiresAt, user, next };
}

export async function logout(ctx: Context): Promise<boolean> {
  const { sessionId } = ctx.viewer;
  if (!sessionId) return false;
  await mutate(ctx, async (tx) => {
    await tx.em.update(Session, { id: sessionId, revokedAt: IsNull() }, { revokedAt: new Date() });
    await tx.audit({ action: 'auth.logout', entityType: 'Session', entityId: sessionId });
  });
  forgetCachedSessions(ctx.db);
  return true;
}

export interface ApiTokenFields {
  name: string;
  scopes: TokenScope[];
  areaId?: number | null;
  expiresInDays?: number | null;
}

/**
 * Makes an API token: its own principal (an analyst, read-only) reading an area no wider than its
 * creator's with the scopes named, contacts only when the creator reads them there. The secret is
 * answered this once; only its SHA-256 is kept.
 */
export async function createApiToken(ctx: Context, input: ApiTokenFields): Promise<{ token: string; apiToken: Session }> {
  const viewer = ctx.viewer;
  requireThat(viewer, canManageApiTokens(viewer), 'API tokens are made by admins and analysts, signed in themselves');
  const area = viewer.scope.narrow(input.areaId ?? null);
  if (!area) throw new ForbiddenError('The token can only read inside your own area');
  const scopes = [...new Set(input.scopes)];
  if (scopes.length === 0) throw new UserInputError('input.scopes', '至少选择一项权限 (name at least one scope)');
  const refused = scopes.filter((scope) => !canGrantScope(viewer, scope, area.id));
  if (refused.length > 0) {
    throw new UserInputError('input.scopes', `您不能授予 ${refused.join(', ')} (you may not grant ${refused.join(', ')} for ${area.name})`);
  }
  const days = input.expiresInDays ?? 365;
  const token = newToken('kpd_api');
  const apiToken = await mutate(ctx, async (tx) => {
    const saved = await tx.em.save(
      tx.em.create(Session, {
        userId: viewer.userId,
        tokenHash: hashToken(token),
        kind: SessionKind.API,
        name: input.name.trim(),
        readOnly: true,
        scopes: formatScopes(scopes),
        areaId: area.id,
        createdByUserId: viewer.userId,
        expiresAt: new Date(Date.now() + days * 86_400_000),
      }),
    );
    const { tokenHash: _secret, ...after } = saved;
    await tx.audit({ action: 'apiToken.create', entityType: 'ApiToken', entityId: saved.id, areaId: area.id, after });
    return saved;
  });
  return { token, apiToken };
}

/** API tokens the viewer manages: an admin's, every token reading inside its scope; an analyst's, its own. */
export async function listApiTokens(ctx: Context): Promise<Session[]> {
  const viewer = ctx.viewer;
  requireThat(viewer, canManageApiTokens(viewer), 'API tokens are listed by admins and analysts');
  const qb = ctx.db
    .getRepository(Session)
    .createQueryBuilder('s')
    .where('s.kind = :kind', { kind: SessionKind.API })
    .orderBy('s.id', 'DESC');
  const ids = viewer.scope.areaIds();
  if (ids) qb.andWhere('s.areaId IN (:...ids)', { ids });
  const rows = await qb.getMany();
  return rows.filter((t) => canManageToken(viewer, t));
}

export async function revokeApiToken(ctx: Context, id: number): Promise<Session> {
  const viewer = ctx.viewer;
  requireThat(viewer, canManageApiTokens(viewer), 'API tokens are revoked by admins and analysts');
  const revoked = await mutate(ctx, async (tx) => {
    const token = await tx.em.findOne(Session, { where: { id, kind: SessionKind.API } });
    if (!token || !canManageToken(viewer, token)) throw new NotFoundError('ApiToken', id);
    if (token.revokedAt) {
      tx.unchanged();
      return token;
    }
    const { tokenHash: _secret, ...before } = token;
    token.revokedAt = new Date();
    await tx.em.save(token);
    await tx.audit({ action: 'apiToken.revoke', entityType: 'ApiToken', entityId: id, areaId: token.areaId, before, after: { ...before, revokedAt: token.revokedAt } });
    return token;
  });
  forgetCachedSessions(ctx.db);
  return revoked;
}

/** The scopes a token holds. */
export function scopesOf(token: Session): TokenScope[] {
  return [...parseScopes(token.scopes)].sort();
}

/** Who made a token: shown to whoever manages it (an admin of its area, or its maker). */
export async function creatorOf(ctx: Context, token: Session): Promise<User | null> {
  if (token.createdByUserId === null) return null;
  return ctx.db.getRepository(User).findOneBy({ id: token.createdByUserId });
}

/**
 * Changes the password of the account signed in, or of a sign-in waiting for a new password (a
 * temporary one set by an admin, or an admin's that ran out). The policy of the configuration holds,
 * and none of the last PASSWORD_HISTORY passwords may come back. Every other session of the account
 * ends; a waiting sign-in moves on to its next step.
 */
export async function changePassword(ctx: Context, current: string, next: string): Promise<SignInStep> {
  const subject = await signInSubject(ctx, ['CHANGE_PASSWORD'], true);
  const user = await ctx.db.getRepository(User).findOneByOrFail({ id: subject.user.id });
  if (!(await verifyPassword(current, user.passwordHash))) {
    throw new UserInputError('currentPassword', '原密码不正确 (is not your current password)');
  }
  const policy = ctx.config.passwordPolicy;
  const weakness = passwordWeakness(next, policy);
  if (weakness) throw new UserInputError('newPassword', weakness);
  const recent = recentPasswordHashes(user.passwordHash, user.passwordHistory, policy.history);
  for (const hash of recent) {
    if (await verifyPassword(next, hash)) {
      throw new UserInputError('newPassword', `不能与最近 ${policy.history} 次使用过的密码相同 (must differ from your last ${policy.history} passwords)`);
    }
  }
  const passwordHash = await hashPassword(next, ctx.config.passwordCostN);
  const history = JSON.stringify(recentPasswordHashes(user.passwordHash, user.passwordHistory, Math.max(0, policy.history - 1)));
  const keep = subject.session?.id ?? 0;
  const step = await mutate(ctx, async (tx) => {
    await tx.em.update(User, user.id, { passwordHash, passwordHistory: history, passwordChangedAt: new Date(), mustChangePassword: false });
    // Every other session of this user ends: a changed password locks out whoever knew the old one.
    await tx.em
      .createQueryBuilder()
      .update(Session)
      .set({ revokedAt: new Date() })
      .where('user_id = :uid AND kind = :kind AND id <> :current AND revoked_at IS NULL', { uid: user.id, kind: SessionKind.SESSION, current: keep })
      .execute();
    const after = await advance(ctx, tx.em, subject, true);
    await tx.audit({ action: 'user.changePassword', entityType: 'User', entityId: user.id, areaId: user.areaId });
    return after;
  });
  forgetCachedSessions(ctx.db);
  return step;
}

/**
 * The signed-in principal, or null. An API token answers as itself: an analyst named after the
 * token, scoped to the token's area (its id is the negative of the token's, matching no account).
 */
export async function me(ctx: Context): Promise<User | null> {
  const viewer = ctx.viewer;
  if (!isSignedIn(viewer)) return null;
  if (isApiToken(viewer)) {
    const token = await ctx.db.getRepository(Session).findOneByOrFail({ id: viewer.sessionId! });
    return Object.assign(new User(), {
      id: viewer.userId,
      username: viewer.username!,
      displayName: viewer.displayName!,
      role: viewer.role,
      areaId: viewer.scope.root.id,
      active: true,
      lockedUntil: null,
      mustChangePassword: false,
      totpEnabledAt: null,
      createdAt: token.createdAt,
      updatedAt: token.createdAt,
    });
  }
  return viewer.account ?? ctx.db.getRepository(User).findOneBy({ id: viewer.userId });
}

/** The API token the request signed in with, or null for any other credential. */
export async function currentApiToken(ctx: Context): Promise<Session | null> {
  if (!isApiToken(ctx.viewer) || ctx.viewer.sessionId === null) return null;
  return ctx.db.getRepository(Session).findOneBy({ id: ctx.viewer.sessionId });
}

/** Accounts scoped inside the viewer's area (or an area of it). */
export async function listUsers(ctx: Context, args: UserListArgs): Promise<Page<User>> {
  const scope = ctx.viewer.scope!;
  const root = scope.narrow(args.areaId ? parseId(args.areaId, 'areaId') : null);
  if (!root) throw new ForbiddenError('That area is outside your scope');
  const qb = ctx.db.getRepository(User).createQueryBuilder('u');
  if (root.parentId !== null) {
    qb.where('u.areaId IN (:...ids)', { ids: ctx.areas.subtree(root.id).map((a) => a.id) });
  }
  if (args.role) qb.andWhere('u.role = :role', { role: args.role });
  return paginate(qb, [{ expression: 'u.id', property: 'id', direction: 'ASC' }], args);
}

/** Creates an account inside the viewer's area. */
export async function createUser(ctx: Context, input: CreateUserInput): Promise<User> {
  const username = normalizeUsername(input.username);
  if (!isValidUsername(username)) {
    throw new UserInputError('input.username', 'may hold only letters, digits, dot, dash and underscore');
  }
  const areaId = parseId(input.areaId, 'input.areaId');
  if (!ctx.viewer.scope!.contains(areaId)) throw new ForbiddenError('That area is outside your scope');
  const weakness = passwordWeakness(input.password, ctx.config.passwordPolicy);
  if (weakness) throw new UserInputError('input.password', weakness);
  const passwordHash = await hashPassword(input.password, ctx.config.passwordCostN);
  return mutate(ctx, async (tx) => {
    if (await tx.em.findOneBy(User, { username })) throw new ConflictError(`用户名 ${username} 已存在 (username taken)`);
    const user = await tx.em.save(
      // The password an admin sets is temporary: the first sign-in changes it.
      tx.em.create(User, { username, displayName: input.displayName, role: input.role, areaId, passwordHash, active: true, mustChangePassword: true, passwordChangedAt: new Date() }),
    );
    await tx.audit({ action: 'user.create', entityType: 'User', entityId: user.id, areaId, after: user });
    return user;
  });
}

/** Enables or disables an account in the viewer's scope, or lifts its sign-in lock. */
export async function updateUserAccess(ctx: Context, userId: number, active: boolean | undefined, unlock: boolean | undefined): Promise<User> {
  const changed = await mutate(ctx, async (tx) => {
    const user = await tx.em.findOneBy(User, { id: userId });
    if (!user || !ctx.viewer.scope!.contains(user.areaId)) throw new NotFoundError('User', userId);
    if (user.id === ctx.viewer.userId && active === false) throw new UserInputError('active', 'you cannot disable yourself');
    const before = { ...user };
    if (active !== undefined && active !== null) user.active = active;
    if (unlock) {
      user.lockedUntil = null;
      user.failedLogins = 0;
    }
    await tx.em.save(user);
    await tx.audit({ action: 'user.access', entityType: 'User', entityId: user.id, areaId: user.areaId, before, after: user });
    return user;
  });
  forgetCachedSessions(ctx.db);
  return changed;
}

/**
 * Sets a temporary password on an account of the viewer's scope (a forgotten one): its next sign-in
 * must change it, every session of the account ends, and a sign-in lock is lifted. The policy holds
 * for the temporary password too.
 */
export async function resetUserPassword(ctx: Context, userId: number, password: string): Promise<User> {
  const weakness = passwordWeakness(password, ctx.config.passwordPolicy);
  if (weakness) throw new UserInputError('password', weakness);
  const passwordHash = await hashPassword(password, ctx.config.passwordCostN);
  const changed = await mutate(ctx, async (tx) => {
    const user = await tx.em.findOneBy(User, { id: userId });
    if (!user || !ctx.viewer.scope!.contains(user.areaId)) throw new NotFoundError('User', userId);
    if (user.id === ctx.viewer.userId) throw new UserInputError('password', '请在"修改密码"中修改自己的密码 (change your own password on your account page)');
    const history = JSON.stringify(recentPasswordHashes(user.passwordHash, user.passwordHistory, Math.max(0, ctx.config.passwordPolicy.history - 1)));
    await tx.em.update(User, user.id, { passwordHash, passwordHistory: history, passwordChangedAt: new Date(), mustChangePassword: true, lockedUntil: null, failedLogins: 0 });
    await tx.em
      .createQueryBuilder()
      .update(Session)
      .set({ revokedAt: new Date() })
      .where('user_id = :uid AND kind = :kind AND revoked_at IS NULL', { uid: user.id, kind: SessionKind.SESSION })
      .execute();
    await tx.audit({ action: 'user.resetPassword', entityType: 'User', entityId: user.id, areaId: user.areaId, after: { username: user.username, mustChangePassword: true } });
    return tx.em.findOneByOrFail(User, { id: user.id });
  });
  forgetCachedSessions(ctx.db);
  return changed;
}

/**
 * The demo accounts for the sign-in page: empty in production, with SEED_DEMO off, or when the demo
 * seed did not run (its accounts do not exist); otherwise the guide's accounts that exist and are active.
 */
export async function demoAccounts(ctx: Context): Promise<DemoAccount[]> {
  if (ctx.config.env === 'production' || !ctx.config.seedDemo) return [];
  const users = await ctx.db.getRepository(User).find({ where: { username: In(DEMO_GUIDE.map((g) => g.username)), active: true } });
  const byName = new Map(users.map((u) => [u.username, u]));
  return DEMO_GUIDE.filter((g) => byName.has(g.username)).map((g) => {
    const u = byName.get(g.username)!;
    return { username: u.username, displayName: u.displayName, role: u.role, area: ctx.areas.get(u.areaId)?.name ?? '', can: g.can, password: DEMO_PASSWORD };
  });
}
