import { period as makePeriod, toFen } from '@kpd/domain';
import type { EntityManager } from 'typeorm';
import { canReadFigures, requireWriter, signedIn } from '../../core/auth/policy';
import { now as clockNow } from '../../core/clock';
import { toJson } from '../../core/columns';
import type { Context } from '../../core/context';
import { ConflictError, UserInputError } from '../../core/errors';
import { parseId } from '../../core/ids';
import { paginate, type Page, type PageArgs } from '../../core/pagination';
import { mutate } from '../../core/transaction';
import { holdLightCounts } from './light-counts';
import { closedPeriods, recomputeProjectLights } from './lights.service';
import { CorrectionStatus } from './month-close.entity';
import { markDecided, requestToDecide } from './approvals';
import { PlanVersion, type PlanVersionMonth } from './plan-version.entity';
import { baselineInForce, checkPlanTable, monthsOfInput, planImage, sameMonths, storedMonths, writePlan, type StoredMonth } from './plans.service';
import { Project } from './project.entity';
import type { PlanTableInput } from './projects.inputs';
import { editableProject } from './projects.scope';

// Plan baselines (计划基线): a year's monthly plan is approved once; a change to it is a new version
// with a reason, in force once a city admin approves it.

/** A version's months as the API answers them. */
export function versionMonths(v: PlanVersion): PlanVersionMonth[] {
  return (JSON.parse(v.months) as StoredMonth[]).map((m) => ({ period: makePeriod(v.year, m.month), plannedInvestment: toFen(m.plannedInvestment), plannedMilestone: m.plannedMilestone }));
}

/** Approves a year's monthly plan as it stands as its baseline (version 1): an admin of the project's area. */
export async function approvePlanBaseline(ctx: Context, projectIdArg: string, year: number): Promise<PlanVersion> {
  const viewer = signedIn(ctx.viewer);
  requireWriter(viewer);
  const project = await editableProject(ctx, parseId(projectIdArg, 'projectId'));
  return mutate(ctx, async (tx) => {
    if (await tx.em.countBy(PlanVersion, { projectId: project.id, year })) throw new ConflictError(`${year}年的计划已有基线，修改须提交新版本`);
    const months = await storedMonths(tx.em, project.id, year);
    if (months.length === 0) throw new UserInputError('year', `${year}年尚无分月计划，不能批准为基线`);
    const now = clockNow();
    const by = viewer.displayName ?? viewer.username ?? '';
    const row = await tx.em.save(
      tx.em.create(PlanVersion, {
        projectId: project.id,
        areaId: project.areaId,
        cityId: project.cityId,
        year,
        version: 1,
        status: CorrectionStatus.APPROVED,
        months: toJson(months),
        years: toJson((await planImage(tx, project.id)).years.map((y) => ({ year: y.year, plannedInvestment: y.plannedInvestment.toString(), plannedProgress: y.plannedProgress }))),
        reason: null,
        requestedBy: by,
        requestedByUserId: viewer.userId,
        requestedAt: now,
        decidedBy: by,
        decidedAt: now,
        decisionReason: null,
      }),
    );
    await tx.audit({ action: 'planVersion.baseline', entityType: 'PlanVersion', entityId: row.id, areaId: project.areaId, after: row });
    return row;
  });
}

/** Closed months whose plan the version would change: those change only through a correction. */
async function closedMonthsChanged(em: EntityManager, project: Project, year: number, months: StoredMonth[]): Promise<string[]> {
  const closed = await closedPeriods(em, project.areaId, makePeriod(year, 1));
  const now = new Map((await storedMonths(em, project.id, year)).map((m) => [m.month, m]));
  const next = new Map(months.map((m) => [m.month, m]));
  return [...closed]
    .filter((p) => p.startsWith(`${year}-`))
    .filter((p) => toJson(now.get(Number(p.slice(5))) ?? null) !== toJson(next.get(Number(p.slice(5))) ?? null))
    .sort();
}

/** Asks for a new version of an approved year's plan, with a reason; nothing changes until a city admin approves it. */
export async function requestPlanVersion(ctx: Context, projectIdArg: string, input: PlanTableInput, reason: string): Promise<PlanVersion> {
  const viewer = signedIn(ctx.viewer);
  requireWriter(viewer);
  const project = await editableProject(ctx, parseId(projectIdArg, 'projectId'));
  if (!input.months || input.year === null || input.year === undefined) throw new UserInputError('input.months', '请给出该年度的分月计划');
  if (!reason.trim()) throw new UserInputError('reason', '请说明计划变更的理由');
  checkPlanTable(project, input);
  const year = input.year;
  const months = monthsOfInput(input);
  return mutate(ctx, async (tx) => {
    const inForce = await baselineInForce(tx.em, project.id, year);
    if (!inForce) throw new UserInputError('input.year', `${year}年的计划尚未批准为基线，直接保存即可`);
    if (sameMonths(JSON.parse(inForce.months) as StoredMonth[], months)) throw new UserInputError('input.months', '与现行计划相同，无需变更');
    const closed = await closedMonthsChanged(tx.em, project, year, months);
    if (closed.length) throw new UserInputError('input.months', `${closed.join('、')} 已关账：已关账月份的计划只能通过更正申请修改`);
    const latest = await tx.em.findOne(PlanVersion, { where: { projectId: project.id, year }, order: { version: 'DESC' } });
    const row = await tx.em.save(
      tx.em.create(PlanVersion, {
        projectId: project.id,
        areaId: project.areaId,
        cityId: project.cityId,
        year,
        version: (latest?.version ?? 0) + 1,
        status: CorrectionStatus.PENDING,
        months: toJson(months),
        years: toJson(input.years.map((y) => ({ year: y.year, plannedInvestment: y.plannedInvestment.toString(), plannedProgress: y.plannedProgress ?? '' }))),
        reason: reason.trim(),
        requestedBy: viewer.displayName ?? viewer.username ?? '',
        requestedByUserId: viewer.userId,
        requestedAt: clockNow(),
        decidedBy: null,
        decidedAt: null,
        decisionReason: null,
      }),
    );
    await tx.audit({ action: 'planVersion.request', entityType: 'PlanVersion', entityId: row.id, areaId: project.areaId, after: row });
    return row;
  });
}

/**
 * A city admin (not the one who asked) approves or rejects a plan version. Approved, it is in force:
 * the plan table takes its months and the months still open are relit against it.
 */
export async function decidePlanVersion(ctx: Context, idArg: string, approve: boolean, decisionReason: string): Promise<PlanVersion> {
  const { viewer, found } = await requestToDecide(ctx, PlanVersion, idArg, approve, decisionReason, {
    ownRequest: '计划变更不能由申请人自己审批',
    notCityAdmin: '计划变更由市级管理员审批',
  });
  const id = found.id;
  const now = clockNow();
  return mutate(ctx, async (tx) => {
    await markDecided(tx.em, PlanVersion, id, { approve, viewer, at: now, reason: decisionReason }, '这个计划版本已经审批过了');
    if (approve) {
      const project = await tx.em.findOneByOrFail(Project, { id: found.projectId });
      const months = JSON.parse(found.months) as StoredMonth[];
      // Months closed since the request keep their plan: approving would change them silently.
      await holdLightCounts(tx.em, Array.from({ length: 12 }, (_, i) => ({ period: makePeriod(found.year, i + 1), areaId: project.areaId })));
      const closed = await closedMonthsChanged(tx.em, project, found.year, months);
      if (closed.length) throw new ConflictError(`${closed.join('、')} 已在申请后关账，不能批准；请对这些月份提交更正`);
      const plan = {
        years: (JSON.parse(found.years) as { year: number; plannedInvestment: string; plannedProgress: string }[]).map((y) => ({ ...y, plannedInvestment: toFen(y.plannedInvestment) })),
        year: found.year,
        months: months.map((m) => ({ month: m.month, plannedInvestment: toFen(m.plannedInvestment), plannedMilestone: m.plannedMilestone })),
      } as PlanTableInput;
      try {
        checkPlanTable(project, plan);
      } catch (e) {
        throw new ConflictError(`计划版本与项目现状不符，不能批准：${(e as Error).message}`);
      }
      const before = await planImage(tx, project.id);
      await writePlan(tx, project.id, plan.years, plan.year ?? null, plan.months ?? null);
      const from = makePeriod(found.year, 1);
      await recomputeProjectLights(tx.em, project, from < project.constructionStart ? project.constructionStart : from, now);
      await tx.audit({ action: 'plan.save', entityType: 'PlanTable', entityId: project.id, areaId: project.areaId, before, after: await planImage(tx, project.id) });
    }
    const row = await tx.em.findOneByOrFail(PlanVersion, { id });
    await tx.audit({ action: approve ? 'planVersion.approve' : 'planVersion.reject', entityType: 'PlanVersion', entityId: id, areaId: found.areaId, before: found, after: row });
    return row;
  });
}

/** A project's plan versions (of one year when given), oldest first; the caller has read the project. */
export async function planVersionsOf(ctx: Context, projectId: number, year: number | null): Promise<PlanVersion[]> {
  return ctx.db.getRepository(PlanVersion).find({ where: year === null ? { projectId } : { projectId, year }, order: { year: 'ASC', version: 'ASC' } });
}

/** Plan versions in the viewer's area (admins and analysts), newest first, by state. */
export async function planVersionRequests(ctx: Context, status: CorrectionStatus | null, page: PageArgs): Promise<Page<PlanVersion>> {
  const viewer = signedIn(ctx.viewer);
  const me = viewer.userId;
  const qb = ctx.db.getRepository(PlanVersion).createQueryBuilder('v');
  if (canReadFigures(viewer)) {
    const ids = viewer.scope.areaIds();
    if (ids) qb.andWhere('v.area_id IN (:...ids)', { ids });
  } else {
    qb.andWhere('v.requested_by_user_id = :me', { me });
  }
  if (status) qb.andWhere('v.status = :status', { status });
  return paginate(qb, [{ expression: 'v.id', property: 'id', direction: 'DESC' }], page);
}
