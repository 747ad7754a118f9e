import type { SelectQueryBuilder } from 'typeorm';
import { Role } from '../../core/auth/user.entity';
import { isSignedIn } from '../../core/auth/viewer';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../../core/errors';
import type { Context } from '../../core/context';
import { Secretary, ServiceLogEntry } from './secretary.entity';

function signedIn(ctx: Context) {
  if (!isSignedIn(ctx.viewer)) throw new UnauthenticatedError();
  return ctx.viewer;
}

/**
 * Every read of secretaries starts here: admins, analysts and evaluators read the secretaries of
 * their area; a secretary reads itself; other roles read none.
 */
export function scopedSecretaries(ctx: Context, alias = 's'): SelectQueryBuilder<Secretary> {
  const viewer = signedIn(ctx);
  const qb = ctx.db.getRepository(Secretary).createQueryBuilder(alias);
  if (viewer.role === Role.ADMIN || viewer.role === Role.ANALYST || viewer.role === Role.EVALUATOR) {
    const ids = viewer.scope.areaIds();
    if (ids) qb.andWhere(`${alias}.areaId IN (:...__secScope)`, { __secScope: ids });
  } else if (viewer.role === Role.SECRETARY) {
    qb.andWhere(`${alias}.userId = :__secUser`, { __secUser: viewer.userId });
  } else {
    qb.andWhere('1 = 0');
  }
  return qb;
}

/** Service-log entries in reach: by area for admins, analysts and evaluators; a secretary its own. */
export function scopedServiceLog(ctx: Context, alias = 'l'): SelectQueryBuilder<ServiceLogEntry> {
  const viewer = signedIn(ctx);
  const qb = ctx.db.getRepository(ServiceLogEntry).createQueryBuilder(alias);
  if (viewer.role === Role.ADMIN || viewer.role === Role.ANALYST || viewer.role === Role.EVALUATOR) {
    const ids = viewer.scope.areaIds();
    if (ids) qb.andWhere(`${alias}.areaId IN (:...__logScope)`, { __logScope: ids });
  } else if (viewer.role === Role.SECRETARY) {
    qb.andWhere(`${alias}.secretaryId IN (SELECT s.id FROM secretaries s WHERE s.user_id = :__logUser)`, { __logUser: viewer.userId });
  } else {
    qb.andWhere('1 = 0');
  }
  return qb;
}

/** A secretary the viewer may read, or NOT_FOUND (the same answer whether it exists elsewhere or not). */
export async function readableSecretary(ctx: Context, id: number): Promise<Secretary> {
  const s = await scopedSecretaries(ctx).andWhere('s.id = :id', { id }).getOne();
  if (!s) throw new NotFoundError('Secretary', id);
  return s;
}

/** An admin (not read-only) whose scope covers the area. */
export function isAdminOverArea(ctx: Context, areaId: number): boolean {
  return isSignedIn(ctx.viewer) && ctx.viewer.role === Role.ADMIN && !ctx.viewer.readOnly && ctx.viewer.scope.contains(areaId);
}

/** Contact details are for admins whose scope covers the secretary's district (read-only tokens included). */
export function maySeeContact(ctx: Context, s: Secretary): boolean {
  return isSignedIn(ctx.viewer) && ctx.viewer.role === Role.ADMIN && ctx.viewer.scope.contains(s.areaId);
}

export async function editableSecretary(ctx: Context, id: number): Promise<Secretary> {
  const s = await readableSecretary(ctx, id);
  if (!isAdminOverArea(ctx, s.areaId)) throw new ForbiddenError('Only an admin of the secretary’s district may change it');
  return s;
}

/** The secretary record of the signed-in secretary account, or null. */
export async function ownSecretary(ctx: Context): Promise<Secretary | null> {
  const viewer = signedIn(ctx);
  if (viewer.role !== Role.SECRETARY) return null;
  return ctx.db.getRepository(Secretary).findOneBy({ userId: viewer.userId });
}
