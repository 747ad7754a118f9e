import { SECURITY_ACTIONS } from '@kpd/domain';
import { ForbiddenError } from '../errors';
import { parseOptionalId } from '../ids';
import { paginate, type Page } from '../pagination';
import type { Context } from '../context';
import { AuditRecord } from './audit-record.entity';
import type { AuditLogArgs } from './audit.inputs';

/** Changes to records in the viewer's scope (or an area of it), newest first; or only its security events. */
export async function auditLog(ctx: Context, args: AuditLogArgs): Promise<Page<AuditRecord>> {
  const scope = ctx.viewer.scope!;
  const requested = parseOptionalId(args.areaId, 'areaId');
  const root = scope.narrow(requested);
  if (!root) throw new ForbiddenError('That area is outside your scope');
  const qb = ctx.db.getRepository(AuditRecord).createQueryBuilder('a');
  if (root.parentId !== null) {
    qb.where('a.areaId IN (:...ids)', { ids: ctx.areas.subtree(root.id).map((a) => a.id) });
  }
  if (args.entityType) qb.andWhere('a.entityType = :entityType', { entityType: args.entityType.slice(0, 48) });
  if (args.entityId) qb.andWhere('a.entityId = :entityId', { entityId: args.entityId.slice(0, 64) });
  if (args.securityEvents) qb.andWhere('a.action IN (:...security)', { security: [...SECURITY_ACTIONS] });
  if (args.action) qb.andWhere('a.action = :action', { action: args.action.slice(0, 64) });
  if (args.actor) qb.andWhere('a.actorUsername = :actor', { actor: args.actor.toLowerCase().slice(0, 64) });
  if (args.from) qb.andWhere('a.at >= :from', { from: args.from });
  if (args.to) qb.andWhere('a.at < :to', { to: args.to });
  return paginate(qb, [{ expression: 'a.id', property: 'id', direction: 'DESC' }], args);
}
