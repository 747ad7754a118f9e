import type { Response } from 'express';
import { GraphQLError } from 'graphql';

/**
 * The error codes clients can rely on (extensions.code). A refusal names the field it is about
 * (extensions.field, a path such as `input.months[3].plannedInvestment`) and a readable reason.
 */
export type ErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'THROTTLED';

export interface FieldProblem {
  field: string;
  reason: string;
}

export class UserInputError extends GraphQLError {
  constructor(field: string, reason: string, more: FieldProblem[] = []) {
    const problems = [{ field, reason }, ...more];
    super(`${field}: ${reason}`, {
      extensions: { code: 'BAD_USER_INPUT', field, reason, problems },
    });
  }

  static of(problems: FieldProblem[]): UserInputError {
    const [first, ...rest] = problems;
    return new UserInputError(first.field, first.reason, rest);
  }
}

/**
 * A change refused because its month is closed (月度关账): BAD_USER_INPUT naming the field, with
 * `extensions.monthClosed` (the month) so a form can offer the correction request instead.
 */
export class MonthClosedError extends UserInputError {
  constructor(field: string, reason: string, period: string, more: FieldProblem[] = []) {
    super(field, reason, more);
    (this.extensions as Record<string, unknown>).monthClosed = period;
  }
}

/** The same error with more for the client in its extensions (e.g. `planVersionNeeded`). */
export function withExtensions<E extends GraphQLError>(error: E, extensions: Record<string, unknown>): E {
  Object.assign(error.extensions as Record<string, unknown>, extensions);
  return error;
}

export class NotFoundError extends GraphQLError {
  constructor(what: string, id?: string | number) {
    super(id === undefined ? `${what} not found` : `${what} ${id} not found`, {
      extensions: { code: 'NOT_FOUND' },
    });
  }
}

export class ForbiddenError extends GraphQLError {
  constructor(message = 'You are not allowed to do this', extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code: 'FORBIDDEN', ...extra } });
  }
}

export class UnauthenticatedError extends GraphQLError {
  constructor(message = 'Sign in first', extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code: 'UNAUTHENTICATED', ...extra } });
  }
}

export class ConflictError extends GraphQLError {
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code: 'CONFLICT', ...extra } });
  }
}

/** Throws when any problem was collected, naming every one of them. */
export function refuseIfAny(problems: FieldProblem[]): void {
  if (problems.length > 0) throw UserInputError.of(problems);
}

/**
 * A plain HTTP route's refusal (a download, an upload) in the GraphQL error shape, so a client reads
 * `errors[0].extensions.code` (and `field`, `reason` when one argument is at fault) the same way.
 */
export function sendError(res: Response, status: number, code: ErrorCode, reason: string, field?: string): void {
  res.status(status).json({ errors: [{ message: reason, extensions: { code, ...(field ? { field, reason } : {}) } }] });
}
