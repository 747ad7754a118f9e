import pino, { type DestinationStream, type Logger } from 'pino';
import { currentRequestId } from './core/request-context';

/**
 * Structured JSON logs, one object a line, each carrying the request id when there is one.
 * Secrets never reach a line: credentials are redacted by key wherever they appear.
 */
export const REDACTED_KEYS = ['password', 'token', 'authorization', 'cookie', 'set-cookie', 'sessionToken', 'apiToken', 'secretAccessKey'];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const paths = REDACTED_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`, `req.headers["${k}"]`]);
  return pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths, censor: '[redacted]' },
      mixin() {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
    },
    destination,
  );
}

/**
 * The logger of the one line every request writes: its fields are fixed (method, path, status, time,
 * statements, operation, user) and never a secret, so it skips the redaction, which costs tens of µs
 * a line with the wildcard paths above against a few without.
 */
export function requestLineLogger(log: Logger): Logger {
  return log.child({}, { redact: { paths: [], censor: '[redacted]' } });
}
