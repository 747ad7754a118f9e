import pino, { type DestinationStream, type Logger } from 'pino';
import { currentRequestId } from './core/request-context';

/**
 * Structured JSON logs, one object a line, each carrying the request id when there is one.
 * Secrets never reach a line: credentials are redacted by key wherever they appear.
 */
export const REDACTED_KEYS = ['password', 'token', 'authorization', 'cookie', 'set-cookie', 'sessionToken', 'apiToken', 'secretAccessKey'];

/**
 * Standard output, written without ever blocking the process: lines queue in memory while the pipe
 * is full (up to 16 MiB, then new lines are dropped) and a reader that has gone (EPIPE) only stops
 * the logging. A blocking write to a full pipe would freeze the whole service, shutdown included.
 */
let stdout: DestinationStream | undefined;
export function stdoutDestination(): DestinationStream {
  if (!stdout) {
    const out = pino.destination({ dest: 1, sync: false, maxLength: 16 * 1024 * 1024 });
    out.on('error', () => undefined);
    stdout = out;
  }
  return stdout;
}

/**
 * Gives up the log lines still queued for standard output, so that exiting does not wait for a pipe
 * nobody reads (at exit pino would otherwise flush them synchronously, for ever).
 */
export function dropPendingLogLines(): void {
  (stdout as { destroy?: () => void } | undefined)?.destroy?.();
}

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
    destination ?? (level === 'silent' ? undefined : stdoutDestination()),
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
