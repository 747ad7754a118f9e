import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { canApproveCorrection, signedIn } from '../../core/auth/policy';
import type { Viewer } from '../../core/auth/viewer';
import type { Context } from '../../core/context';
import { ConflictError, ForbiddenError, NotFoundError, UserInputError } from '../../core/errors';
import { parseId } from '../../core/ids';
import { CorrectionStatus } from './month-close.entity';

/** A request awaiting a city admin's decision: a correction of a closed month, or a new plan version. */
export interface PendingRequest extends ObjectLiteral {
  id: number;
  areaId: number;
  cityId: number;
  requestedByUserId: number;
  status: CorrectionStatus;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionReason: string | null;
}

/**
 * Finds a request the viewer may decide: in scope (else NOT_FOUND), decided by a city admin who is not
 * the one who asked (the words say why not), and a rejection gives its reason.
 */
export async function requestToDecide<T extends PendingRequest>(
  ctx: Context,
  entity: EntityTarget<T> & { name: string },
  idArg: string,
  approve: boolean,
  reason: string,
  refusal: { ownRequest: string; notCityAdmin: string },
): Promise<{ viewer: Viewer; found: T }> {
  const viewer = signedIn(ctx.viewer);
  const id = parseId(idArg, 'id');
  const found = await ctx.db.getRepository<T>(entity).findOneBy({ id } as never);
  if (!found || !viewer.scope.contains(found.areaId)) throw new NotFoundError(entity.name, id);
  if (!canApproveCorrection(viewer, found.cityId, found.requestedByUserId)) {
    throw new ForbiddenError(viewer.userId === found.requestedByUserId ? refusal.ownRequest : refusal.notCityAdmin);
  }
  if (!approve && !reason.trim()) throw new UserInputError('reason', '驳回须说明理由');
  return { viewer, found };
}

/**
 * Marks the request decided, inside the deciding transaction: the row is updated only while pending,
 * so a second decision on the same request waits for the first and is refused with `alreadyDecided`.
 */
export async function markDecided(
  em: EntityManager,
  entity: EntityTarget<PendingRequest>,
  id: number,
  decision: { approve: boolean; viewer: Viewer; at: Date; reason: string },
  alreadyDecided: string,
): Promise<void> {
  const result = await em
    .createQueryBuilder()
    .update(entity)
    .set({
      status: decision.approve ? CorrectionStatus.APPROVED : CorrectionStatus.REJECTED,
      decidedBy: decision.viewer.displayName ?? decision.viewer.username ?? '',
      decidedAt: decision.at,
      decisionReason: decision.reason.trim() || null,
    } satisfies Partial<PendingRequest> as unknown as QueryDeepPartialEntity<PendingRequest>)
    .where('id = :id AND status = :pending', { id, pending: CorrectionStatus.PENDING })
    .execute();
  if (result.affected === 0) throw new ConflictError(alreadyDecided);
}
