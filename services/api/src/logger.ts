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
