import { Ctx, Query, Resolver } from 'type-graphql';
import { Public } from '../auth/policy';
import type { Context } from '../context';
import { RateLimiter } from './rate-limit';
import { RateLimit } from './rate-limit.types';

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
