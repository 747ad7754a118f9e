import { periodOfInstant, period as makePeriod, validateMilestones, validateMonthlyReport, validatePlanTable, type Fen, periodOfDate } from '@kpd/domain';
import { In, type EntityManager } from 'typeorm';
import { requireWriter } from '../../core/auth/policy';
import { ConflictError, MonthClosedError, UserInputError, withExtensions, type FieldProblem } from '../../core/errors';
import { toJson } from '../../core/columns';
import { CorrectionStatus } from './month-close.entity';
import { PlanVersion } from './plan-version.entity';
import { attachFiles, detachFiles, FilePurpose } from '../../core/files';
import { parseId } from '../../core/ids';
import { mutate, type Tx } from '../../core/transaction';
import type { Context } from '../../core/context';
import { addToSummary, lockedPlanMonths, lockSummaryKey, planDeltas } from './investment-summary';
import { holdLightCounts } from './light-counts';
import { closedPeriods, recomputeProjectLights } from './lights.service';
import { REPORT_PHOTO } from './pictures.service';
import { MonthlyReport, PlanMonth, PlanYear, ProjectMilestone } from './plan.entity';
import type { Project } from './project.entity';
import type { MilestoneInput, MonthlyReportInput, PlanTableInput } from './projects.inputs';
import { editableProject, reportableProject } from './projects.scope';
import { isDuplicateKey } from './projects.service';
import { now as clockNow } from '../../core/clock';
import { checkInvestmentSplit, writeInvestmentSplit } from './funding.service';

// The plan table (一表): the plan, the monthly completion reports and the milestones.

/** Checks a plan table against the project, naming every problem at once (BAD_USER_INPUT). */
export function checkPlanTable(project: Project, input: PlanTableInput, prefix = 'input'): void {
  const problems = validatePlanTable({
    totalInvestment: project.totalInvestment,
    constructionStart: project.constructionStart,
    constructionEnd: project.constructionEnd,
    years: input.years.map((y) => ({ year: y.year, plannedInvestment: y.plannedInvestment, plannedImageProgress: y.plannedProgress })),
    currentYear: input.months ? (input.year ?? null) : null,
    months: input.months ?? null,
  });
  if (problems.length) {
    throw UserInputError.of(
      problems.map((p) => ({
        field: `${prefix}.${p.field.replace(/^currentYear/, 'year').replace(/^totalInvestment/, 'years')}`,
        reason: p.reason,
      })),
    );
  }
}

/**
 * The closed months (月度关账) whose planned investment or milestone the plan table would change,
 * with the index of the month in `input.months`: such a change goes in as a correction.
 */
export async function closedPlanMonthsChanged(em: EntityManager, project: Project, input: PlanTableInput): Promise<{ period: string; index: number }[]> {
  if (!input.months || input.year === null || input.year === undefined) return [];
  const closed = await closedPeriods(em, project.areaId, makePeriod(input.year, 1));
  const yearClosed = [...closed].filter((p) => p.startsWith(`${input.year}-`));
  if (yearClosed.length === 0) return [];
  const stored = new Map((await em.find(PlanMonth, { where: { projectId: project.id, period: In(yearClosed) } })).map((m) => [m.period, m]));
  const given = new Map(input.months.map((m, index) => [makePeriod(input.year!, m.month), { ...m, index }]));
  const changed: { period: string; index: number }[] = [];
  for (const period of yearClosed.sort()) {
    const old = stored.get(period);
    const now = given.get(period);
    const same = old && now ? old.plannedInvestment === now.plannedInvestment && (old.plannedMilestone ?? '') === (now.plannedMilestone ?? '') : !old && !now;
    if (!same) changed.push({ period, index: now?.index ?? 0 });
  }
  return changed;
}

// Plan baselines (计划基线): the version of a year's plan in force, and the refusal of a plain save that would change it.

export interface StoredMonth {
  month: number;
  plannedInvestment: string;
  plannedMilestone: string;
}

export const sameMonths = (a: StoredMonth[], b: StoredMonth[]) => toJson([...a].sort((x, y) => x.month - y.month)) === toJson([...b].sort((x, y) => x.month - y.month));

export function monthsOfInput(input: PlanTableInput): StoredMonth[] {
  return (input.months ?? []).map((m) => ({ month: m.month, plannedInvestment: m.plannedInvestment.toString(), plannedMilestone: m.plannedMilestone ?? '' }));
}

export async function storedMonths(em: EntityManager, projectId: number, year: number): Promise<StoredMonth[]> {
  const periods = Array.from({ length: 12 }, (_, i) => makePeriod(year, i + 1));
  const rows = await em.find(PlanMonth, { where: { projectId, period: In(periods) } });
  return rows.map((r) => ({ month: Number(r.period.slice(5)), plannedInvestment: r.plannedInvestment.toString(), plannedMilestone: r.plannedMilestone ?? '' }));
}

/** The approved version in force for a project's year (the latest approved), or null. */
export async function baselineInForce(em: EntityManager, projectId: number, year: number): Promise<PlanVersion | null> {
  return em.findOne(PlanVersion, { where: { projectId, year, status: CorrectionStatus.APPROVED }, order: { version: 'DESC' } });
}

/**
 * Refuses a plain save that would change an approved year's months: the change needs a new version
 * with a reason (BAD_USER_INPUT on `input.months`, with `extensions.planVersionNeeded` = the year).
 */
export async function refuseChangeToBaseline(em: EntityManager, projectId: number, input: PlanTableInput): Promise<void> {
  if (!input.months || input.year === null || input.year === undefined) return;
  if (!(await baselineInForce(em, projectId, input.year))) return;
  if (sameMonths(await storedMonths(em, projectId, input.year), monthsOfInput(input))) return;
  throw withExtensions(new UserInputError('input.months', `${input.year}年的分月计划已批准为基线：修改须作为新版本提交（说明理由，经市级管理员批准）`), { planVersionNeeded: input.year });
}

/** Saves the plan table (years, and one year by month); every problem is named at once. */
export async function savePlanTable(ctx: Context, projectId: number, input: PlanTableInput): Promise<Project> {
  requireWriter(ctx.viewer);
  const project = await editableProject(ctx, projectId);
  checkPlanTable(project, input);
  return mutate(ctx, async (tx) => {
    // A closed month's plan changes only through an approved correction (月度关账): the months of
    // the district are held first, so a close committing meanwhile is seen.
    await holdLightCounts(tx.em, Array.from({ length: 12 }, (_, i) => ({ period: makePeriod(input.year ?? 0, i + 1), areaId: project.areaId })).filter(() => !!input.year));
    const closedChanges = await closedPlanMonthsChanged(tx.em, project, input);
    if (closedChanges.length) {
      const [first, ...rest] = closedChanges.map((c) => ({
        field: `input.months[${c.index}].plannedInvestment`,
        reason: `${c.period} 已关账：已关账月份的计划只能通过更正申请修改（说明理由，经市级管理员批准）`,
      }));
      throw new MonthClosedError(first.field, first.reason, closedChanges[0].period, rest);
    }
    await refuseChangeToBaseline(tx.em, projectId, input);
    const before = await planImage(tx, projectId);
    await writePlan(tx, projectId, input.years, input.year ?? null, input.months ?? null);
    const firstYear = Math.min(...input.years.map((y) => y.year));
    const from = input.months && input.year ? makePeriod(input.year, 1) : makePeriod(firstYear, 1);
    await recomputeProjectLights(tx.em, project, from < project.constructionStart ? project.constructionStart : from, clockNow());
    await tx.audit({ action: 'plan.save', entityType: 'PlanTable', entityId: projectId, areaId: project.areaId, before, after: await planImage(tx, projectId) });
    return project;
  });
}

export async function planImage(tx: Tx, projectId: number) {
  return {
    years: await tx.em.find(PlanYear, { where: { projectId }, order: { year: 'ASC' } }),
    months: await tx.em.find(PlanMonth, { where: { projectId }, order: { period: 'ASC' } }),
  };
}

/** Replaces the annual plan and, when given, one year's months. */
export async function writePlan(
  tx: Tx,
  projectId: number,
  years: { year: number; plannedInvestment: bigint; plannedProgress: string }[],
  year: number | null,
  months: { month: number; plannedInvestment: bigint; plannedMilestone: string }[] | null,
): Promise<void> {
  await tx.em.delete(PlanYear, { projectId });
  if (years.length) await tx.em.insert(PlanYear, years.map((y) => ({ projectId, year: y.year, plannedInvestment: y.plannedInvestment, plannedProgress: y.plannedProgress ?? '' })));
  if (months && year !== null) await replacePlanMonths(tx.em, projectId, year, months);
}

/** Replaces one year's monthly plan, and its share of the investment summary, in the caller's transaction. */
export async function replacePlanMonths(
  em: EntityManager,
  projectId: number,
  year: number,
  months: { month: number; plannedInvestment: bigint; plannedMilestone?: string | null }[],
): Promise<void> {
  const key = await lockSummaryKey(em, projectId);
  const periods = Array.from({ length: 12 }, (_, i) => makePeriod(year, i + 1));
  const old = await lockedPlanMonths(em, projectId, periods);
  if (old.length) await em.delete(PlanMonth, { projectId, period: In(periods) });
  const rows = months.map((m) => ({ projectId, period: makePeriod(year, m.month), plannedInvestment: m.plannedInvestment as Fen, plannedMilestone: m.plannedMilestone ?? '' }));
  if (rows.length) await em.insert(PlanMonth, rows);
  await addToSummary(em, [...planDeltas(key, old, -1), ...planDeltas(key, rows, 1)]);
}

/**
 * Saves a month's completion report. A new report has no version; a change carries the version
 * read, and a stale one is refused with CONFLICT (nothing is overwritten). The month's light and
 * every later stored light are recomputed in the same transaction.
 */
export async function saveMonthlyReport(ctx: Context, input: MonthlyReportInput): Promise<MonthlyReport> {
  requireWriter(ctx.viewer);
  const projectId = parseId(input.projectId, 'input.projectId');
  const project = await reportableProject(ctx, projectId);
  const now = clockNow();
  const problems = validateMonthlyReport({
    period: input.period,
    actualInvestment: input.actualInvestment,
    now: periodOfInstant(now),
    constructionStart: project.constructionStart,
    constructionEnd: project.constructionEnd,
  }).map((p) => ({ field: `input.${p.field}`, reason: p.reason }));
  // The split by funding source (optional): checked with the report, every problem at once.
  const { problems: splitProblems, split } = await checkInvestmentSplit(ctx, project.cityId, input.actualInvestment, input.investmentBySource);
  problems.push(...splitProblems);
  if (problems.length) throw UserInputError.of(problems);
  try {
    return await mutate(ctx, async (tx) => {
      // A closed month (月度关账) takes a report only as a correction: its count row is held first,
      // so a close committing meanwhile is seen.
      await holdLightCounts(tx.em, [{ period: input.period, areaId: project.areaId }]);
      if ((await closedPeriods(tx.em, project.areaId, input.period)).has(input.period)) {
        throw new MonthClosedError('input.period', `${input.period} 已关账：报告只能作为更正申请提交（说明理由，经市级管理员批准）`, input.period);
      }
      const key = await lockSummaryKey(tx.em, projectId);
      const existing = await tx.em.findOneBy(MonthlyReport, { projectId, period: input.period });
      let report: MonthlyReport;
      if (!existing) {
        if (input.version !== null && input.version !== undefined) {
          throw new ConflictError(`${input.period} 的报告不存在或已被删除，不能按版本 ${input.version} 修改`, { currentVersion: null });
        }
        report = await tx.em.save(
          tx.em.create(MonthlyReport, {
            projectId,
            areaId: project.areaId,
            period: input.period,
            actualInvestment: input.actualInvestment,
            progress: input.progress,
            reporterUserId: ctx.viewer.userId,
            reporterName: ctx.viewer.displayName ?? ctx.viewer.username ?? '',
            submittedAt: now,
            updatedAt: now,
            version: 1,
          }),
        );
      } else {
        if (input.version === null || input.version === undefined || input.version !== existing.version) {
          throw new ConflictError(
            `${input.period} 的报告已被修改（当前版本 ${existing.version}${input.version ? `，你提交的是 ${input.version}` : '，提交时未带版本'}），请刷新后再改`,
            { currentVersion: existing.version },
          );
        }
        const result = await tx.em
          .createQueryBuilder()
          .update(MonthlyReport)
          .set({
            actualInvestment: input.actualInvestment,
            progress: input.progress,
            reporterUserId: ctx.viewer.userId,
            reporterName: ctx.viewer.displayName ?? ctx.viewer.username ?? '',
            updatedAt: now,
            version: existing.version + 1,
          })
          .where('id = :id AND version = :v', { id: existing.id, v: input.version })
          .execute();
        if (result.affected === 0) throw new ConflictError(`${input.period} 的报告刚被他人修改，请刷新后再改`, { currentVersion: existing.version + 1 });
        report = await tx.em.findOneByOrFail(MonthlyReport, { id: existing.id });
      }
      // The version check above makes `existing` the row this change replaced.
      await addToSummary(tx.em, [
        { ...key, areaId: report.areaId, period: report.period, actual: report.actualInvestment - (existing?.actualInvestment ?? 0n), reports: existing ? 0 : 1 },
      ]);
      await writeInvestmentSplit(tx.em, report, existing, split);
      if (input.photoIds) {
        await detachFiles(tx, REPORT_PHOTO, report.id, input.photoIds);
        await attachFiles(ctx, tx, input.photoIds, { ownerType: REPORT_PHOTO, ownerId: report.id, areaId: project.areaId, purpose: FilePurpose.PHOTO }, 'input.photoIds');
      }
      await recomputeProjectLights(tx.em, project, input.period, now);
      await tx.audit({ action: existing ? 'report.update' : 'report.create', entityType: 'MonthlyReport', entityId: report.id, areaId: project.areaId, before: existing, after: split ? { ...report, investmentBySource: split } : report });
      return report;
    });
  } catch (e) {
    if (isDuplicateKey(e)) throw new ConflictError(`${input.period} 的报告刚被他人提交，请刷新后在其基础上修改`, { currentVersion: 1 });
    throw e;
  }
}

/** Replaces the project's milestones (节点) and relights its months (milestone rule). */
export async function saveMilestones(ctx: Context, id: number, milestones: MilestoneInput[]): Promise<Project> {
  requireWriter(ctx.viewer);
  const project = await reportableProject(ctx, id);
  const problems: FieldProblem[] = validateMilestones(milestones);
  if (problems.length) throw UserInputError.of(problems);
  return mutate(ctx, async (tx) => {
    const before = await tx.em.find(ProjectMilestone, { where: { projectId: id } });
    await tx.em.delete(ProjectMilestone, { projectId: id });
    if (milestones.length) {
      await tx.em.insert(
        ProjectMilestone,
        milestones.map((m) => ({ projectId: id, name: m.name.trim(), startDate: m.startDate ?? null, dueDate: m.dueDate, weight: m.weight, progress: m.progress, metDate: m.metDate ?? null })),
      );
    }
    const earliest = [...milestones, ...before].map((m) => periodOfDate(m.dueDate)).sort()[0];
    const current = periodOfInstant(clockNow());
    await recomputeProjectLights(tx.em, project, earliest && earliest < current ? earliest : current, clockNow());
    await tx.audit({ action: 'milestones.save', entityType: 'Project', entityId: id, areaId: project.areaId, before, after: milestones });
    return project;
  });
}
