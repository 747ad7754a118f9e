import type { Router } from 'express';
import type { ModuleServices } from '../module';
import { now as clockNow } from '../clock';
import { buildManifest } from './manifest';

/** GET /api/web/manifest: where the shell finds each remote. Public: the sign-in page needs no remote, but costs nothing to know. */
export function webRoutes(router: Router, { config }: ModuleServices): void {
  const manifest = buildManifest(config.webRemotes);
  router.get('/manifest', (_req, res) => {
    res.setHeader('cache-control', 'no-store');
    res.json(manifest);
  });
  // GET /api/web/config: settings the pages read at run time (the dashboard map's tile address, and
  // the service's clock — KPD_TODAY — so the pages' "today" and "this month" are the service's).
  router.get('/config', (_req, res) => {
    res.setHeader('cache-control', 'no-store');
    res.json({ mapTiles: config.mapTiles, now: clockNow().toISOString() });
  });
}
