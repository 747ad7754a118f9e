import path from 'node:path';
import express, { type Express, type Response } from 'express';
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

/** Each domain app's build under /web/<app>/, from <webRemotesDir>/<app>/dist. A missing file is a plain 404. */
export function serveRemotes(app: Express, config: Config): void {
  for (const name of WEB_APPS) {
    const dir = path.join(config.webRemotesDir, name, 'dist');
    app.use(`/web/${name}`, express.static(dir, { index: false, fallthrough: true, setHeaders: revalidateEntries }));
  }
  app.use('/web', (_req, res) => {
    res.status(404).type('text/plain').send('Not found');
  });
}
