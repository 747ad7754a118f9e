import type { Request } from 'express';
import type { DataSource } from 'typeorm';
import { parse as parseCookie } from 'cookie';
import type { AreaDirectory } from '../modules/areas/area-directory';
import { hashToken } from './password';
import { AreaScope } from './scope';
import { Session, SessionKind } from './session.entity';
import { Role, User } from './user.entity';
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
export async function authenticate(db: DataSource, areas: AreaDirectory, token: string | null): Promise<Viewer> {
  if (!token || token.length > 200) return ANONYMOUS;
  const row = await db
    .getRepository(Session)
    .createQueryBuilder('s')
    .innerJoinAndMapOne('s.user', User, 'u', 'u.id = s.userId')
    .where('s.tokenHash = :hash', { hash: hashToken(token) })
    .getOne();
  const session = row as (Session & { user?: User }) | null;
  const user = session?.user;
  const now = Date.now();
  if (!session || !user || !user.active) return ANONYMOUS;
  if (session.revokedAt || (session.expiresAt && session.expiresAt.getTime() <= now)) return ANONYMOUS;
  const root = areas.get(session.areaId ?? user.areaId);
  if (!root) return ANONYMOUS;
  if (!session.lastUsedAt || now - session.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    // Best effort: a missed touch only makes "last used" a minute older.
    await db.getRepository(Session).update(session.id, { lastUsedAt: new Date(now) }).catch(() => undefined);
  }
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    scope: new AreaScope(root, areas),
    readOnly: session.readOnly || user.role === Role.ANALYST,
    sessionId: session.id,
    sessionKind: session.kind === SessionKind.API ? 'API' : 'SESSION',
  };
}
