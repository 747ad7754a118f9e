import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { Page } from '../pagination';
import type { Context } from '../context';
import { Role } from '../auth/user.entity';
import { AuditRecord } from './audit-record.entity';
import { AuditLogArgs } from './audit.inputs';
import { auditLog } from './audit.service';
import { AuditRecordConnection } from './audit.types';

@Resolver(() => AuditRecord)
export class AuditResolver {
  @Authorized(Role.ADMIN)
  @Query(() => AuditRecordConnection, { description: 'Changes to records in your scope, newest first. 审计日志' })
  auditLog(@Args() args: AuditLogArgs, @Ctx() ctx: Context): Promise<Page<AuditRecord>> {
    return auditLog(ctx, args);
  }
}
