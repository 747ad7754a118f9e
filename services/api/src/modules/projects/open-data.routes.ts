import type { Router } from 'express';
import { sendError } from '../../core/errors';
import type { ModuleServices } from '../../core/module';
import { openDataArea, openOc4idsPackage } from './oc4ids.service';

/**
 * GET /api/open/oc4ids.json?area=<division code or area id>&year=2020 — the open OC4IDS 0.9 file of an
 * area and a year, without sign-in: only the projects an admin marked public (公开), with their public
 * record documents as metadata (see openOc4idsPackage). A city's file holds its districts' public projects.
 */
export function openDataRoutes(router: Router, services: ModuleServices): void {
  router.get('/oc4ids.json', async (req, res, next) => {
    try {
      const ctx = await services.contextFor(req, res);
      const ref = typeof req.query.area === 'string' ? req.query.area.trim() : '';
      const yearText = typeof req.query.year === 'string' ? req.query.year.trim() : '';
      if (!ref) return sendError(res, 400, 'BAD_USER_INPUT', 'area 参数缺失：请给出行政区划代码或地区编号，如 area=210111 (area is required: a division code or an area id)', 'area');
      const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
      if (!(year >= 2000 && year <= 2100)) return sendError(res, 400, 'BAD_USER_INPUT', 'year 应为年份，如 year=2020 (year must be a year like 2020)', 'year');
      const area = /^[0-9]{1,12}$/.test(ref) ? openDataArea(ctx, ref) : undefined;
      if (!area) return sendError(res, 400, 'BAD_USER_INPUT', `area 无此地区：${ref.slice(0, 32)} (area names no known division code or area id)`, 'area');
      const pkg = await openOc4idsPackage(ctx, area, year);
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.setHeader('content-disposition', `inline; filename="oc4ids-${area.code ?? area.id}-${year}.json"; filename*=UTF-8''${encodeURIComponent(pkg.fileName)}`);
      // Public and the same for everyone: shared caches may keep it ten minutes (a project marked public
      // or withdrawn shows within that), the ETag revalidates it; any site may read it.
      res.setHeader('cache-control', 'public, max-age=600');
      res.setHeader('vary', 'accept-encoding');
      res.setHeader('access-control-allow-origin', '*');
      res.send(JSON.stringify(pkg.body, null, 2));
    } catch (e) {
      next(e);
    }
  });
}
