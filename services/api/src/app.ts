import 'reflect-metadata';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { requestLineLogger } from './logger';
import type { DataSource } from 'typeorm';
import { authenticate, requestToken } from './core/auth/authenticate';
import { requestStore, type RequestStore } from './core/request-context';
import type { Config } from './config';
import type { Context } from './core/context';
import { formatErrorFor } from './graphql/format-error';
import { aliasLimit, depthLimit } from './graphql/limits';
import { limitsPlugin } from './graphql/plugins';
import { areaListSizes, estimateCost } from './graphql/cost';
import { throttlePlugin } from './graphql/throttle';
import { RateLimiter } from './core/rate-limit/rate-limit';
import { apiSchema } from './graphql/schema';
import { areaDirectory } from './core/areas/area-directory';
import { modules } from './modules';
import { precompressed, revalidateEntries, serveRemotes } from './core/web/static';
import { serveExplorer, wantsExplorerPage } from './core/web/explorer';
import type { ModuleServices } from './core/module';
import { httpResponses, metricsHandler } from './core/metrics/metrics';
import { metricsPlugin } from './graphql/metrics-plugin';

export interface App {
  express: express.Express;
  apollo: ApolloServer<Context>;
  /** Stops taking GraphQL operations; in-flight ones finish. */
  stop(): Promise<void>;
  /** True once shutdown has begun: /healthz answers 503 so a balancer drains this process. */
  draining: boolean;
}

const REQUEST_ID = /^[\w.-]{1,64}$/;

/**
 * The admin's Content-Security-Policy: scripts, styles, frames and connections from this origin
 * only, no inline script (Ant Design's CSS-in-JS needs inline styles), images also from the map's
 * tile server when one is configured, and no framing by other sites.
 */
export function contentSecurityPolicy(config: Pick<Config, 'mapTiles'>): string {
  let tiles = '';
  if (/^https?:\/\//.test(config.mapTiles.url)) tiles = ' ' + new URL(config.mapTiles.url.replace(/\{[a-z]\}/g, '0')).origin;
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${tiles}`,
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join('; ');
}

function requestContextMiddleware(config: Config, log: Logger) {
  const requestLog = requestLineLogger(log);
  return (req: Request, res: Response, next: NextFunction) => {
    const incoming = req.headers['x-request-id'];
    const requestId = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
    const store: RequestStore = { requestId, sqlStatements: 0 };
    res.setHeader('x-request-id', requestId);
    if (config.exposeSqlCount) {
      // Set as late as possible: just before the headers go out, after the resolvers ran.
      const writeHead = res.writeHead;
      res.writeHead = function (this: Response, ...args: Parameters<typeof writeHead>) {
        if (!this.headersSent) this.setHeader('x-sql-statements', String(store.sqlStatements));
        return writeHead.apply(this, args);
      } as typeof writeHead;
    }
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      requestStore.run(store, () =>
        requestLog.info(
          {
            method: req.method,
            path: req.originalUrl.split('?')[0], // never the query string: it may carry variables
            status: res.statusCode,
            ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
            sql: store.sqlStatements,
            operation: res.locals.operationName ?? undefined,
            user: res.locals.username ?? undefined,
            // Which of several API processes (WEB_CONCURRENCY) answered.
            pid: process.pid,
          },
          'request',
        ),
      );
    });
    requestStore.run(store, () => next());
  };
}

const PLACEHOLDER = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>重点项目调度平台</title>
<meta name="viewport" content="width=device-width,initial-scale=1"></head>
<body style="font-family:system-ui,'PingFang SC','Microsoft YaHei',sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem">
<h1>重点项目调度平台</h1><p>GraphQL 服务运行中：<a href="/graphql">/graphql</a>。管理端尚未构建（运行 <code>pnpm build</code>）。</p>
<p>The GraphQL service is running at <a href="/graphql">/graphql</a>. The admin has not been built yet.</p></body></html>`;

const ROUTE_GROUPS = new Set(['graphql', 'api', 'web', 'files', 'livez', 'readyz', 'healthz', 'metrics', 'explorer']);

/** The first segment of a path when it is one of the service's, else `page` (the admin's pages): a bounded label. */
function routeGroup(p: string): string {
  const first = p.split('/')[1] ?? '';
  return ROUTE_GROUPS.has(first) ? first : 'page';
}

export async function createApp(config: Config, db: DataSource, log: Logger): Promise<App> {
  const schema = await apiSchema();
  const apollo = new ApolloServer<Context>({
    schema,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    stopOnTerminationSignals: false, // main.ts drains HTTP first, then stops Apollo and the pool
    introspection: true, // decided per request by limitsPlugin: production allows analysts and admins only
    includeStacktraceInErrorResponses: false,
    validationRules: [depthLimit(config.limits.maxDepth), aliasLimit(config.limits.maxAliases)],
    parseOptions: { maxTokens: config.limits.maxTokens },
    formatError: formatErrorFor(config, log),
    // No cache hints are used (every answer depends on the viewer): without the default cache-control
    // plugin Apollo does not wrap every field's resolver to watch for hints.
    plugins: [metricsPlugin(), limitsPlugin(config, schema), throttlePlugin(schema), ApolloServerPluginCacheControlDisabled(), ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();

  const rateLimiter = new RateLimiter(config.rateLimit);
  const contextFor = async (req: Request, res: Response): Promise<Context> => {
    const areas = await areaDirectory(db);
    const viewer = await authenticate(db, areas, requestToken(req), config.sessionCacheSeconds * 1000, req.ip ?? null, config.sessionIdleMinutes * 60_000);
    res.locals.username = viewer.username ?? undefined;
    return {
      requestId: requestStore.getStore()?.requestId ?? crypto.randomUUID(),
      db,
      config,
      log,
      viewer,
      areas,
      req,
      res,
      loaders: new Map(),
      auditWrites: 0,
      unchangedMutations: 0,
      rateLimiter,
      cost: null,
    };
  };

  const app = express();
  const state = { draining: false };
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(requestContextMiddleware(config, log));
  const csp = contentSecurityPolicy(config);
  app.use((req, res, next) => {
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'same-origin');
    res.setHeader('x-frame-options', 'SAMEORIGIN');
    // The GraphQL explorer page brings its own policy; everything else (the admin, the public pages,
    // files, JSON) runs no inline or foreign script.
    if (!req.path.startsWith('/graphql')) res.setHeader('content-security-policy', csp);
    // Behind TLS (directly or at a trusted proxy) browsers are told to use nothing else for a year.
    if (req.secure) res.setHeader('strict-transport-security', 'max-age=31536000; includeSubDomains');
    next();
  });

  app.use((req, res, next) => {
    const route = routeGroup(req.path); // now: a mounted app (/graphql) strips its prefix from the path
    res.on('finish', () => httpResponses.inc({ route, status: `${Math.floor(res.statusCode / 100)}xx` }));
    next();
  });
  if (config.metrics.enabled) app.get('/metrics', metricsHandler(config.metrics, () => db));

  // Liveness: the process answers. An orchestrator restarts it when this fails.
  app.get('/livez', (_req, res) => {
    res.json({ status: 'ok' });
  });

  // Readiness (also /healthz): the database answers and the process is not draining. A balancer
  // stops sending requests when this fails, without restarting the process.
  app.get(['/readyz', '/healthz'], async (_req, res) => {
    if (state.draining) {
      res.status(503).json({ status: 'draining' });
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        db.query('SELECT 1'),
        new Promise((_r, reject) => (timer = setTimeout(() => reject(new Error('timeout')), 2000))),
      ]);
      res.json({ status: 'ok', database: 'ok' });
    } catch {
      res.status(503).json({ status: 'unavailable', database: 'unreachable' });
    } finally {
      clearTimeout(timer);
    }
  });

  // GraphQL on an app of its own without ETags: an answer to a POST is never revalidated, and hashing
  // every answer cost a SHA-1 of its bytes a request. It takes the settings it does not set from the main app.
  // The explorer: /explorer, and /graphql when a browser opens it as a page (not a GET query).
  const explorer = serveExplorer(app, config, async (req, res) => (await contextFor(req, res)).viewer);
  const graphql = express();
  graphql.disable('x-powered-by');
  graphql.set('etag', false);
  graphql.get('/', (req, res, next) => (wantsExplorerPage(req) ? void explorer.page(req, res).catch(next) : next()));
  graphql.use(express.json({ limit: '1mb' }), expressMiddleware(apollo, { context: async ({ req, res }) => contextFor(req, res) }));
  app.use('/graphql', graphql);

  const chargeQuery: ModuleServices['chargeQuery'] = (ctx, document, variables) => {
    const requested = estimateCost(schema, document, null, variables, { listSizes: areaListSizes(ctx.areas) });
    if (requested > config.limits.maxCost) {
      return { ok: false, code: 'BAD_USER_INPUT', requested, reason: `Query would cost ${requested}; the limit is ${config.limits.maxCost}` };
    }
    const taken = rateLimiter.take(RateLimiter.keyOf(ctx.viewer, ctx.req.ip), requested);
    return taken.ok
      ? { ok: true, requested, remaining: taken.state.remaining }
      : { ok: false, code: 'THROTTLED', requested, remaining: taken.state.remaining, retryAfterSeconds: taken.retryAfterSeconds };
  };
  const services: ModuleServices = { db, config, log, contextFor, schema: async () => schema, chargeQuery };
  for (const module of modules) {
    if (!module.routes) continue;
    const router = express.Router();
    module.routes(router, services);
    app.use(`/api/${module.name}`, router);
  }

  serveRemotes(app, config);
  const index = path.join(config.webDir, 'index.html');
  if (fs.existsSync(index)) {
    app.use(precompressed(config.webDir, { maxAge: '1h' }), express.static(config.webDir, { index: false, maxAge: '1h', setHeaders: revalidateEntries }));
    // The admin routes on the client: any other GET page answers with the shell.
    app.get(/^\/(?!graphql|api\/|healthz|livez|readyz|metrics|web\/|explorer).*/, (_req, res) => res.sendFile(index, { headers: { 'cache-control': 'no-cache' } }));
  } else {
    app.get('/', (_req, res) => res.type('html').send(PLACEHOLDER));
  }

  app.use((err: Error & { status?: number; type?: string }, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    if (err.type === 'entity.too.large') {
      res.status(413).json({ errors: [{ message: 'Request body is larger than 1 MB', extensions: { code: 'BAD_USER_INPUT', field: 'body', reason: 'too large' } }] });
      return;
    }
    if (err.type === 'entity.parse.failed') {
      res.status(400).json({ errors: [{ message: 'Request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    log.error({ err }, 'unhandled http error');
    res.status(err.status && err.status < 500 ? err.status : 500).json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
  });

  return {
    express: app,
    apollo,
    get draining() {
      return state.draining;
    },
    set draining(value: boolean) {
      state.draining = value;
    },
    stop: () => apollo.stop(),
  };
}
