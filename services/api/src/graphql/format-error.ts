import { unwrapResolverError } from '@apollo/server/errors';
import { DomainError, DomainValidationError } from '@kpd/domain';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import type { ValidationError } from 'class-validator';
import { QueryFailedError } from 'typeorm';
import type { Config } from '../config';

interface FieldProblem {
  field: string;
  reason: string;
}

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const e of errors) {
    const path = prefix ? (/^\d+$/.test(e.property) ? `${prefix}[${e.property}]` : `${prefix}.${e.property}`) : e.property;
    for (const message of Object.values(e.constraints ?? {})) out.push({ field: path, reason: message });
    if (e.children?.length) out.push(...flatten(e.children, path));
  }
  return out;
}

const KNOWN_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'THROTTLED',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

const CONNECTION_LOST = new Set(['ECONNREFUSED', 'PROTOCOL_CONNECTION_LOST', 'ETIMEDOUT', 'ECONNRESET', 'EPIPE', 'ER_SERVER_SHUTDOWN']);

/**
 * Every error leaves with a code from the documented set; input errors name their field; anything
 * unexpected is logged with the request id and shown as a plain internal error.
 */
export function formatErrorFor(config: Config, log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const path = formatted.path;
    const locations = formatted.locations;

    if (original instanceof DomainError) {
      const problems = original instanceof DomainValidationError ? [...original.problems] : [{ field: original.field, reason: original.reason }];
      return {
        message: problems.map((p) => `${p.field}: ${p.reason}`).join('; '),
        path,
        locations,
        extensions: { code: 'BAD_USER_INPUT', field: original.field, reason: original.reason, problems },
      };
    }
    const code = (formatted.extensions?.code as string | undefined) ?? undefined;
    if (original instanceof GraphQLError && code === 'BAD_USER_INPUT' && original.extensions?.validationErrors) {
      const problems = flatten(original.extensions.validationErrors as ValidationError[]);
      const first = problems[0] ?? { field: 'input', reason: 'is invalid' };
      return {
        message: problems.map((p) => `${p.field}: ${p.reason}`).join('; '),
        path,
        locations,
        extensions: { code: 'BAD_USER_INPUT', field: first.field, reason: first.reason, problems },
      };
    }
    if (code === 'UNAUTHORIZED') {
      return { ...formatted, message: 'Your role is not allowed to do this', extensions: { code: 'FORBIDDEN' } };
    }
    if (code && KNOWN_CODES.has(code)) {
      let message = formatted.message;
      // Suggestions reveal the schema to anonymous probing; production keeps them out.
      if (config.env === 'production') message = message.replace(/ Did you mean .*\?$/, '');
      const { stacktrace: _s, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, message, extensions: config.env === 'production' ? extensions : formatted.extensions };
    }
    const driverCode = (original as { driverError?: { code?: string }; code?: string })?.driverError?.code ?? (original as { code?: string })?.code;
    if (driverCode && CONNECTION_LOST.has(driverCode)) {
      log.error({ err: original }, 'database unavailable');
      return { message: '数据库暂时不可用，请稍后重试 (database unavailable, try again shortly)', path, locations, extensions: { code: 'SERVICE_UNAVAILABLE' } };
    }
    log.error({ err: original instanceof QueryFailedError ? { message: original.message, code: driverCode } : original, path }, 'unexpected error');
    return {
      message: config.env === 'production' ? 'Internal server error' : `Internal server error: ${(original as Error)?.message ?? String(original)}`,
      path,
      locations,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
