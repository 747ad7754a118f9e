import { loadConfig } from './config';
import { checkClockConfiguration, today } from './core/clock';
import { demoAccountsBanner } from './db/seed/demo';
import { createLogger, dropPendingLogLines } from './logger';
import { startServer } from './server';

async function main() {
  const config = loadConfig();
  checkClockConfiguration();
  const log = createLogger(config.logLevel);
  const server = await startServer(config, log);
  log.info({ url: `${server.url}/graphql`, port: server.port, today: today(), clock: process.env.KPD_TODAY ? 'KPD_TODAY' : 'real' }, 'listening');
  if (config.env !== 'production') {
    process.stdout.write(`\n重点项目调度平台 — admin: ${server.url}/   GraphQL: ${server.url}/graphql\n`);
    process.stdout.write(demoAccountsBanner());
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: finishing in-flight requests');
    // Whatever the log pipe or a stuck connection does, the process ends within the bound. A write to
    // a full pipe whose reader stopped blocks a worker thread for ever, and a normal exit waits for
    // that thread; so past the bound the process drops its queued log lines and kills itself.
    setTimeout(() => {
      dropPendingLogLines();
      process.kill(process.pid, 'SIGKILL');
    }, config.shutdownTimeoutMs).unref();
    // Exit once the log is flushed as far as the pipe takes it: what it refuses is dropped, since at
    // exit pino would otherwise retry it synchronously for ever.
    const exit = (code: number) =>
      log.flush(() => {
        dropPendingLogLines();
        process.exit(code);
      });
    server.close().then(
      () => exit(0),
      (err) => {
        log.error({ err }, 'shutdown failed');
        exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
