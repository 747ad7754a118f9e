import type { EntityManager } from 'typeorm';
import { Role } from '../../core/auth/user.entity';
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

/** True when the viewer is an admin whose scope covers the session's city. */
export function managesArea(ctx: Context, areaId: number): boolean {
  return isSignedIn(ctx.viewer) && ctx.viewer.role === Role.ADMIN && !ctx.viewer.readOnly && ctx.viewer.scope.contains(areaId);
}

/**
 * A session the viewer manages: admins of its city or the province. Others in scope are FORBIDDEN;
 * admins of another city do not see it to manage (NOT_FOUND).
 */
export async function managedSession(ctx: Context, id: number, em: EntityManager = ctx.db.manager): Promise<VoteSession> {
  if (!isSignedIn(ctx.viewer)) throw new UnauthenticatedError();
  const session = await em.findOneBy(VoteSession, { id });
  if (!session || !ctx.viewer.scope.contains(session.areaId)) throw new NotFoundError('VoteSession', id);
  if (!managesArea(ctx, session.areaId)) throw new ForbiddenError('Only admins of the city manage its congress sessions');
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
