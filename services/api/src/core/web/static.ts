import fs from 'node:fs';
import path from 'node:path';
import express, { type Express, type RequestHandler, type Response } from 'express';
import type { Config } from '../../config';
import { WEB_APPS } from './manifest';

/**
 * Entry files (remoteEntry.js, index.html) are revalidated on every load, so a remote rebuilt and
 * deployed alone is picked up by a running shell at the next page load; the hashed chunks they point
 * to never change and are cached.
 */
export function revalidateEntries(res: Response, file: string): void {
  const base = path.basename(file);
  if (base === 'remoteEntry.js' || base === 'index.html') res.setHeader('cache-control', 'no-cache');
  else if (/-[\w-]{8}\.\w+$/.test(base)) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
}

/** The encodings the build writes beside each text file (`<file>.br`, `<file>.gz`), the better first. */
const PRECOMPRESSED = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

/**
 * Serves the build's precompressed copy of a file (written once at build time, brotli at its best
 * level) when the browser accepts its encoding, with the original's content type and cache policy;
 * anything else falls through to express.static, which serves the file as it is. Every answer for a
 * file with a compressed copy says `Vary: Accept-Encoding`, so a shared cache keeps the variants apart.
 */
export function precompressed(dir: string, { maxAge = 0 }: { maxAge?: number | string } = {}): RequestHandler {
  const root = path.resolve(dir);
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    let file: string;
    try {
      file = path.join(root, decodeURIComponent(req.path));
    } catch {
      return next();
    }
    if (!file.startsWith(root + path.sep)) return next();
    const variants = PRECOMPRESSED.filter((v) => fs.statSync(file + v.suffix, { throwIfNoEntry: false })?.isFile());
    if (variants.length === 0) return next();
    res.setHeader('Vary', 'Accept-Encoding');
    const accepted = String(req.headers['accept-encoding'] ?? '');
    // The encoding the browser rates highest; at equal rating the better compression.
    const variant = variants
      .map((v) => ({ ...v, q: encodingQuality(accepted, v.encoding) }))
      .filter((v) => v.q > 0)
      .reduce<(typeof variants)[number] | undefined>((best, v) => (!best || v.q > encodingQuality(accepted, best.encoding) ? v : best), undefined);
    if (!variant) return next();
    res.setHeader('Content-Encoding', variant.encoding);
    res.type(path.extname(file));
    revalidateEntries(res, file);
    res.sendFile(file + variant.suffix, { maxAge }, (err) => {
      if (err && !res.headersSent) next(err);
    });
  };
}

/** The weight (q) an Accept-Encoding header gives an encoding, 0 when it is not accepted. */
export function encodingQuality(header: string, encoding: string): number {
  let named: number | undefined;
  let any = 0;
  for (const part of header.toLowerCase().split(',')) {
    const [name, ...params] = part.split(';').map((x) => x.trim());
    const q = params.find((x) => x.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    if (!Number.isFinite(weight)) continue;
    if (name === encoding) named = weight;
    else if (name === '*') any = weight;
  }
  return named ?? any;
}

/** Each domain app's build under /web/<app>/, from <webRemotesDir>/<app>/dist. A missing file is a plain 404. */
export function serveRemotes(app: Express, config: Config): void {
  for (const name of WEB_APPS) {
    const dir = path.join(config.webRemotesDir, name, 'dist');
    app.use(`/web/${name}`, precompressed(dir), express.static(dir, { index: false, fallthrough: true, setHeaders: revalidateEntries }));
  }
  app.use('/web', (_req, res) => {
    res.status(404).type('text/plain').send('Not found');
  });
}
