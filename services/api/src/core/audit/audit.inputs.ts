import { PageArgsType } from '../pagination';
import { ArgsType, Field, ID } from 'type-graphql';

@ArgsType()
export class AuditLogArgs extends PageArgsType {
  @Field(() => ID, { nullable: true, description: 'Only changes to records of this area or below it' })
  areaId?: string;

  @Field(() => String, { nullable: true, description: 'Kind of record, e.g. Project' })
  entityType?: string;

  @Field(() => String, { nullable: true, description: 'Id of the record changed' })
  entityId?: string;

  @Field(() => String, { nullable: true, description: 'Action, e.g. project.update' })
  action?: string;

  @Field(() => Boolean, { nullable: true, description: 'Only security events: failed sign-ins and second-factor codes, lockouts, two-factor changes, password changes and resets, account access changes, API tokens created or revoked, sessions revoked. 仅安全事件' })
  securityEvents?: boolean;

  @Field(() => String, { nullable: true, description: 'Username of who made the change' })
  actor?: string;

  @Field(() => Date, { nullable: true, description: 'From this instant (inclusive)' })
  from?: Date;

  @Field(() => Date, { nullable: true, description: 'Up to this instant (exclusive)' })
  to?: Date;
}
