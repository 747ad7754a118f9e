import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig, type Config } from '../config';
import type { Driver } from '../db/data-source';
import type { ScratchDatabase } from '../db/scratch-database';
import { DEMO_PASSWORD } from '../core/auth/seed';
import { createLogger } from '../logger';
import { startServer, type RunningServer } from '../server';
import type { Context } from '../core/context';
import { User } from '../core/auth/user.entity';
import { RateLimiter } from '../core/rate-limit/rate-limit';
import { AreaScope } from '../core/auth/scope';
import { areaDirectory } from '../core/areas/area-directory';
import type { Request, Response } from 'express';
import { TEST_FIELD_KEY } from './child-server';
import { migratedScratchDatabase } from './migrated-scratch';

/** SQLite always; MySQL/MariaDB too when MYSQL_URL points at a server. */
export { TEST_FIELD_KEY };

export const DRIVERS: Driver[] = process.env.MYSQL_URL ? ['sqlite', 'mysql'] : ['sqlite'];

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> }>;
  headers: Headers;
}

export interface TestServer {
  url: string;
  /** The scratch database, for a second server on the same data. */
  databaseUrl: string;
  /** This server's own data directory (uploads), removed on close. */
  dataDir: string;
  server: RunningServer;
  /** Every JSON log line the server wrote. */
  logLines: string[];
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string | null,
  ): Promise<GraphQLResponse<T>>;
  /** Signs in a demo account and returns its bearer token. */
  login(username: string, password?: string): Promise<string>;
  /** A resolver context acting as this user, for calling services directly. */
  context(username: string): Promise<Context>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** Demo-seed only these modules (default: areas and accounts). Pass [] for an empty database. */
  seedModules?: string[];
  config?: Partial<Config>;
  env?: NodeJS.ProcessEnv;
}

/**
 * fetch, sent again once when the connection was reset before any answer. A pooled keep-alive
 * socket the server closes for idleness (after 5 s) while the client is reusing it resets the
 * request before the server read it; on a loaded machine the client's timers lag enough for that
 * race, so hundreds of requests at once (the ballot storms) meet it. A request the server did read
 * is answered, never reset, so sending it again cannot do anything twice. Any other failure stands.
 */
async function fetchAgainIfReset(url: string, init: RequestInit): Promise<globalThis.Response> {
  try {
    return await fetch(url, init);
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause;
    if (cause?.code !== 'ECONNRESET') throw e;
    return fetch(url, init);
  }
}

export async function startTestServer(driver: Driver, options: TestServerOptions = {}): Promise<TestServer> {
  const scratch: ScratchDatabase = await migratedScratchDatabase(driver, 't');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kpd-data-'));
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logLines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const config = loadConfig(
    { NODE_ENV: 'test', FIELD_ENCRYPTION_KEY: TEST_FIELD_KEY, ...options.env },
    {
      port: 0,
      databaseUrl: scratch.url,
      dataDir,
      passwordCostN: 1024,
      logLevel: 'info',
      seedDemo: true,
      ...options.config,
    },
  );
  const log = createLogger(config.logLevel, sink);
  let server: RunningServer;
  try {
    server = await startServer(config, log, { seedModules: options.seedModules ?? ['areas', 'accounts'] });
  } catch (e) {
    await scratch.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
  const url = server.url;
  const gql = async <T>(query: string, variables?: Record<string, unknown>, token?: string | null) => {
    const res = await fetchAgainIfReset(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T; errors?: GraphQLResponse['errors'] };
    return { status: res.status, data: body.data, errors: body.errors, headers: res.headers };
  };
  return {
    url,
    databaseUrl: scratch.url,
    dataDir,
    server,
    logLines,
    gql,
    async login(username, password = DEMO_PASSWORD) {
      const res = await gql<{ login: { token: string } }>(
        'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
        { u: username, p: password },
      );
      if (!res.data?.login) throw new Error(`login ${username} failed: ${JSON.stringify(res.errors)}`);
      return res.data.login.token;
    },
    async context(username) {
      const user = await server.db.getRepository(User).findOneByOrFail({ username });
      const areas = await areaDirectory(server.db);
      return {
        requestId: `test-${username}`,
        db: server.db,
        config,
        log,
        viewer: {
          userId: user.id,
          username: user.username,
          displayName: user.displayName,
          role: user.role,
          scope: new AreaScope(areas.get(user.areaId)!, areas),
          readOnly: false,
          sessionId: null,
          sessionKind: 'SESSION',
          tokenScopes: null,
        },
        areas,
        req: {} as Request,
        res: { locals: {} } as unknown as Response,
        loaders: new Map(),
        auditWrites: 0,
        unchangedMutations: 0,
        rateLimiter: new RateLimiter({ pointsPerSecond: 0, burst: 0 }),
        cost: null,
      };
    },
    async close() {
      await server.close();
      await scratch.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The first error's code, for terse assertions. */
export function errorCode(res: GraphQLResponse): unknown {
  return res.errors?.[0]?.extensions?.code;
}

/**
 * The SQL statements a request runs, the least of a few tries: a process keeps a session for a few
 * seconds and reads it again after any audited change, so one try may count the session's statement.
 */
export async function leastStatements(
  t: TestServer,
  query: string,
  variables: Record<string, unknown>,
  token: string,
  tries = 3,
): Promise<number> {
  let least = Infinity;
  for (let i = 0; i < tries; i++) {
    const res = await t.gql(query, variables, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    least = Math.min(least, Number(res.headers.get('x-sql-statements')));
  }
  return least;
}

/** Uploads a workbook or CSV file as `token`'s spreadsheet (POST /api/files) and answers its file id. */
export async function uploadSpreadsheet(
  t: TestServer,
  token: string,
  buffer: Buffer,
  name = '表格.xlsx',
): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(buffer)]), name);
  const res = await fetch(`${t.url}/api/files?purpose=spreadsheet`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const body = (await res.json()) as { id: string; errors?: unknown };
  if (res.status !== 201) throw new Error(`upload refused: ${res.status} ${JSON.stringify(body)}`);
  return body.id;
}
