import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { Context } from '../core/context';
import { RateLimiter } from '../core/rate-limit';
import { actualCost } from './cost';

/**
 * Draws each operation's requested cost from its caller's bucket before it runs (THROTTLED with
 * Retry-After when it does not fit), gives back what the answer did not use, and reports the cost
 * on every answer as `extensions.cost { requested actual limit remaining resetAt }`.
 *
 * Runs after limitsPlugin, which estimates the cost (graphql/cost.ts) and refuses what is over the
 * per-query limit; such a refusal takes nothing from the bucket.
 */
export function throttlePlugin(schema: GraphQLSchema): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue }) {
          const cost = contextValue.cost;
          if (!cost) return;
          const taken = contextValue.rateLimiter.take(cost.bucket, cost.requested);
          if (!taken.ok) {
            contextValue.res.setHeader('retry-after', String(taken.retryAfterSeconds));
            throw new GraphQLError(
              `Throttled: this query costs ${cost.requested} points and ${taken.state.remaining} are left; try again in ${taken.retryAfterSeconds} s (请求过于频繁，请 ${taken.retryAfterSeconds} 秒后再试)`,
              {
                extensions: {
                  code: 'THROTTLED',
                  retryAfter: taken.retryAfterSeconds,
                  http: { status: 429, headers: new Map([['retry-after', String(taken.retryAfterSeconds)]]) },
                },
              },
            );
          }
          cost.charged = true;
        },

        async willSendResponse({ contextValue, response, document, request }) {
          if (response.body.kind !== 'single' || !contextValue?.rateLimiter) return;
          const result = response.body.singleResult;
          const cost = contextValue.cost;
          const limiter = contextValue.rateLimiter;
          const bucket = cost?.bucket ?? RateLimiter.keyOf(contextValue.viewer, contextValue.req?.ip);
          let actual = 0;
          if (cost?.charged && document) {
            try {
              actual = Math.min(cost.requested, actualCost(schema, document, request.operationName, cost.variables, result.data));
            } catch {
              actual = cost.requested; // an answer the walk cannot follow keeps its full price
            }
          }
          const state = cost?.charged ? limiter.refund(bucket, cost.requested - actual) : limiter.peek(bucket);
          result.extensions = {
            ...result.extensions,
            cost: {
              requested: cost?.requested ?? 0,
              actual,
              limit: state.limit,
              remaining: state.remaining,
              resetAt: state.resetAt.toISOString(),
              maxQueryCost: contextValue.config.limits.maxCost,
              pointsPerSecond: limiter.config.pointsPerSecond,
            },
          };
        },
      };
    },
  };
}
