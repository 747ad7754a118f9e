import { Args, ArgsType, Authorized, Ctx, Field, ID, Int, Query, Resolver } from 'type-graphql';
import { ForbiddenError } from '../errors';
import { parseOptionalId } from '../ids';
import { Connection, paginate, type Page } from '../pagination';
import type { Context } from '../context';
import { Role } from '../auth/user.entity';
import { AuditRecord } from './audit-record.entity';

@ArgsType()
class AuditLogArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, at most 100 (default 20)' })
  first?: number;

  @Field(() => String, { nullable: true })
  after?: string;

  @Field(() => ID, { nullable: true, description: 'Only changes to records of this area or below it' })
  areaId?: string;

  @Field(() => String, { nullable: true, description: 'Kind of record, e.g. Project' })
  entityType?: string;

  @Field(() => String, { nullable: true, description: 'Id of the record changed' })
  entityId?: string;

  @Field(() => String, { nullable: true, description: 'Action, e.g. project.update' })
  action?: string;

  @Field(() => String, { nullable: true, description: 'Username of who made the change' })
  actor?: string;

  @Field(() => Date, { nullable: true, description: 'From this instant (inclusive)' })
  from?: Date;

  @Field(() => Date, { nullable: true, description: 'Up to this instant (exclusive)' })
  to?: Date;
}

const AuditRecordConnection = Connection(AuditRecord, 'AuditRecord');

@Resolver(() => AuditRecord)
export class AuditResolver {
  @Authorized(Role.ADMIN)
  @Query(() => AuditRecordConnection, { description: 'Changes to records in your scope, newest first. 审计日志' })
  async auditLog(@Args() args: AuditLogArgs, @Ctx() ctx: Context): Promise<Page<AuditRecord>> {
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
    if (args.action) qb.andWhere('a.action = :action', { action: args.action.slice(0, 64) });
    if (args.actor) qb.andWhere('a.actorUsername = :actor', { actor: args.actor.toLowerCase().slice(0, 64) });
    if (args.from) qb.andWhere('a.at >= :from', { from: args.from });
    if (args.to) qb.andWhere('a.at < :to', { to: args.to });
    return paginate(qb, [{ expression: 'a.id', property: 'id', direction: 'DESC' }], args);
  }
}
