import type { Request } from 'express';
import type { DataSource } from 'typeorm';
import { parse as parseCookie } from 'cookie';
import type { AreaDirectory } from '../areas/area-directory';
import { requestStore } from '../request-context';
import { hashToken } from './password';
import { AreaScope } from './scope';
import { Session, SessionKind } from './session.entity';
import { isReadOnlyRole } from './policy';
import { Role, User } from './user.entity';
import { parseScopes } from './token-scope';
import { ANONYMOUS, type Viewer } from './viewer';

export const SESSION_COOKIE = 'kpd_session';

/** The bearer token of a request: `Authorization: Bearer …` first, else the session cookie. */
export function requestToken(req: Request): string | null {
  const header = req.headers.authorization;
  if (header) {
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    return m ? m[1] : null;
  }
  const cookies = req.headers.cookie ? parseCookie(req.headers.cookie) : {};
  return cookies[SESSION_COOKIE] ?? null;
}

const TOUCH_EVERY_MS = 60_000;
/** How often a process asks the database whether anything that can end a session happened. */
const GENERATION_EVERY_MS = 1_000;
/** Sessions kept per process at most; past that the cache starts over. */
const MAX_CACHED = 10_000;

/**
 * What a request's viewer needs of its session and user, in one fixed statement: every request runs
 * it, so it is written once rather than built by the query builder each time. It reads every column
 * `me` answers with (never the password hash), so `me` needs no statement of its own.
 */
const SESSION_SQL =
  'SELECT s.id AS id, s.kind AS kind, s.read_only AS readOnly, s.area_id AS areaId, s.expires_at AS expiresAt, s.revoked_at AS revokedAt, s.last_used_at AS lastUsedAt, ' +
  's.name AS name, s.scopes AS scopes, s.last_ip AS lastIp, s.stage AS stage, s.created_at AS sessionCreatedAt, ' +
  'u.id AS userId, u.username AS username, u.display_name AS displayName, u.role AS role, u.area_id AS userAreaId, u.active AS active, u.locked_until AS lockedUntil, u.created_at AS createdAt, ' +
  'u.must_change_password AS mustChangePassword, u.totp_enabled_at AS totpEnabledAt ' +
  'FROM sessions s INNER JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?';

interface SessionRow {
  id: unknown;
  kind: string;
  readOnly: unknown;
  areaId: unknown;
  expiresAt: unknown;
  revokedAt: unknown;
  lastUsedAt: unknown;
  name: string | null;
  scopes: string | null;
  lastIp: string | null;
  stage: string | null;
  sessionCreatedAt: unknown;
  userId: unknown;
  username: string;
  displayName: string;
  role: Role;
  userAreaId: unknown;
  active: unknown;
  lockedUntil: unknown;
  createdAt: unknown;
  mustChangePassword: unknown;
  totpEnabledAt: unknown;
}

/** A boolean column as either driver returns it (1/0, true/false). */
const flag = (v: unknown) => v === true || Number(v) === 1;

/** A live session as read from the database: its viewer, when it ends, and when it was last used. */
interface CachedSession {
  viewer: Viewer;
  expiresAt: number | null;
  lastUsedAt: number | null;
  /** An API token's last address, to record a new one at once. */
  lastIp: string | null;
  cachedAt: number;
  generation: number | null;
}

/**
 * Live sessions by token hash, kept for a few seconds so that a request needs no statement to know
 * its viewer. Anything that can end a session — logout, a revoked token, a changed password, a
 * disabled account — writes an audit record in its transaction, so the last audit record's id is a
 * generation: each process reads it at most once a second and forgets every cached session when it
 * has moved (the process that made the change forgets them at once). A session ended elsewhere is
 * refused here within about a second, at worst after the cache's few seconds.
 */
class SessionCache {
  readonly entries = new Map<string, CachedSession>();
  generation: number | null = null;
  private checkedAt = 0;
  private checking: Promise<void> | null = null;

  constructor(private readonly db: DataSource) {}

  /** Reads the generation when the last reading is a second old (one reading for all requests waiting). */
  fresh(now: number): Promise<void> | undefined {
    if (now - this.checkedAt < GENERATION_EVERY_MS) return undefined;
    // Outside the request's context: the reading is the process's, not counted as the request's statement.
    return (this.checking ??= requestStore
      .exit(() => this.db.query('SELECT MAX(id) AS g FROM audit_records') as Promise<{ g: unknown }[]>)
      .then((rows: { g: unknown }[]) => {
        const g = Number(rows[0]?.g ?? 0);
        if (g !== this.generation) this.forget();
        this.generation = g;
        this.checkedAt = Date.now();
      })
      .catch(() => this.forget())
      .finally(() => (this.checking = null)));
  }

  forget(): void {
    this.entries.clear();
    this.generation = null;
    this.checkedAt = 0;
  }
}

const caches = new WeakMap<DataSource, SessionCache>();
function sessionCache(db: DataSource): SessionCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new SessionCache(db)));
  return cache;
}

/** Forgets this process's cached sessions (after a change that may end one, once it is committed). */
export function forgetCachedSessions(db: DataSource): void {
  caches.get(db)?.forget();
}

/**
 * Records the session's use, at most once a minute (a new address at once), without making the
 * request wait for it. The idle timeout reads the same "last used", so it is exact to the minute.
 */
function touch(db: DataSource, session: CachedSession, now: number, address: string | null): void {
  const newAddress = address !== null && address !== session.lastIp;
  if (!newAddress && session.lastUsedAt !== null && now - session.lastUsedAt <= TOUCH_EVERY_MS) return;
  session.lastUsedAt = now;
  if (newAddress) session.lastIp = address;
  const change: Partial<Session> = newAddress ? { lastUsedAt: new Date(now), lastIp: address } : { lastUsedAt: new Date(now) };
  // Best effort: a missed touch only makes "last used" a minute older. Not the request's statement either.
  requestStore
    .exit(() => db.getRepository(Session).update(session.viewer.sessionId!, change))
    .catch(() => undefined);
}

/**
 * Finds the viewer behind a token: the session must exist, be unexpired and unrevoked, and its
 * user active. An unknown or dead token makes the request anonymous; resolvers that need a
 * user then answer UNAUTHENTICATED. With `cacheMs`, a live session is kept that long (see SessionCache).
 */
export async function authenticate(db: DataSource, areas: AreaDirectory, token: string | null, cacheMs = 0, ip: string | null = null, idleMs = 0): Promise<Viewer> {
  if (!token || token.length > 200) return ANONYMOUS;
  const address = ip ? ip.slice(0, 45) : null;
  const hash = hashToken(token);
  const cache = cacheMs > 0 ? sessionCache(db) : null;
  let now = Date.now();
  if (cache) {
    await cache.fresh(now);
    const hit = cache.entries.get(hash);
    if (hit && hit.generation === cache.generation && now - hit.cachedAt < cacheMs) {
      const idle = idleMs > 0 && hit.viewer.sessionKind === 'SESSION' && hit.lastUsedAt !== null && now - hit.lastUsedAt > idleMs + TOUCH_EVERY_MS;
      if ((hit.expiresAt === null || hit.expiresAt > now) && !idle) {
        touch(db, hit, now, address);
        return hit.viewer;
      }
      cache.entries.delete(hash);
      return ANONYMOUS;
    }
  }
  const generation = cache?.generation ?? null;
  const [row] = (await db.query(SESSION_SQL, [hash])) as SessionRow[];
  now = Date.now();
  // A sign-in still short of a step (its second factor, a new password, enrolment) reads nothing.
  if (!row || !flag(row.active) || (row.stage !== null && row.stage !== undefined)) return ANONYMOUS;
  // Datetimes as the entities would read them (the drivers return them differently).
  const sessions = db.getMetadata(Session);
  const date = (value: unknown, property: 'expiresAt' | 'revokedAt' | 'lastUsedAt' | 'createdAt') =>
    value === null || value === undefined ? null : (db.driver.prepareHydratedValue(value, sessions.findColumnWithPropertyName(property)!) as Date);
  const expiresAt = date(row.expiresAt, 'expiresAt');
  const lastUsedAt = date(row.lastUsedAt, 'lastUsedAt');
  if (date(row.revokedAt, 'revokedAt') || (expiresAt && expiresAt.getTime() <= now)) return ANONYMOUS;
  const isToken = row.kind === SessionKind.API;
  // The idle timeout (SESSION_IDLE_MINUTES) ends a sign-in session unused that long; tokens have their
  // expiry only. "Last used" is recorded once a minute, so the bound is exact to that minute.
  const lastUse = lastUsedAt ?? date(row.sessionCreatedAt, 'createdAt');
  if (!isToken && idleMs > 0 && lastUse && now - lastUse.getTime() > idleMs + TOUCH_EVERY_MS) return ANONYMOUS;
  const root = areas.get(row.areaId === null || row.areaId === undefined ? Number(row.userAreaId) : Number(row.areaId));
  if (!root) return ANONYMOUS;
  // A token reads no wider than its creator does now: moved to a smaller area, the creator takes it along.
  if (isToken && !areas.isWithin(root.id, Number(row.userAreaId))) return ANONYMOUS;
  const sessionId = Number(row.id);
  let viewer: Viewer;
  if (isToken) {
    // A token is its own principal: an analyst of its area with its scopes, never the person who made it.
    viewer = {
      userId: -sessionId,
      username: `api-token-${sessionId}`,
      displayName: row.name ?? `API token ${sessionId}`,
      role: Role.ANALYST,
      scope: new AreaScope(root, areas),
      readOnly: true,
      sessionId,
      sessionKind: 'API',
      tokenScopes: parseScopes(row.scopes),
    };
  } else {
    const users = db.getMetadata(User);
    const userDate = (value: unknown, property: 'lockedUntil' | 'createdAt' | 'totpEnabledAt') =>
      value === null || value === undefined ? null : (db.driver.prepareHydratedValue(value, users.findColumnWithPropertyName(property)!) as Date);
    // The account as `me` shows it; its password hash is not read.
    const account = Object.assign(new User(), {
      id: Number(row.userId),
      username: row.username,
      displayName: row.displayName,
      role: row.role,
      areaId: Number(row.userAreaId),
      active: true,
      lockedUntil: userDate(row.lockedUntil, 'lockedUntil'),
      createdAt: userDate(row.createdAt, 'createdAt')!,
      mustChangePassword: flag(row.mustChangePassword),
      totpEnabledAt: userDate(row.totpEnabledAt, 'totpEnabledAt'),
    });
    viewer = {
      userId: account.id,
      username: row.username,
      displayName: row.displayName,
      role: row.role,
      scope: new AreaScope(root, areas),
      readOnly: flag(row.readOnly) || isReadOnlyRole(row.role),
      sessionId,
      sessionKind: 'SESSION',
      tokenScopes: null,
      account,
    };
  }
  const session: CachedSession = {
    viewer,
    expiresAt: expiresAt?.getTime() ?? null,
    lastUsedAt: lastUsedAt?.getTime() ?? null,
    lastIp: row.lastIp,
    cachedAt: now,
    generation,
  };
  touch(db, session, now, address);
  if (cache) {
    if (cache.entries.size >= MAX_CACHED) cache.entries.clear();
    cache.entries.set(hash, session);
  }
  return session.viewer;
}
