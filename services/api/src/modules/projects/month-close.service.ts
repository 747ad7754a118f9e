import { addMonths, periodOfInstant, reportDeadlinePassed, toFen, validateMonthlyReport, type Fen } from '@kpd/domain';
import type { EntityManager } from 'typeorm';
import { canAdminister, canReadFigures, requireThat, requireWriter, signedIn } from '../../core/auth/policy';
import { now as clockNow } from '../../core/clock';
import { fen, toInt, toJson } from '../../core/columns';
import type { Context } from '../../core/context';
import { ConflictError, UserInputError } from '../../core/errors';
import { parseId, parseOptionalId } from '../../core/ids';
import { paginate, type Page, type PageArgs } from '../../core/pagination';
import { mutate, writeSystemAudit } from '../../core/transaction';
import { Area, AreaLevel } from '../../core/areas/area.entity';
import { queryArea } from '../../core/areas/areas.service';
import { LightRule } from '../../core/areas/city-settings.entity';
import { dropInvestmentSplit } from './funding.service';
import { addToSummary, InvestmentDistrictSummary, lockSummaryKey } from './investment-summary';
import { republishAfterCorrection } from './light-board.service';
import { holdLightCounts, LightCount } from './light-counts';
import { ProjectLight } from './light.entity';
import { lightSettingsByCity, recomputeProjectLights, runMonthEndLights, type LightChange } from './lights.service';
import { CorrectionKind, CorrectionStatus, DistrictMonthClose, LightCorrection, MonthClose, RelitMonth } from './month-close.entity';
import { noticeCorrectionPending, noticeMonthClosed } from './month-close.notices';
import { MonthlyReport, PlanMonth } from './plan.entity';
import { markDecided, requestToDecide } from './approvals';
import { checkPlanTable, closedPlanMonthsChanged, planImage, writePlan } from './plans.service';
import { Project } from './project.entity';
import type { CorrectionFilter, PlanTableInput, ReportCorrectionInput } from './projects.inputs';
import { editableProject, reportableProject } from './projects.scope';

// The monthly cycle made binding: a district's month closes after the report deadline (月度关账),
// and a closed month changes only through a correction a city admin approves (关账后更正).

/** The districts an area stands for: itself when a district, else the districts under it. */
function districtsOf(ctx: Context, area: Area): Area[] {
  return area.level === AreaLevel.DISTRICT ? [area] : ctx.areas.ofLevel(AreaLevel.DISTRICT, area.id);
}

/** Whether a city's month may close at `now`: its report deadline passed (milestone rule: the month ended). */
async function deadlinesPassed(em: EntityManager, cityIds: number[], period: string, now: Date): Promise<Map<number, boolean>> {
  const settings = await lightSettingsByCity(em, cityIds);
  return new Map(
    [...new Set(cityIds)].map((id) => {
      const s = settings.get(id);
      const passed = !s ? period < periodOfInstant(now) : s.rule === LightRule.MILESTONE ? period < periodOfInstant(now) : reportDeadlinePassed(period, s.deadlineDay, now);
      return [id, passed];
    }),
  );
}

/**
 * Closes a month for the districts given (their count rows held, then the month-end job lights
 * what is still missing), recording each district's light counts and investment as they stand.
 * Districts closed already are left as they were. Answers how many districts it closed.
 */
export async function closeDistricts(em: EntityManager, period: string, districts: { id: number; cityId: number }[], closedBy: string, now: Date): Promise<number> {
  if (districts.length === 0) return 0;
  const ids = districts.map((d) => d.id);
  await holdLightCounts(em, ids.map((areaId) => ({ period, areaId })));
  await runMonthEndLights(em, period, now, ids);
  const already = new Set(
    (await em.createQueryBuilder(MonthClose, 'c').select('c.areaId', 'areaId').where('c.period = :period AND c.areaId IN (:...ids)', { period, ids }).getRawMany<{ areaId: unknown }>()).map((r) => toInt(r.areaId)),
  );
  const open = districts.filter((d) => !already.has(d.id));
  if (open.length === 0) return 0;
  const openIds = open.map((d) => d.id);
  const counts = new Map(
    (await em.find(LightCount, { where: openIds.map((areaId) => ({ period, areaId })) })).map((c) => [c.areaId, c]),
  );
  const yearStart = `${period.slice(0, 4)}-01`;
  const figures = await em
    .createQueryBuilder(InvestmentDistrictSummary, 's')
    .select('s.area_id', 'areaId')
    .addSelect('SUM(CASE WHEN s.period = :period THEN s.planned ELSE 0 END)', 'planned')
    .addSelect('SUM(CASE WHEN s.period = :period THEN s.actual ELSE 0 END)', 'actual')
    .addSelect('SUM(s.actual)', 'ytd')
    .addSelect('SUM(CASE WHEN s.period = :period THEN s.reports ELSE 0 END)', 'reports')
    .where('s.period >= :yearStart AND s.period <= :period AND s.area_id IN (:...openIds)', { yearStart, period, openIds })
    .groupBy('s.area_id')
    .getRawMany<{ areaId: unknown; planned: unknown; actual: unknown; ytd: unknown; reports: unknown }>();
  const byArea = new Map(figures.map((f) => [toInt(f.areaId), f]));
  await em.insert(
    MonthClose,
    open.map((d) => {
      const c = counts.get(d.id);
      const f = byArea.get(d.id);
      return {
        areaId: d.id,
        cityId: d.cityId,
        period,
        green: c?.green ?? 0,
        yellow: c?.yellow ?? 0,
        red: c?.red ?? 0,
        planned: fen(f?.planned) as Fen,
        actual: fen(f?.actual) as Fen,
        actualYearToDate: fen(f?.ytd) as Fen,
        reports: toInt(f?.reports ?? 0),
        closedBy,
        closedAt: now,
      };
    }),
  );
  await noticeMonthClosed(
    em,
    period,
    open.map((d) => ({ id: d.id, cityId: d.cityId, green: counts.get(d.id)?.green ?? 0, yellow: counts.get(d.id)?.yellow ?? 0, red: counts.get(d.id)?.red ?? 0 })),
  );
  return open.length;
}

/** The close state of an area's districts for a month: closed with its figures, or open with the live counts. */
export async function monthCloseStatus(ctx: Context, areaIdArg: string | null, period: string): Promise<DistrictMonthClose[]> {
  requireThat(ctx.viewer, canReadFigures(ctx.viewer), 'Only admins and analysts read the month close');
  const area = queryArea(ctx, parseOptionalId(areaIdArg, 'areaId'));
  const districts = districtsOf(ctx, area);
  if (districts.length === 0) return [];
  const ids = districts.map((d) => d.id);
  const closes = new Map((await ctx.db.getRepository(MonthClose).createQueryBuilder('c').where('c.period = :period AND c.areaId IN (:...ids)', { period, ids }).getMany()).map((c) => [c.areaId, c]));
  const live = new Map((await ctx.db.getRepository(LightCount).createQueryBuilder('c').where('c.period = :period AND c.areaId IN (:...ids)', { period, ids }).getMany()).map((c) => [c.areaId, c]));
  const sums = new Map(
    (await ctx.db.getRepository(InvestmentDistrictSummary).createQueryBuilder('s').where('s.period = :period AND s.areaId IN (:...ids)', { period, ids }).getMany()).map((s) => [s.areaId, s]),
  );
  return districts.map((d) => {
    const c = closes.get(d.id);
    if (c) {
      return { districtId: d.id, districtName: d.name, period, closed: true, green: c.green, yellow: c.yellow, red: c.red, planned: c.planned, actual: c.actual, actualYearToDate: c.actualYearToDate, reports: c.reports, closedBy: c.closedBy, closedAt: c.closedAt };
    }
    const l = live.get(d.id);
    const s = sums.get(d.id);
    return {
      districtId: d.id,
      districtName: d.name,
      period,
      closed: false,
      green: l?.green ?? 0,
      yellow: l?.yellow ?? 0,
      red: l?.red ?? 0,
      planned: s && s.planMonths > 0 ? s.planned : null,
      actual: s && s.reports > 0 ? s.actual : null,
      actualYearToDate: null,
      reports: s?.reports ?? 0,
      closedBy: null,
      closedAt: null,
    };
  });
}

/** Closes an area's month (月度关账) through the API: an admin of the area, after the report deadline; audited. */
export async function closeMonth(ctx: Context, areaIdArg: string | null, period: string): Promise<DistrictMonthClose[]> {
  const viewer = signedIn(ctx.viewer);
  const area = queryArea(ctx, parseOptionalId(areaIdArg, 'areaId'));
  requireThat(viewer, canAdminister(viewer, area.id), 'Only an admin of the area closes its month');
  const districts = districtsOf(ctx, area).map((d) => ({ id: d.id, cityId: ctx.areas.cityOf(d.id)?.id ?? d.id, name: d.name }));
  if (districts.length === 0) throw new UserInputError('areaId', '该地区下没有区县');
  const now = clockNow();
  const passed = await deadlinesPassed(ctx.db.manager, districts.map((d) => d.cityId), period, now);
  if ([...passed.values()].some((p) => !p)) throw new UserInputError('period', `${period} 的报送截止日未到，不能关账`);
  await mutate(ctx, async (tx) => {
    const closed = await closeDistricts(tx.em, period, districts, viewer.username ?? '', now);
    if (closed === 0) return tx.unchanged();
    await tx.audit({ action: 'month.close', entityType: 'MonthClose', entityId: `${area.id}:${period}`, areaId: area.id, after: { period, districts: closed } });
  });
  return monthCloseStatus(ctx, String(area.id), period);
}

/**
 * The job's part: a month closes by itself at the latest when the next month's report deadline has
 * passed (a month after its own), for every district not closed by an admin before.
 */
export async function autoCloseTick(em: EntityManager, now: Date): Promise<number> {
  const period = addMonths(periodOfInstant(now), -2);
  const districts = (await em.find(Area, { where: { level: AreaLevel.DISTRICT } })).map((a) => ({ id: a.id, path: a.path }));
  const cities = new Map((await em.find(Area, { where: { level: AreaLevel.CITY } })).map((c) => [c.path, c.id]));
  const withCity = districts.flatMap((d) => {
    const city = [...cities.entries()].find(([path]) => d.path.startsWith(path));
    return city ? [{ id: d.id, cityId: city[1] }] : [];
  });
  const passed = await deadlinesPassed(em, withCity.map((d) => d.cityId), addMonths(period, 1), now);
  const due = withCity.filter((d) => passed.get(d.cityId));
  if (due.length === 0) return 0;
  const closed = await em.transaction((tx) => closeDistricts(tx, period, due, 'system', now));
  if (closed > 0) await writeSystemAudit(em, 'month-close-job', { action: 'month.close', entityType: 'MonthClose', entityId: period, after: { period, districts: closed } });
  return closed;
}

async function isClosed(em: EntityManager, areaId: number, period: string): Promise<boolean> {
  return (await em.countBy(MonthClose, { areaId, period })) > 0;
}

/** The month's light and the figure a correction changes, as kept in `before` and `after`. */
async function monthImage(em: EntityManager, projectId: number, period: string, kind: CorrectionKind) {
  const light = await em.findOneBy(ProjectLight, { projectId, period });
  const base = { light: light ? { color: light.color, reasonCode: light.reasonCode, reason: light.reason } : null };
  if (kind === CorrectionKind.REPORT) {
    const r = await em.findOneBy(MonthlyReport, { projectId, period });
    return { ...base, report: r ? { actualInvestment: r.actualInvestment.toString(), progress: r.progress, version: r.version } : null };
  }
  const m = await em.findOneBy(PlanMonth, { projectId, period });
  return { ...base, plan: m ? { plannedInvestment: m.plannedInvestment.toString(), plannedMilestone: m.plannedMilestone } : null };
}

async function newCorrection(ctx: Context, project: Project, period: string, kind: CorrectionKind, reason: string, payload: unknown): Promise<LightCorrection> {
  const viewer = signedIn(ctx.viewer);
  if (!reason.trim()) throw new UserInputError('reason', '请说明更正理由');
  return mutate(ctx, async (tx) => {
    if (!(await isClosed(tx.em, project.areaId, period))) throw new UserInputError('input.period', `${period} 尚未关账，直接修改即可`);
    const row = await tx.em.save(
      tx.em.create(LightCorrection, {
        projectId: project.id,
        areaId: project.areaId,
        cityId: project.cityId,
        period,
        kind,
        status: CorrectionStatus.PENDING,
        reason: reason.trim(),
        payload: toJson(payload),
        requestedBy: viewer.displayName ?? viewer.username ?? '',
        requestedByUserId: viewer.userId,
        requestedAt: clockNow(),
        decidedBy: null,
        decidedAt: null,
        decisionReason: null,
        before: null,
        after: null,
        relit: null,
      }),
    );
    await tx.audit({ action: 'correction.request', entityType: 'LightCorrection', entityId: row.id, areaId: project.areaId, after: row });
    await noticeCorrectionPending(tx.em, row, project.name);
    return row;
  });
}

/** A late or changed report for a closed month, as a correction request (the report waits until approved). */
export async function requestReportCorrection(ctx: Context, input: ReportCorrectionInput): Promise<LightCorrection> {
  requireWriter(ctx.viewer);
  const project = await reportableProject(ctx, parseId(input.projectId, 'input.projectId'));
  const problems = validateMonthlyReport({
    period: input.period,
    actualInvestment: input.actualInvestment,
    now: periodOfInstant(clockNow()),
    constructionStart: project.constructionStart,
    constructionEnd: project.constructionEnd,
  }).map((p) => ({ field: `input.${p.field}`, reason: p.reason }));
  if (problems.length) throw UserInputError.of(problems);
  return newCorrection(ctx, project, input.period, CorrectionKind.REPORT, input.reason, { actualInvestment: input.actualInvestment.toString(), progress: input.progress });
}

/** A plan table that changes a closed month's plan, as a correction request (the plan waits until approved). */
export async function requestPlanCorrection(ctx: Context, projectIdArg: string, input: PlanTableInput, reason: string): Promise<LightCorrection> {
  requireWriter(ctx.viewer);
  const project = await editableProject(ctx, parseId(projectIdArg, 'projectId'));
  checkPlanTable(project, input);
  const changed = await closedPlanMonthsChanged(ctx.db.manager, project, input);
  if (changed.length === 0) throw new UserInputError('input.months', '这次修改不涉及已关账月份，直接保存即可');
  return newCorrection(ctx, project, changed[0].period, CorrectionKind.PLAN, reason, planPayload(input));
}

function planPayload(input: PlanTableInput) {
  return {
    years: input.years.map((y) => ({ year: y.year, plannedInvestment: y.plannedInvestment.toString(), plannedProgress: y.plannedProgress ?? '' })),
    year: input.year ?? null,
    months: input.months?.map((m) => ({ month: m.month, plannedInvestment: m.plannedInvestment.toString(), plannedMilestone: m.plannedMilestone ?? '' })) ?? null,
  };
}

function planFromPayload(payload: ReturnType<typeof planPayload>): PlanTableInput {
  return {
    years: payload.years.map((y) => ({ year: y.year, plannedInvestment: toFen(y.plannedInvestment), plannedProgress: y.plannedProgress })),
    year: payload.year,
    months: payload.months?.map((m) => ({ month: m.month, plannedInvestment: toFen(m.plannedInvestment), plannedMilestone: m.plannedMilestone })) ?? null,
  } as PlanTableInput;
}

/** Writes a corrected report (new or over the stored one) with its share of the investment summary. */
async function applyReport(em: EntityManager, project: Project, period: string, payload: { actualInvestment: string; progress: string }, reporter: { userId: number | null; name: string }, now: Date) {
  const key = await lockSummaryKey(em, project.id);
  const existing = await em.findOneBy(MonthlyReport, { projectId: project.id, period });
  const actualInvestment = toFen(payload.actualInvestment);
  if (existing) {
    await em.update(MonthlyReport, { id: existing.id }, { actualInvestment, progress: payload.progress, reporterUserId: reporter.userId, reporterName: reporter.name, updatedAt: now, version: existing.version + 1 });
    // A corrected amount no longer matches the month's split by funding source: the month counts as unsplit.
    if (actualInvestment !== existing.actualInvestment) await dropInvestmentSplit(em, existing.id);
  } else {
    await em.insert(MonthlyReport, { projectId: project.id, areaId: project.areaId, period, actualInvestment, progress: payload.progress, reporterUserId: reporter.userId, reporterName: reporter.name, submittedAt: now, updatedAt: now, version: 1 });
  }
  await addToSummary(em, [{ ...key, areaId: project.areaId, period, actual: actualInvestment - (existing?.actualInvestment ?? 0n), reports: existing ? 0 : 1 }]);
}

/**
 * Approves or rejects a correction (a city admin, not the one who asked). Approved, the change is
 * applied, the corrected month's light recomputed, and so are the later months whose run depends on
 * it (closed ones included — each change listed on the correction); the month before it is untouched.
 */
export async function decideCorrection(ctx: Context, idArg: string, approve: boolean, decisionReason: string): Promise<LightCorrection> {
  const { viewer, found } = await requestToDecide(ctx, LightCorrection, idArg, approve, decisionReason, {
    ownRequest: '更正不能由申请人自己审批',
    notCityAdmin: '关账后的更正由市级管理员审批',
  });
  const id = found.id;
  const now = clockNow();
  return mutate(ctx, async (tx) => {
    await markDecided(tx.em, LightCorrection, id, { approve, viewer, at: now, reason: decisionReason }, '这条更正已经审批过了');
    if (approve) {
      const project = await tx.em.findOneByOrFail(Project, { id: found.projectId });
      const before = await monthImage(tx.em, project.id, found.period, found.kind);
      let changes: LightChange[];
      if (found.kind === CorrectionKind.REPORT) {
        await applyReport(tx.em, project, found.period, JSON.parse(found.payload), { userId: found.requestedByUserId, name: found.requestedBy }, now);
        changes = await recomputeProjectLights(tx.em, project, found.period, now, { correcting: found.period });
      } else {
        const plan = planFromPayload(JSON.parse(found.payload));
        try {
          checkPlanTable(project, plan);
        } catch (e) {
          throw new ConflictError(`更正内容与项目现状不符，不能批准：${(e as Error).message}`);
        }
        const planBefore = await planImage(tx, project.id);
        await writePlan(tx, project.id, plan.years, plan.year ?? null, plan.months ?? null);
        changes = await recomputeProjectLights(tx.em, project, found.period, now, { correcting: found.period });
        await tx.audit({ action: 'plan.save', entityType: 'PlanTable', entityId: project.id, areaId: project.areaId, before: planBefore, after: await planImage(tx, project.id) });
      }
      const after = await monthImage(tx.em, project.id, found.period, found.kind);
      const relit: RelitMonth[] = changes.map((c) => ({ period: c.period, before: c.before, after: c.after, closed: c.closed }));
      await tx.em.update(LightCorrection, { id }, { before: toJson(before), after: toJson(after), relit: toJson(relit) });
      // A published board of the month is published again, as a new version marked with this correction.
      const republished = await republishAfterCorrection(tx.em, ctx.areas, found.areaId, found.period, id, viewer.username ?? '', now);
      for (const p of republished) {
        await tx.audit({ action: 'lightBoard.publish', entityType: 'LightBoard', entityId: `${p.areaId}:${p.period}`, areaId: p.areaId, after: { period: p.period, id: p.id, version: p.version, sha256: p.sha256, correctionId: id } });
      }
    }
    const row = await tx.em.findOneByOrFail(LightCorrection, { id });
    await tx.audit({ action: approve ? 'correction.approve' : 'correction.reject', entityType: 'LightCorrection', entityId: id, areaId: found.areaId, before: found, after: row });
    return row;
  });
}

/** The months a decided correction relit. */
export function relitMonths(correction: LightCorrection): RelitMonth[] {
  return correction.relit ? (JSON.parse(correction.relit) as RelitMonth[]) : [];
}

/**
 * Corrections in the viewer's reach, newest first: admins and analysts read those of their area,
 * a secretary those it asked for.
 */
export async function listCorrections(ctx: Context, filter: CorrectionFilter | null, page: PageArgs): Promise<Page<LightCorrection>> {
  const viewer = signedIn(ctx.viewer);
  const me = viewer.userId;
  const qb = ctx.db.getRepository(LightCorrection).createQueryBuilder('c');
  if (canReadFigures(viewer)) {
    const ids = viewer.scope.areaIds();
    if (ids) qb.andWhere('c.area_id IN (:...ids)', { ids });
  } else {
    qb.andWhere('c.requested_by_user_id = :me', { me });
  }
  if (filter?.status) qb.andWhere('c.status = :status', { status: filter.status });
  if (filter?.projectId) qb.andWhere('c.project_id = :pid', { pid: parseId(filter.projectId, 'filter.projectId') });
  if (filter?.areaId) {
    const area = queryArea(ctx, parseId(filter.areaId, 'filter.areaId'));
    qb.andWhere('c.area_id IN (:...sub)', { sub: ctx.areas.subtree(area.id).map((a) => a.id) });
  }
  return paginate(qb, [{ expression: 'c.id', property: 'id', direction: 'DESC' }], page);
}
