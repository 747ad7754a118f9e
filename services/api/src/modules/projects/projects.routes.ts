import { isPeriod } from '@kpd/domain';
import type { Router } from 'express';
import { canReadFigures, isSignedIn } from '../../core/auth/policy';
import { sendError } from '../../core/errors';
import { sendXlsx, writeSheet } from '../../core/xlsx';
import type { ModuleServices } from '../../core/module';
import { AreaLevel } from '../../core/areas/area.entity';
import { oc4idsPackage } from './oc4ids.service';
import { MONTHLY_REPORT_SHEET, monthlyReportRows, planTemplate } from './projects.xlsx';

/**
 * GET /api/projects/plan-template.xlsx — the plan sheet to fill in (signed-in users).
 * GET /api/projects/monthly-report.xlsx?districtId=…&period=2020-09 — a district's monthly report:
 * every project with plan, actual, light and reason (admins and analysts in scope).
 * GET /api/projects/oc4ids.json?areaId=…&year=2020 — the OC4IDS 0.9 project package of an area in scope
 * (default: the viewer's own) for a year (admins and analysts in scope).
 */
export function projectRoutes(router: Router, services: ModuleServices): void {
  router.get('/plan-template.xlsx', async (req, res, next) => {
    try {
      const ctx = await services.contextFor(req, res);
      if (!isSignedIn(ctx.viewer)) return sendError(res, 401, 'UNAUTHENTICATED', 'Sign in first');
      sendXlsx(res, await planTemplate(), '项目计划表模板.xlsx');
    } catch (e) {
      next(e);
    }
  });

  router.get('/oc4ids.json', async (req, res, next) => {
    try {
      const ctx = await services.contextFor(req, res);
      if (!isSignedIn(ctx.viewer)) return sendError(res, 401, 'UNAUTHENTICATED', 'Sign in first');
      if (!canReadFigures(ctx.viewer)) return sendError(res, 403, 'FORBIDDEN', 'Admins and analysts export open data');
      const year = Number(req.query.year);
      if (!Number.isInteger(year) || year < 2000 || year > 2100) return sendError(res, 400, 'BAD_USER_INPUT', 'year 应为年份，如 2020 (year must be a year like 2020)', 'year');
      const raw = req.query.areaId === undefined || req.query.areaId === '' ? null : String(req.query.areaId);
      const areaId = raw === null ? null : /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
      if (Number.isNaN(areaId)) return sendError(res, 400, 'BAD_USER_INPUT', 'areaId 应为地区编号 (areaId must be an area id)', 'areaId');
      let pkg;
      try {
        pkg = await oc4idsPackage(ctx, areaId, year);
      } catch (e) {
        const code = (e as { extensions?: { code?: string } }).extensions?.code;
        if (code === 'NOT_FOUND' || code === 'FORBIDDEN') return sendError(res, 404, 'NOT_FOUND', `Area ${raw} not found`);
        throw e;
      }
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.setHeader('content-disposition', `attachment; filename="oc4ids-${year}.json"; filename*=UTF-8''${encodeURIComponent(pkg.fileName)}`);
      res.setHeader('cache-control', 'private, no-store');
      res.send(JSON.stringify(pkg.body, null, 2));
    } catch (e) {
      next(e);
    }
  });

  router.get('/monthly-report.xlsx', async (req, res, next) => {
    try {
      const ctx = await services.contextFor(req, res);
      if (!isSignedIn(ctx.viewer)) return sendError(res, 401, 'UNAUTHENTICATED', 'Sign in first');
      if (!canReadFigures(ctx.viewer)) return sendError(res, 403, 'FORBIDDEN', 'Admins and analysts export reports');
      const period = String(req.query.period ?? '');
      if (!isPeriod(period)) return sendError(res, 400, 'BAD_USER_INPUT', 'period must be a month like 2020-09', 'period');
      const raw = req.query.districtId === undefined ? null : String(req.query.districtId);
      let district = ctx.viewer.scope.root;
      if (raw !== null) {
        const id = /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
        const area = Number.isSafeInteger(id) ? ctx.areas.get(id) : undefined;
        if (!area || !ctx.viewer.scope.contains(area.id)) return sendError(res, 404, 'NOT_FOUND', `District ${raw} not found`);
        district = area;
      }
      if (district.level !== AreaLevel.DISTRICT) return sendError(res, 400, 'BAD_USER_INPUT', 'districtId must name a district', 'districtId');
      const rows = await monthlyReportRows(ctx, [district.id], period);
      sendXlsx(res, await writeSheet(MONTHLY_REPORT_SHEET, rows), `${district.name}${period}月度计划完成表.xlsx`);
    } catch (e) {
      next(e);
    }
  });
}
