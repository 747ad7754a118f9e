import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { loadConfig } from './config';
import { applyDemoClockDefault, DEMO_TODAY, checkClockConfiguration, clockSource, today } from './core/clock';
import { demoAccountsBanner } from './db/seed/demo';
import { createLogger, dropPendingLogLines } from './logger';
import { startServer } from './server';

async function main() {
  // A reader of standard output that has gone (EPIPE) must not bring the service down with it.
  process.stdout.on('error', () => undefined);
  const config = loadConfig();
  checkClockConfiguration();
  const log = createLogger(config.logLevel);
  const server = await startServer(config, log);
  log.info({ url: `${server.url}/graphql`, port: server.port, pid: process.pid, today: today(), clock: clockSource() }, 'listening');
  if (config.env !== 'production' && cluster.isPrimary) {
    process.stdout.write(`\n重点项目调度平台 — admin: ${server.url}/   GraphQL: ${server.url}/graphql\n`);
    process.stdout.write(demoAccountsBanner());
    if (process.env.KPD_TODAY === DEMO_TODAY) process.stdout.write(`\n演示日期 The demo runs on ${DEMO_TODAY} (September 2020 just closed); KPD_TODAY=real for the real date.\n`);
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

/**
 * How many API processes `pnpm start` runs on this machine: WEB_CONCURRENCY, else in production one
 * per core (at most 8), else one. Several share the port through node:cluster; everything they share
 * lives in the database (see README, "Several processes").
 */
export function webConcurrency(env: NodeJS.ProcessEnv = process.env, cores = availableParallelism()): number {
  const raw = env.WEB_CONCURRENCY;
  if (raw !== undefined && raw !== '') {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > 64) throw new Error(`WEB_CONCURRENCY must be a whole number from 1 to 64, not "${raw}"`);
    return n;
  }
  return env.NODE_ENV === 'production' ? Math.max(1, Math.min(cores, 8)) : 1;
}

/** The primary of several processes: starts them, replaces one that dies, and stops them all on a signal. */
function primary(workers: number) {
  const log = createLogger(loadConfig().logLevel);
  let stopping = false;
  // A process that dies within a minute of starting, five times running, stops the whole: the
  // database or the configuration is wrong, and starting more would not help.
  let quickDeaths = 0;
  const started = new Map<number, number>();
  const fork = () => started.set(cluster.fork().id, Date.now());
  for (let i = 0; i < workers; i++) fork();
  log.info({ workers, pid: process.pid }, 'started API processes');
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0)
        log.flush(() => {
          dropPendingLogLines();
          process.exit(process.exitCode ?? 0);
        });
      return;
    }
    quickDeaths = Date.now() - (started.get(worker.id) ?? 0) < 60_000 ? quickDeaths + 1 : 0;
    if (quickDeaths >= 5) {
      log.error({ pid: worker.process.pid, code, signal }, 'API processes keep stopping as they start: giving up');
      stop('SIGTERM');
      process.exitCode = 1;
      return;
    }
    log.error({ pid: worker.process.pid, code, signal }, 'an API process stopped: starting another');
    setTimeout(fork, 1000);
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down the API processes');
    // Each process ends within its bound; the primary within a little more, whatever its log pipe does.
    setTimeout(() => {
      dropPendingLogLines();
      process.kill(process.pid, 'SIGKILL');
    }, loadConfig().shutdownTimeoutMs + 2_000).unref();
    const alive = Object.values(cluster.workers ?? {});
    if (alive.length === 0) process.exit(0);
    for (const w of alive) w?.process.kill(signal);
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

if (require.main === module) {
  // Set before any worker forks, so every process of the demo runs on the same day.
  applyDemoClockDefault();
  const workers = cluster.isPrimary ? webConcurrency() : 1;
  if (cluster.isPrimary && workers > 1) {
    primary(workers);
  } else {
    main().catch((err) => {
      console.error(err);
      process.exit(1);
    });
  }
}
