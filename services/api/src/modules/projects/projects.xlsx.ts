import { LIGHT_COLOR_LABELS, period as makePeriod, validatePlanTable, type Fen, type Problem } from '@kpd/domain';
import { In } from 'typeorm';
import { canAdminister } from '../../core/auth/policy';
import { readUploadedSpreadsheet } from '../../core/files';
import { chunks, integer, ImportResult, money, runImport, templateSheet, text, type Column, type Locate, type SheetProblem, type SheetRow, type SheetSpec } from '../../core/xlsx';
import type { Context } from '../../core/context';
import { ProjectLight } from './light.entity';
import { recomputeProjectLights } from './lights.service';
import { MonthlyReport, PlanMonth, PlanYear } from './plan.entity';
import { Project } from './project.entity';
import { scopedProjects } from './projects.scope';
import { replacePlanMonths } from './plans.service';
import { now as clockNow } from '../../core/clock';

const MONTH_KEYS = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9', 'm10', 'm11', 'm12'] as const;
type MonthKey = (typeof MONTH_KEYS)[number];

/** One row of the plan sheet: a project's year, with that year's months when they are filled in. */
export type PlanRow = {
  code: string;
  name: string | null;
  year: number;
  plannedInvestment: Fen;
  plannedProgress: string | null;
} & Record<MonthKey, Fen | null>;

export const PLAN_SHEET: SheetSpec<PlanRow> = {
  name: '项目计划表',
  maxRows: 20_000,
  columns: [
    text<PlanRow, 'code'>('code', { header: '项目编码', required: true, max: 32, width: 16, note: '系统中的项目编码，如 SJT-2020-001' }),
    text<PlanRow, 'name'>('name', { header: '项目名称', max: 128, width: 28, note: '仅供对照，导入时不修改项目名称' }),
    integer<PlanRow, 'year'>('year', { header: '年度', required: true, min: 1990, max: 2100, width: 8, note: '建设周期内的每一年各占一行' }),
    money<PlanRow, 'plannedInvestment'>('plannedInvestment', { header: '年度计划投资（元）', required: true, width: 18, note: '各年度之和须等于项目总投资' }),
    text<PlanRow, 'plannedProgress'>('plannedProgress', { header: '年度形象进度', max: 500, width: 24 }),
    ...MONTH_KEYS.map(
      (k, i) =>
        money<PlanRow, MonthKey>(k, {
          header: `${i + 1}月计划投资（元）`,
          width: 14,
          note: i === 0 ? '填写本行年度的分月计划（可空：不分月）；填了任一月份，未填的月份按0计，12个月之和须等于年度计划投资' : undefined,
        }) as Column<PlanRow>,
    ),
  ] as Column<PlanRow>[],
};

function hasMonths(row: PlanRow): boolean {
  return MONTH_KEYS.some((k) => row[k] !== null && row[k] !== undefined);
}

function monthsOf(row: PlanRow) {
  return MONTH_KEYS.map((k, i) => ({ month: i + 1, plannedInvestment: row[k] ?? 0n }));
}

/** Checks every project of the sheet against the plan rules, naming row and column. */
async function planProblems(ctx: Context, rows: SheetRow<PlanRow>[], locate: Locate<PlanRow>): Promise<{ problems: SheetProblem[]; projects: Map<string, Project> }> {
  const problems: SheetProblem[] = [];
  const at = (row: number, key: keyof PlanRow & string, reason: string) => problems.push({ row, ...locate(key), reason });
  const codes = [...new Set(rows.map((r) => r.values.code))];
  const projects = new Map<string, Project>();
  for (const batch of chunks(codes, 500)) {
    for (const p of await scopedProjects(ctx).andWhere('p.code IN (:...codes)', { codes: batch }).getMany()) projects.set(p.code, p);
  }
  const groups = new Map<string, SheetRow<PlanRow>[]>();
  for (const row of rows) {
    const project = projects.get(row.values.code);
    if (!project) {
      at(row.rowNumber, 'code', `没有编码为 ${row.values.code} 的项目，或不在你的管辖范围内 (no such project in your scope)`);
      continue;
    }
    if (!canAdminister(ctx.viewer, project.areaId)) {
      at(row.rowNumber, 'code', '只有项目所在地区的管理员可以导入计划 (not an admin of the project’s area)');
      continue;
    }
    groups.set(project.code, [...(groups.get(project.code) ?? []), row]);
  }
  for (const [code, group] of groups) {
    const project = projects.get(code)!;
    const base = { totalInvestment: project.totalInvestment, constructionStart: project.constructionStart, constructionEnd: project.constructionEnd };
    const years = group.map((r) => ({ year: r.values.year, plannedInvestment: r.values.plannedInvestment }));
    const place = (p: Problem, monthRow: SheetRow<PlanRow> | null) => {
      const m = /^(years|months)\[(\d+)\]\.(\w+)$/.exec(p.field);
      if (m && m[1] === 'years') return at(group[Number(m[2])].rowNumber, m[3] === 'year' ? 'year' : 'plannedInvestment', p.reason);
      if (m && m[1] === 'months' && monthRow) return at(monthRow.rowNumber, MONTH_KEYS[Number(m[2])], p.reason);
      if (p.field === 'months' && monthRow) return at(monthRow.rowNumber, 'm12', p.reason);
      if (p.field === 'currentYear' && monthRow) return at(monthRow.rowNumber, 'year', p.reason);
      return at(group[0].rowNumber, 'plannedInvestment', `项目 ${code}：${p.reason}`);
    };
    for (const p of validatePlanTable({ ...base, years })) place(p, null);
    for (const row of group.filter((r) => hasMonths(r.values))) {
      const monthProblems = validatePlanTable({ ...base, years, currentYear: row.values.year, months: monthsOf(row.values) }).filter((p) =>
        /^(months|currentYear)/.test(p.field),
      );
      for (const p of monthProblems) place(p, row);
    }
  }
  return { problems, projects };
}

export async function importPlans(ctx: Context, fileId: string, dryRun: boolean): Promise<ImportResult> {
  const buffer = await readUploadedSpreadsheet(ctx, fileId, 'fileId');
  let projects = new Map<string, Project>();
  return runImport(ctx, {
    spec: PLAN_SHEET,
    buffer,
    dryRun,
    validateRows: async (rows, locate) => {
      const checked = await planProblems(ctx, rows, locate);
      projects = checked.projects;
      return checked.problems;
    },
    commit: async (tx, rows) => {
      const groups = new Map<string, SheetRow<PlanRow>[]>();
      for (const row of rows) groups.set(row.values.code, [...(groups.get(row.values.code) ?? []), row]);
      let created = 0;
      let updated = 0;
      const now = clockNow();
      for (const [code, group] of groups) {
        const project = projects.get(code)!;
        const had = await tx.em.countBy(PlanYear, { projectId: project.id });
        await tx.em.delete(PlanYear, { projectId: project.id });
        await tx.em.insert(
          PlanYear,
          group.map((r) => ({ projectId: project.id, year: r.values.year, plannedInvestment: r.values.plannedInvestment, plannedProgress: r.values.plannedProgress ?? '' })),
        );
        for (const row of group.filter((r) => hasMonths(r.values))) await replacePlanMonths(tx.em, project.id, row.values.year, monthsOf(row.values));
        const firstYear = Math.min(...group.map((r) => r.values.year));
        const from = makePeriod(firstYear, 1) < project.constructionStart ? project.constructionStart : makePeriod(firstYear, 1);
        await recomputeProjectLights(tx.em, project, from, now);
        if (had > 0) updated += 1;
        else created += 1;
      }
      return { created, updated };
    },
    audit: { action: 'plan.import', entityType: 'PlanTable', areaId: ctx.viewer.scope?.root.id ?? null },
  });
}

/** The template: headers with notes and one example project spread over its years. */
export function planTemplate(): Promise<Buffer> {
  const empty = Object.fromEntries(MONTH_KEYS.map((k) => [k, null])) as Record<MonthKey, Fen | null>;
  const months2020 = Object.fromEntries(MONTH_KEYS.map((k, i) => [k, i < 11 ? 100_000_000n : 900_000_000n])) as Record<MonthKey, Fen | null>;
  return templateSheet(PLAN_SHEET, [
    { code: 'SJT-2020-001', name: '示例项目', year: 2019, plannedInvestment: 1_000_000_000n, plannedProgress: '主体开工', ...empty },
    { code: 'SJT-2020-001', name: '示例项目', year: 2020, plannedInvestment: 2_000_000_000n, plannedProgress: '主体封顶', ...months2020 },
  ]);
}

/** One row of a district's monthly report: plan, actual, light and reason of every project. */
export interface MonthlyReportRow {
  code: string;
  name: string;
  plannedInvestment: Fen | null;
  actualInvestment: Fen | null;
  light: string | null;
  reason: string | null;
  progress: string | null;
}

export const MONTHLY_REPORT_SHEET: SheetSpec<MonthlyReportRow> = {
  name: '月度计划完成表',
  columns: [
    text<MonthlyReportRow, 'code'>('code', { header: '项目编码', width: 16 }),
    text<MonthlyReportRow, 'name'>('name', { header: '项目名称', width: 32 }),
    money<MonthlyReportRow, 'plannedInvestment'>('plannedInvestment', { header: '本月计划投资（元）', width: 18 }),
    money<MonthlyReportRow, 'actualInvestment'>('actualInvestment', { header: '本月实际完成（元）', width: 18 }),
    text<MonthlyReportRow, 'light'>('light', { header: '亮灯', width: 8 }),
    text<MonthlyReportRow, 'reason'>('reason', { header: '原因', width: 60 }),
    text<MonthlyReportRow, 'progress'>('progress', { header: '形象进度', width: 40 }),
  ] as Column<MonthlyReportRow>[],
};

/** Every project of an area in the viewer's scope with its plan, actual, light and reason for a month. */
export async function monthlyReportRows(ctx: Context, areaIds: number[], period: string): Promise<MonthlyReportRow[]> {
  const projects = await scopedProjects(ctx).andWhere('p.areaId IN (:...areaIds)', { areaIds }).orderBy('p.code', 'ASC').getMany();
  const ids = projects.map((p) => p.id);
  const plans = new Map<number, PlanMonth>();
  const reports = new Map<number, MonthlyReport>();
  const lights = new Map<number, ProjectLight>();
  for (const batch of chunks(ids, 500)) {
    for (const r of await ctx.db.getRepository(PlanMonth).findBy({ projectId: In(batch), period })) plans.set(r.projectId, r);
    for (const r of await ctx.db.getRepository(MonthlyReport).findBy({ projectId: In(batch), period })) reports.set(r.projectId, r);
    for (const r of await ctx.db.getRepository(ProjectLight).findBy({ projectId: In(batch), period })) lights.set(r.projectId, r);
  }
  return projects.map((p) => ({
    code: p.code,
    name: p.name,
    plannedInvestment: plans.get(p.id)?.plannedInvestment ?? null,
    actualInvestment: reports.get(p.id)?.actualInvestment ?? null,
    light: lights.has(p.id) ? LIGHT_COLOR_LABELS[lights.get(p.id)!.color] : null,
    reason: lights.get(p.id)?.reason ?? null,
    progress: reports.get(p.id)?.progress ?? null,
  }));
}
