import { IsNull } from 'typeorm';
import { isValidUsername, normalizeUsername } from '@kpd/domain';
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError, UserInputError } from '../errors';
import { parseId } from '../ids';
import { paginate, type Page } from '../pagination';
import { mutate, writeAudit } from '../transaction';
import type { Context } from '../context';
import { burnPasswordCheck, hashPassword, hashToken, newToken, passwordWeakness, verifyPassword } from './password';
import { forgetCachedSessions } from './authenticate';
import { Session, SessionKind } from './session.entity';
import { User } from './user.entity';
import type { CreateUserInput, UserListArgs } from './auth.inputs';
import { canGrantScope, canManageApiTokens, canManageToken, isApiToken, isReadOnlyRole, isSignedIn, requireSignedIn, requireThat } from './policy';
import { formatScopes, parseScopes, type TokenScope } from './token-scope';


export interface LoginResult {
  token: string;
  expiresAt: Date;
  user: User;
}

function lockedMessage(until: Date): string {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
  return `账户因多次密码错误已锁定，请 ${minutes} 分钟后再试 (account locked after repeated failed sign-ins; try again in ${minutes} min)`;
}

/**
 * Checks a password and opens a session. Repeated failures lock the account for a while;
 * the failure count is kept even though the sign-in itself fails, so it is committed on its own.
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
  if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
    throw new UnauthenticatedError(lockedMessage(user.lockedUntil), {
      reason: 'LOCKED',
      lockedUntil: user.lockedUntil.toISOString(),
    });
  }
  const ok = await verifyPassword(password, user.passwordHash);
  if (!ok || !user.active) {
    const { maxAttempts, minutes } = ctx.config.lockout;
    const lockedUntil = await ctx.db.transaction(async (em) => {
      // Counted in the database so concurrent attempts cannot slip past the limit.
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
        action: until ? 'auth.locked' : 'auth.login_failed',
        entityType: 'User',
        entityId: user.id,
        areaId: user.areaId,
      });
      return until;
    });
    if (lockedUntil) {
      throw new UnauthenticatedError(lockedMessage(lockedUntil), {
        reason: 'LOCKED',
        lockedUntil: lockedUntil.toISOString(),
      });
    }
    throw wrong();
  }
  const token = newToken('kpd');
  const expiresAt = new Date(Date.now() + ctx.config.sessionTtlHours * 3600_000);
  await mutate(ctx, async (tx) => {
    await tx.em.update(User, user.id, { failedLogins: 0, lockedUntil: null });
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
      }),
    );
    await tx.audit({ action: 'auth.login', entityType: 'Session', entityId: session.id, areaId: user.areaId });
  });
  return { token, expiresAt, user };
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

export async function changePassword(ctx: Context, current: string, next: string): Promise<boolean> {
  requireSignedIn(ctx.viewer);
  const user = await ctx.db.getRepository(User).findOneByOrFail({ id: ctx.viewer.userId });
  if (!(await verifyPassword(current, user.passwordHash))) {
    throw new UserInputError('currentPassword', 'is not your current password');
  }
  const weakness = passwordWeakness(next);
  if (weakness) throw new UserInputError('newPassword', weakness);
  const passwordHash = await hashPassword(next, ctx.config.passwordCostN);
  await mutate(ctx, async (tx) => {
    await tx.em.update(User, user.id, { passwordHash });
    // Other sessions of this user end: a changed password should lock out whoever knew the old one.
    await tx.em
      .createQueryBuilder()
      .update(Session)
      .set({ revokedAt: new Date() })
      .where('user_id = :uid AND kind = :kind AND id <> :current AND revoked_at IS NULL', {
        uid: user.id,
        kind: SessionKind.SESSION,
        current: ctx.viewer.sessionId ?? 0,
      })
      .execute();
    await tx.audit({ action: 'user.changePassword', entityType: 'User', entityId: user.id, areaId: user.areaId });
  });
  forgetCachedSessions(ctx.db);
  return true;
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
  const weakness = passwordWeakness(input.password);
  if (weakness) throw new UserInputError('input.password', weakness);
  const passwordHash = await hashPassword(input.password, ctx.config.passwordCostN);
  return mutate(ctx, async (tx) => {
    if (await tx.em.findOneBy(User, { username })) throw new ConflictError(`用户名 ${username} 已存在 (username taken)`);
    const user = await tx.em.save(
      tx.em.create(User, { username, displayName: input.displayName, role: input.role, areaId, passwordHash, active: true }),
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
