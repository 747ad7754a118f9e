import type { MiddlewareFn } from 'type-graphql';
import { mayRunMutation } from '../core/auth/policy';
import { ForbiddenError } from '../core/errors';
import type { Context } from '../core/context';

/**
 * Runs around every field. On root mutations: read-only viewers (analysts, API tokens) are
 * refused before anything runs (an analyst still manages its own API tokens), and a mutation that succeeded without writing an audit record is
 * a defect, reported loudly outside production (a `false` result, or `tx.unchanged()`, means
 * nothing was changed).
 */
export const MutationGuard: MiddlewareFn<Context> = async ({ context, info }, next) => {
  if (info.parentType.name !== 'Mutation') return next();
  if (!mayRunMutation(context.viewer, info.fieldName)) {
    throw new ForbiddenError('This credential is read-only');
  }
  const before = context.auditWrites;
  const unchangedBefore = context.unchangedMutations;
  const result = await next();
  const declaredUnchanged = context.unchangedMutations !== unchangedBefore;
  if (context.auditWrites === before && !declaredUnchanged && result !== false && result !== null && context.config.env !== 'production') {
    throw new Error(`mutation ${info.fieldName} changed data without writing an audit record`);
  }
  return result;
};
