import type { SelectQueryBuilder } from 'typeorm';
import { canAdminister, requireThat, secretaryReach, signedIn } from '../../core/auth/policy';
import { NotFoundError } from '../../core/errors';
import type { Context } from '../../core/context';
import { Secretary, ServiceLogEntry } from './secretary.entity';

/**
 * Every read of secretaries starts here: admins, analysts and evaluators read the secretaries of
 * their area; a secretary reads itself; other roles read none.
 */
export function scopedSecretaries(ctx: Context, alias = 's'): SelectQueryBuilder<Secretary> {
  const viewer = signedIn(ctx.viewer);
  const qb = ctx.db.getRepository(Secretary).createQueryBuilder(alias);
  const reach = secretaryReach(viewer);
  if (reach === 'area') {
    const ids = viewer.scope.areaIds();
    if (ids) qb.andWhere(`${alias}.areaId IN (:...__secScope)`, { __secScope: ids });
  } else if (reach === 'self') {
    qb.andWhere(`${alias}.userId = :__secUser`, { __secUser: viewer.userId });
  } else {
    qb.andWhere('1 = 0');
  }
  return qb;
}

/** Service-log entries in reach: by area for admins, analysts and evaluators; a secretary its own. */
export function scopedServiceLog(ctx: Context, alias = 'l'): SelectQueryBuilder<ServiceLogEntry> {
  const viewer = signedIn(ctx.viewer);
  const qb = ctx.db.getRepository(ServiceLogEntry).createQueryBuilder(alias);
  const reach = secretaryReach(viewer);
  if (reach === 'area') {
    const ids = viewer.scope.areaIds();
    if (ids) qb.andWhere(`${alias}.areaId IN (:...__logScope)`, { __logScope: ids });
  } else if (reach === 'self') {
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

export async function editableSecretary(ctx: Context, id: number): Promise<Secretary> {
  const s = await readableSecretary(ctx, id);
  requireThat(ctx.viewer, canAdminister(ctx.viewer, s.areaId), 'Only an admin of the secretary’s district may change it');
  return s;
}

/** The secretary record of the signed-in secretary account, or null. */
export async function ownSecretary(ctx: Context): Promise<Secretary | null> {
  const viewer = signedIn(ctx.viewer);
  if (secretaryReach(viewer) !== 'self') return null;
  return ctx.db.getRepository(Secretary).findOneBy({ userId: viewer.userId });
}
