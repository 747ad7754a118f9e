import { Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { Public } from './auth/policy';
import type { Context } from './context';
import { RateLimiter } from './rate-limit';

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

@Resolver()
export class RateLimitResolver {
  @Public('every caller draws on a bucket (anonymous callers per address) and may see it')
  @Query(() => RateLimit, { description: 'Your cost budget: this query’s cost, the bucket’s limit, what is left and when it is full again. 调用额度' })
  rateLimit(@Ctx() ctx: Context): RateLimit {
    const bucket = ctx.cost?.bucket ?? RateLimiter.keyOf(ctx.viewer, ctx.req?.ip);
    const state = ctx.rateLimiter.peek(bucket);
    return {
      cost: ctx.cost?.requested ?? 0,
      limit: state.limit,
      remaining: state.remaining,
      used: state.limit - state.remaining,
      resetAt: state.resetAt,
      pointsPerSecond: ctx.rateLimiter.config.pointsPerSecond,
      maxQueryCost: ctx.config.limits.maxCost,
    };
  }
}
