import { periodOfDate } from '@kpd/domain';
import type { Router } from 'express';
import { In } from 'typeorm';
import { Role } from '../../core/auth/user.entity';
import { isSignedIn } from '../../core/auth/viewer';
import { ForbiddenError } from '../../core/errors';
import { readUploadedSpreadsheet } from '../../core/files';
import { chunks, duplicateKeyProblems, integer, period, runImport, templateSheet, text, type ImportResult, type SheetProblem, type SheetSpec } from '../../core/xlsx';
import type { Context } from '../../core/context';
import type { ModuleServices } from '../../core/module';
import { scopedSecretaries } from './secretaries.scope';
import { evaluatorName, todayOr } from './secretaries.service';
import { Secretary, SecretaryEvaluation } from './secretary.entity';

/** A row of the third-party evaluation sheet (服务秘书第三方评估表). */
export interface EvaluationRow {
  secretaryId: number;
  name: string;
  period: string;
  score: number;
  comments?: string | null;
}

export const evaluationSpec: SheetSpec<EvaluationRow> = {
  name: '服务秘书评估',
  maxRows: 5_000,
  columns: [
    integer<EvaluationRow, 'secretaryId'>('secretaryId', { header: '秘书编号', required: true, min: 1, max: 2_000_000_000, note: '平台中服务秘书的编号' }),
    text<EvaluationRow, 'name'>('name', { header: '姓名', required: true, max: 64, note: '须与编号对应的秘书姓名一致' }),
    period<EvaluationRow, 'period'>('period', { header: '评估期', required: true, note: '评估截止月份，如 2020-06' }),
    integer<EvaluationRow, 'score'>('score', { header: '评分', required: true, min: 0, max: 100, note: '0–100 的整数' }),
    text<EvaluationRow, 'comments'>('comments', { header: '评语', max: 1000, width: 40 }),
  ],
};

/**
 * Imports third-party scores (dry run first, then all rows or none). A score for a secretary and
 * period already scored replaces it; the history keeps one score per period.
 */
export async function importEvaluations(ctx: Context, fileId: string, dryRun: boolean): Promise<ImportResult> {
  if (!isSignedIn(ctx.viewer) || ctx.viewer.readOnly || (ctx.viewer.role !== Role.EVALUATOR && ctx.viewer.role !== Role.ADMIN)) {
    throw new ForbiddenError('Scores are imported by evaluator and admin accounts');
  }
  const buffer = await readUploadedSpreadsheet(ctx, fileId);
  const thisMonth = periodOfDate(todayOr(ctx, null));
  const known = new Map<number, Secretary>();
  return runImport<EvaluationRow>(ctx, {
    spec: evaluationSpec,
    buffer,
    dryRun,
    validateRows: async (rows, locate) => {
      const problems: SheetProblem[] = duplicateKeyProblems(rows, (r) => `${r.secretaryId}/${r.period}`, locate('period'));
      for (const part of chunks([...new Set(rows.map((r) => r.values.secretaryId))], 500)) {
        for (const s of await scopedSecretaries(ctx).andWhere('s.id IN (:...ids)', { ids: part }).getMany()) known.set(s.id, s);
      }
      for (const { rowNumber, values } of rows) {
        const s = known.get(values.secretaryId);
        if (!s) problems.push({ row: rowNumber, ...locate('secretaryId'), reason: `没有编号为 ${values.secretaryId} 的服务秘书 (no such secretary in your scope)` });
        else if (s.name !== values.name.trim()) problems.push({ row: rowNumber, ...locate('name'), reason: `编号 ${s.id} 的秘书是“${s.name}”，不是“${values.name}” (name does not match)` });
        if (values.period > thisMonth) problems.push({ row: rowNumber, ...locate('period'), reason: `评估期 ${values.period} 晚于本月 (in the future)` });
      }
      return problems;
    },
    commit: async (tx, rows) => {
      const ids = [...new Set(rows.map((r) => r.values.secretaryId))];
      const existing = new Map<string, SecretaryEvaluation>();
      for (const part of chunks(ids, 500)) {
        for (const e of await tx.em.findBy(SecretaryEvaluation, { secretaryId: In(part) })) existing.set(`${e.secretaryId}/${e.period}`, e);
      }
      const by = `${evaluatorName(ctx)}（导入）`;
      const creates: Partial<SecretaryEvaluation>[] = [];
      let updated = 0;
      for (const { values } of rows) {
        const comments = (values.comments ?? '').trim();
        const current = existing.get(`${values.secretaryId}/${values.period}`);
        if (current) {
          if (current.score !== values.score || current.comments !== comments) {
            await tx.em.update(SecretaryEvaluation, { id: current.id }, { score: values.score, comments, evaluatedBy: by });
            updated += 1;
          }
        } else {
          creates.push({ secretaryId: values.secretaryId, areaId: known.get(values.secretaryId)!.areaId, period: values.period, score: values.score, comments, evaluatedBy: by });
        }
      }
      for (const part of chunks(creates, 300)) await tx.em.insert(SecretaryEvaluation, part);
      return { created: creates.length, updated };
    },
    audit: { action: 'secretary.evaluationImport', entityType: 'SecretaryEvaluation', areaId: isSignedIn(ctx.viewer) ? ctx.viewer.scope.root.id : null },
  });
}

/** GET /api/secretaries/evaluation-template.xlsx — the evaluation sheet with an example row. */
export function secretaryRoutes(router: Router, services: ModuleServices): void {
  router.get('/evaluation-template.xlsx', async (req, res, next) => {
    try {
      const ctx = await services.contextFor(req, res);
      if (!isSignedIn(ctx.viewer)) {
        res.status(401).json({ errors: [{ message: 'Sign in first', extensions: { code: 'UNAUTHENTICATED' } }] });
        return;
      }
      const buffer = await templateSheet(evaluationSpec, [{ secretaryId: 1, name: '李军', period: '2020-06', score: 92, comments: '走访及时，帮办到位' }]);
      res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      res.setHeader('content-disposition', `attachment; filename="evaluation-template.xlsx"; filename*=UTF-8''${encodeURIComponent('服务秘书第三方评估表.xlsx')}`);
      res.send(buffer);
    } catch (e) {
      next(e);
    }
  });
}
