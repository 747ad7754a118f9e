import type { Router } from 'express';
import { isSignedIn, readsInvestment } from '../../core/auth/policy';
import { queryArea } from '../../core/areas/areas.service';
import { sendError } from '../../core/errors';
import type { ModuleServices } from '../../core/module';
import { sendXlsx, templateSheet, writeSheet } from '../../core/xlsx';
import { CHAIN_EXAMPLES, CHAIN_SHEET, chainRows } from './investment.xlsx';

/**
 * GET /api/investment/chain-template.xlsx — the chain sheet to fill in (signed-in users).
 * GET /api/investment/chains.xlsx?areaId=… — an area's chains and nodes in the same columns (admins and analysts
 * in scope; default: their own area), which import back unchanged.
 */
export function investmentRoutes(router: Router, services: ModuleServices): void {
  router.get('/chain-template.xlsx', async (req, res, next) => {
    try {
      const ctx = await services.contextFor(req, res);
      if (!isSignedIn(ctx.viewer)) return sendError(res, 401, 'UNAUTHENTICATED', 'Sign in first');
      sendXlsx(res, await templateSheet(CHAIN_SHEET, CHAIN_EXAMPLES), '产业链图谱导入模板.xlsx', 'chain-template.xlsx');
    } catch (e) {
      next(e);
    }
  });

  router.get('/chains.xlsx', async (req, res, next) => {
    try {
      const ctx = await services.contextFor(req, res);
      if (!isSignedIn(ctx.viewer)) return sendError(res, 401, 'UNAUTHENTICATED', 'Sign in first');
      if (!readsInvestment(ctx.viewer)) return sendError(res, 403, 'FORBIDDEN', 'Admins and analysts export the chains');
      const raw = req.query.areaId === undefined || req.query.areaId === '' ? null : String(req.query.areaId);
      if (raw !== null && !/^\d{1,15}$/.test(raw)) return sendError(res, 400, 'BAD_USER_INPUT', 'areaId 应为区划编号 (areaId must be an area id)', 'areaId');
      let area;
      try {
        area = queryArea(ctx, raw === null ? null : Number(raw));
      } catch {
        return sendError(res, 404, 'NOT_FOUND', `Area ${raw} not found`);
      }
      sendXlsx(res, await writeSheet(CHAIN_SHEET, await chainRows(ctx, area.id)), `${area.name}产业链图谱.xlsx`, 'chains.xlsx');
    } catch (e) {
      next(e);
    }
  });
}
