import type { Request } from 'express';
import type { DataSource } from 'typeorm';
import { parse as parseCookie } from 'cookie';
import type { AreaDirectory } from '../areas/area-directory';
import { hashToken } from './password';
import { AreaScope } from './scope';
import { Session, SessionKind } from './session.entity';
import { isReadOnlyRole } from './policy';
import { Role } from './user.entity';
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

/**
 * Finds the viewer behind a token: the session must exist, be unexpired and unrevoked, and its
 * user active. An unknown or dead token makes the request anonymous; resolvers that need a
 * user then answer UNAUTHENTICATED.
 */
/**
 * What a request's viewer needs of its session and user, in one fixed statement: every request runs
 * it, so it is written once rather than built by the query builder each time.
 */
const SESSION_SQL =
  'SELECT s.id AS id, s.kind AS kind, s.read_only AS readOnly, s.area_id AS areaId, s.expires_at AS expiresAt, s.revoked_at AS revokedAt, s.last_used_at AS lastUsedAt, ' +
  's.name AS name, s.scopes AS scopes, s.last_ip AS lastIp, ' +
  'u.id AS userId, u.username AS username, u.display_name AS displayName, u.role AS role, u.area_id AS userAreaId, u.active AS active ' +
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
  userId: unknown;
  username: string;
  displayName: string;
  role: Role;
  userAreaId: unknown;
  active: unknown;
}

/** A boolean column as either driver returns it (1/0, true/false). */
const flag = (v: unknown) => v === true || Number(v) === 1;

export async function authenticate(db: DataSource, areas: AreaDirectory, token: string | null, ip: string | null = null): Promise<Viewer> {
  if (!token || token.length > 200) return ANONYMOUS;
  const [row] = (await db.query(SESSION_SQL, [hashToken(token)])) as SessionRow[];
  const now = Date.now();
  if (!row || !flag(row.active)) return ANONYMOUS;
  // Datetimes as the entity would read them (the drivers return them differently).
  const sessions = db.getMetadata(Session);
  const date = (value: unknown, property: 'expiresAt' | 'revokedAt' | 'lastUsedAt') =>
    value === null || value === undefined ? null : (db.driver.prepareHydratedValue(value, sessions.findColumnWithPropertyName(property)!) as Date);
  const expiresAt = date(row.expiresAt, 'expiresAt');
  const lastUsedAt = date(row.lastUsedAt, 'lastUsedAt');
  if (date(row.revokedAt, 'revokedAt') || (expiresAt && expiresAt.getTime() <= now)) return ANONYMOUS;
  const isToken = row.kind === SessionKind.API;
  const root = areas.get(row.areaId === null || row.areaId === undefined ? Number(row.userAreaId) : Number(row.areaId));
  if (!root) return ANONYMOUS;
  // A token reads no wider than its creator does now: moved to a smaller area, the creator takes it along.
  if (isToken && !areas.isWithin(root.id, Number(row.userAreaId))) return ANONYMOUS;
  const sessionId = Number(row.id);
  const address = ip ? ip.slice(0, 45) : null;
  if (!lastUsedAt || now - lastUsedAt.getTime() > TOUCH_EVERY_MS || (isToken && address && address !== row.lastIp)) {
    // Best effort: a missed touch only makes "last used" a minute older.
    const touch: Partial<Session> = isToken && address ? { lastUsedAt: new Date(now), lastIp: address } : { lastUsedAt: new Date(now) };
    await db.getRepository(Session).update(sessionId, touch).catch(() => undefined);
  }
  if (isToken) {
    // A token is its own principal: an analyst of its area with its scopes, never the person who made it.
    return {
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
  }
  return {
    userId: Number(row.userId),
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    scope: new AreaScope(root, areas),
    readOnly: flag(row.readOnly) || isReadOnlyRole(row.role),
    sessionId,
    sessionKind: 'SESSION',
    tokenScopes: null,
  };
}
