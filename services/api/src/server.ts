import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { createApp, type App } from './app';
import { redactUrl, type Config } from './config';
import { useFieldKeyring } from './core/crypto/field-encryption';
import { openDatabase } from './db/data-source';
import { seedDemoIfEmpty } from './db/seed/demo';
import { createLogger } from './logger';
import { entities } from './modules';

export interface RunningServer {
  url: string;
  port: number;
  db: DataSource;
  app: App;
  http: http.Server;
  log: Logger;
  seeded: boolean;
  /** Graceful stop: refuse new connections, let in-flight requests finish, then close the pool. */
  close(): Promise<void>;
}

export async function startServer(
  config: Config,
  log: Logger = createLogger(config.logLevel),
  options: { seedModules?: string[] } = {},
): Promise<RunningServer> {
  useFieldKeyring(config.fieldKeys);
  if (config.fieldKeys.development) log.warn('FIELD_ENCRYPTION_KEY is not set: phone numbers and TOTP secrets are encrypted under the public development key');
  log.info({ database: redactUrl(config.databaseUrl), env: config.env, fieldCipher: config.fieldKeys.cipher, fieldKey: config.fieldKeys.current.id }, 'opening database');
  const db = await openDatabase(config.databaseUrl, entities, log);
  const seeded = await seedDemoIfEmpty(db, config, log, options.seedModules);
  const app = await createApp(config, db, log);
  const server = http.createServer(app.express);
  server.keepAliveTimeout = 5_000;
  server.headersTimeout = 30_000;
  server.requestTimeout = 120_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // A congress's delegates all press at once: a deeper accept queue than Node's 511 keeps a burst
    // of connections from being reset while the process is busy (the kernel caps it at somaxconn).
    server.listen({ port: config.port, backlog: 4096 }, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      app.draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // Connections still busy after the grace period are cut, before the process's own bound.
      const force = setTimeout(() => server.closeAllConnections(), Math.floor(config.shutdownTimeoutMs * 0.75));
      force.unref();
      await closed;
      clearTimeout(force);
      await app.stop();
      if (db.isInitialized) await db.destroy();
      log.info('stopped');
    })());
  return { url: `http://localhost:${port}`, port, db, app, http: server, log, seeded, close };
}
