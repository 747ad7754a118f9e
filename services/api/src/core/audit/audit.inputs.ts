import { ArgsType, Field, ID, Int } from 'type-graphql';

@ArgsType()
export class AuditLogArgs {
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
