import { loadConfig } from './config';
import { checkClockConfiguration, today } from './core/clock';
import { demoAccountsBanner } from './db/seed/demo';
import { createLogger } from './logger';
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
    server.close().then(
      () => log.flush(() => process.exit(0)),
      (err) => {
        log.error({ err }, 'shutdown failed');
        log.flush(() => process.exit(1));
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
