import type { EntityManager } from 'typeorm';
import { Role } from '../../core/auth/user.entity';
import { canManageSessions } from '../../core/auth/policy';
import { AreaLevel } from '../../core/areas/area.entity';
import { isSignedIn } from '../../core/auth/viewer';
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError } from '../../core/errors';
import type { Context } from '../../core/context';
import { RosterEntry, SessionStatus, VoteSession } from './session.entity';

/** A session by id: public information (a congress session's vote and results are published). */
export async function findSession(ctx: Context, id: number, em: EntityManager = ctx.db.manager): Promise<VoteSession> {
  const session = await em.findOneBy(VoteSession, { id });
  if (!session) throw new NotFoundError('VoteSession', id);
  return session;
}

/**
 * True when the viewer runs the congress of the area (a city, a county or a township): an admin
 * of that congress's own level (see canManageSessions) whose scope covers it.
 */
export function managesArea(ctx: Context, areaId: number): boolean {
  const area = ctx.areas.get(areaId);
  return !!area && canManageSessions(ctx.viewer, areaId, area.level);
}

/** The levels whose congresses choose livelihood projects: a city, a county (区县), a township (乡镇街道). */
export const CONGRESS_LEVELS: readonly AreaLevel[] = [AreaLevel.CITY, AreaLevel.DISTRICT, AreaLevel.TOWNSHIP];

/**
 * A session the viewer manages: admins of its congress's area (see managesArea). Others in scope are FORBIDDEN;
 * admins of another city do not see it to manage (NOT_FOUND).
 */
export async function managedSession(ctx: Context, id: number, em: EntityManager = ctx.db.manager): Promise<VoteSession> {
  if (!isSignedIn(ctx.viewer)) throw new UnauthenticatedError();
  const session = await em.findOneBy(VoteSession, { id });
  if (!session || !ctx.viewer.scope.contains(session.areaId)) throw new NotFoundError('VoteSession', id);
  if (!managesArea(ctx, session.areaId)) throw new ForbiddenError('Only admins of the congress’s own area manage its sessions (a city admin sees county and township sessions but does not run them)');
  return session;
}

/** Refuses changes to rules, candidates or roster once the vote has opened. */
export function requireNotFrozen(session: VoteSession): void {
  if (session.fingerprint !== null || session.status !== SessionStatus.DRAFT) {
    throw new ConflictError('投票已开始，规则、候选项目和代表名册已冻结 (the rules, candidates and roster are frozen since the vote opened)', {
      fingerprint: session.fingerprint,
    });
  }
}

/** The viewer's roster entry in a session, or FORBIDDEN when the viewer is not a delegate on it. */
export async function rosterEntryOf(ctx: Context, sessionId: number, em: EntityManager = ctx.db.manager): Promise<RosterEntry> {
  if (!isSignedIn(ctx.viewer)) throw new UnauthenticatedError();
  if (ctx.viewer.role !== Role.DELEGATE || ctx.viewer.readOnly) throw new ForbiddenError('Only delegates on the roster vote');
  const entry = await em.findOneBy(RosterEntry, { sessionId, userId: ctx.viewer.userId });
  if (!entry) throw new ForbiddenError('You are not on the roster of this session');
  return entry;
}
