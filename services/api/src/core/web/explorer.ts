/**
 * The GraphQL explorer (GraphiQL, built from web/explorer) at /explorer, and at /graphql for a browser that
 * opens it as a page. Every asset is served from here, so it works where the internet is out of reach. In
 * production it is open to signed-in admins and analysts (whom introspection is open to as well) and closed to
 * others; elsewhere to anyone.
 */
import fs from 'node:fs';
import path from 'node:path';
import express, { type Express, type Request, type Response } from 'express';
import type { Config } from '../../config';
import { canIntrospect } from '../auth/policy';
import type { Viewer } from '../auth/viewer';
import { revalidateEntries } from './static';

/** Monaco styles its editors inline and runs its language services in workers of this origin. */
export const EXPLORER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

const CLOSED = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>GraphQL 接口浏览器</title></head>
<body style="font-family: sans-serif; margin: 3em"><h1>GraphQL 接口浏览器</h1>
<p>接口浏览器只对已登录的管理员和分析员开放。请先<a href="/">登录管理后台</a>，再打开本页。</p>
<p>脚本和分析工具请直接向 <code>POST /graphql</code> 发送请求，并带上 API 令牌（<code>Authorization: Bearer …</code>）。</p></body></html>`;

const NOT_BUILT = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>GraphQL 接口浏览器</title></head>
<body style="font-family: sans-serif; margin: 3em"><h1>GraphQL 接口浏览器</h1><p>接口浏览器尚未构建（<code>pnpm build</code>）。GraphQL 服务在 <code>POST /graphql</code> 正常运行。</p></body></html>`;

/** Whether a GET of /graphql is a browser opening a page rather than a client asking a query. */
export function wantsExplorerPage(req: Request): boolean {
  return req.method === 'GET' && req.query.query === undefined && req.accepts(['application/json', 'text/html']) === 'text/html';
}

export function serveExplorer(app: Express, config: Config, viewerOf: (req: Request, res: Response) => Promise<Viewer>): { page: (req: Request, res: Response) => Promise<void> } {
  const dir = path.join(config.webRemotesDir, 'explorer', 'dist');
  const index = path.join(dir, 'index.html');
  const page = async (req: Request, res: Response) => {
    res.setHeader('content-security-policy', EXPLORER_CSP);
    res.setHeader('cache-control', 'no-store');
    if (config.env === 'production' && !canIntrospect(await viewerOf(req, res))) {
      res.status(403).type('html').send(CLOSED);
      return;
    }
    if (!fs.existsSync(index)) {
      res.status(404).type('html').send(NOT_BUILT);
      return;
    }
    res.sendFile(index);
  };
  app.get(['/explorer', '/explorer/', '/explorer/index.html'], (req, res, next) => void page(req, res).catch(next));
  app.use(
    '/explorer',
    (_req, res, next) => {
      res.setHeader('content-security-policy', EXPLORER_CSP);
      next();
    },
    express.static(dir, { index: false, fallthrough: false, setHeaders: revalidateEntries }),
  );
  return { page };
}
