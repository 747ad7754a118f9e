import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Your cost budget, as GitHub’s rateLimit shows it: the bucket this credential draws on. 调用额度' })
export class RateLimit {
  @Field(() => Int, { description: 'What this query costs, in points (requested: every list full). 本次查询消耗' })
  cost!: number;

  @Field(() => Int, { description: 'The most points the bucket holds. 额度上限' })
  limit!: number;

  @Field(() => Int, { description: 'Points left now, this query already taken. 剩余额度' })
  remaining!: number;

  @Field(() => Int, { description: 'Points taken and not yet regained. 已用额度' })
  used!: number;

  @Field({ description: 'When the bucket is full again. 额度恢复时间' })
  resetAt!: Date;

  @Field(() => Int, { description: 'Points regained per second (0: no throttling). 每秒恢复' })
  pointsPerSecond!: number;

  @Field(() => Int, { description: 'The most one query may cost. 单次查询上限' })
  maxQueryCost!: number;
}
