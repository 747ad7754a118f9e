import { isPeriod } from '@kpd/domain';
import type { Response, Router } from 'express';
import { isSignedIn } from '../../core/auth/viewer';
import { writeSheet } from '../../core/xlsx';
import type { ModuleServices } from '../../core/module';
import { AreaLevel } from '../../core/areas/area.entity';
import { Role } from '../../core/auth/user.entity';
import { MONTHLY_REPORT_SHEET, monthlyReportRows, planTemplate } from './projects.xlsx';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function fail(res: Response, status: number, code: string, reason: string, field?: string): void {
  res.status(status).json({ errors: [{ message: reason, extensions: { code, ...(field ? { field, reason } : {}) } }] });
}

function sendXlsx(res: Response, buffer: Buffer, filename: string): void {
  res.setHeader('content-type', XLSX);
  res.setHeader('content-disposition', `attachment; filename="${encodeURIComponent(filename)}"; filename*=UTF-8''${encodeURIComponent(filename)}`);
  res.setHeader('cache-control', 'private, no-store');
  res.send(buffer);
}

/**
 * GET /api/projects/plan-template.xlsx — the plan sheet to fill in (signed-in users).
 * GET /api/projects/monthly-report.xlsx?districtId=…&period=2020-09 — a district's monthly report:
 * every project with plan, actual, light and reason (admins and analysts in scope).
 */
export function projectRoutes(router: Router, services: ModuleServices): void {
  router.get('/plan-template.xlsx', async (req, res, next) => {
    try {
      const ctx = await services.contextFor(req, res);
      if (!isSignedIn(ctx.viewer)) return fail(res, 401, 'UNAUTHENTICATED', 'Sign in first');
      sendXlsx(res, await planTemplate(), '项目计划表模板.xlsx');
    } catch (e) {
      next(e);
    }
  });

  router.get('/monthly-report.xlsx', async (req, res, next) => {
    try {
      const ctx = await services.contextFor(req, res);
      if (!isSignedIn(ctx.viewer)) return fail(res, 401, 'UNAUTHENTICATED', 'Sign in first');
      if (ctx.viewer.role !== Role.ADMIN && ctx.viewer.role !== Role.ANALYST) return fail(res, 403, 'FORBIDDEN', 'Admins and analysts export reports');
      const period = String(req.query.period ?? '');
      if (!isPeriod(period)) return fail(res, 400, 'BAD_USER_INPUT', 'period must be a month like 2020-09', 'period');
      const raw = req.query.districtId === undefined ? null : String(req.query.districtId);
      let district = ctx.viewer.scope.root;
      if (raw !== null) {
        const id = /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
        const area = Number.isSafeInteger(id) ? ctx.areas.get(id) : undefined;
        if (!area || !ctx.viewer.scope.contains(area.id)) return fail(res, 404, 'NOT_FOUND', `District ${raw} not found`);
        district = area;
      }
      if (district.level !== AreaLevel.DISTRICT) return fail(res, 400, 'BAD_USER_INPUT', 'districtId must name a district', 'districtId');
      const rows = await monthlyReportRows(ctx, [district.id], period);
      sendXlsx(res, await writeSheet(MONTHLY_REPORT_SHEET, rows), `${district.name}${period}月度计划完成表.xlsx`);
    } catch (e) {
      next(e);
    }
  });
}
