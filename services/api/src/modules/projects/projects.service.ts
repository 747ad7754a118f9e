import {
  gcj02ToWgs84,
  isCalendarDate,
  isPeriod,
  periodOfInstant,
  period as makePeriod,
  validateMonthlyReport,
  validatePlanTable,
  validateSiteGeometry,
  DomainError,
  type Fen,
  type Position,
  type SiteGeometry,
} from '@kpd/domain';
import { Brackets, In, type EntityManager } from 'typeorm';
import { Role } from '../../core/auth/user.entity';
import { isSignedIn } from '../../core/auth/viewer';
import { ConflictError, ForbiddenError, UserInputError, type FieldProblem } from '../../core/errors';
import { attachFiles, detachFiles, FilePurpose } from '../../core/files';
import { parseId } from '../../core/ids';
import { paginate, type Page, type PageArgs, type SortKey } from '../../core/pagination';
import { mutate, type Tx } from '../../core/transaction';
import type { Context } from '../../core/context';
import { AreaLevel } from '../../core/areas/area.entity';
import { queryArea } from '../../core/areas/areas.service';
import type { CreateProjectInput, LocationInput, MilestoneInput, MonthlyReportInput, PlanTableInput, ProjectFilter, UpdateProjectInput } from './projects.inputs';
import { ProjectOrder } from './projects.inputs';
import { addToSummary, lockedPlanMonths, lockSummaryKey, moveProjectSummary, planDeltas } from './investment-summary';
import { recomputeProjectLights } from './lights.service';
import { MonthlyReport, PlanMonth, PlanYear, ProjectMilestone } from './plan.entity';
import { Project, ProjectStage, ProjectStageChange } from './project.entity';
import { editableProject, readableProject, reportableProject, scopedProjects } from './projects.scope';

export const REPORT_PHOTO = 'project-report';
export const RENDERING = 'project-rendering';

/** A unique key refused the row (MySQL/MariaDB or SQLite). */
export function isDuplicateKey(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string }; message?: string };
  const code = e?.driverError?.code ?? e?.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed|Duplicate entry/.test(e?.message ?? '');
}

const ORDER_KEYS: Record<ProjectOrder, SortKey[]> = {
  [ProjectOrder.NAME]: [
    { expression: 'p.name', property: 'name', direction: 'ASC' },
    { expression: 'p.id', property: 'id', direction: 'ASC' },
  ],
  [ProjectOrder.CODE]: [{ expression: 'p.code', property: 'code', direction: 'ASC' }, { expression: 'p.id', property: 'id', direction: 'ASC' }],
  [ProjectOrder.TOTAL_INVESTMENT_DESC]: [
    { expression: 'p.totalInvestment', property: 'totalInvestment', direction: 'DESC' },
    { expression: 'p.id', property: 'id', direction: 'DESC' },
  ],
  [ProjectOrder.UPDATED_DESC]: [
    { expression: 'p.updatedAt', property: 'updatedAt', direction: 'DESC' },
    { expression: 'p.id', property: 'id', direction: 'DESC' },
  ],
};

/** SQL condition: the project is a member of its city's key-project library. */
export const LIBRARY_MEMBER_SQL =
  "(p.stage <> 'REMOVED' AND p.removed_from_library = :__no AND p.total_investment >= (SELECT cs.library_threshold FROM city_settings cs WHERE cs.city_id = p.city_id))";

function escapeLike(s: string): string {
  return s.replace(/[!%_]/g, (c) => `!${c}`);
}

/** The projects list: scoped, filtered, ordered and paged. */
export async function listProjects(ctx: Context, filter: ProjectFilter | null, order: ProjectOrder, page: PageArgs): Promise<Page<Project>> {
  const qb = scopedProjects(ctx);
  const f = filter ?? {};
  for (const [key, level] of [
    ['areaId', null],
    ['districtId', AreaLevel.DISTRICT],
  ] as const) {
    const raw = f[key];
    if (raw === null || raw === undefined) continue;
    const area = queryArea(ctx, parseId(raw, `filter.${key}`));
    if (level && area.level !== level) throw new UserInputError(`filter.${key}`, 'is not a district');
    const ids = ctx.areas.subtree(area.id).map((a) => a.id);
    qb.andWhere(`p.areaId IN (:...${key}Ids)`, { [`${key}Ids`]: ids });
  }
  if (f.categories?.length) qb.andWhere('p.category IN (:...categories)', { categories: f.categories });
  if (f.stages?.length) qb.andWhere('p.stage IN (:...stages)', { stages: f.stages });
  if (f.libraryMember !== null && f.libraryMember !== undefined) {
    qb.andWhere(f.libraryMember ? LIBRARY_MEMBER_SQL : `NOT ${LIBRARY_MEMBER_SQL}`, { __no: false });
  }
  if (f.lightColor || f.lightPeriod) {
    if (!f.lightColor) throw new UserInputError('filter.lightColor', 'is needed with lightPeriod');
    if (!f.lightPeriod) throw new UserInputError('filter.lightPeriod', 'is needed with lightColor (which month?)');
    qb.andWhere('EXISTS (SELECT 1 FROM project_lights lf WHERE lf.project_id = p.id AND lf.period = :lightPeriod AND lf.color = :lightColor)', {
      lightPeriod: f.lightPeriod,
      lightColor: f.lightColor,
    });
  }
  const search = f.search?.trim();
  if (search) {
    qb.andWhere(
      new Brackets((b) => b.where("p.name LIKE :q ESCAPE '!'", { q: `%${escapeLike(search)}%` }).orWhere("p.enterprise LIKE :q ESCAPE '!'")),
    );
  }
  return paginate(qb, ORDER_KEYS[order], page);
}

function requireWriter(ctx: Context): void {
  if (!isSignedIn(ctx.viewer)) throw new ForbiddenError();
  if (ctx.viewer.readOnly) throw new ForbiddenError('This credential is read-only');
}

function periodProblems(start: string | null | undefined, end: string | null | undefined, at = 'input'): FieldProblem[] {
  if (start && end && start > end) return [{ field: `${at}.constructionEnd`, reason: `建设周期结束月份 ${end} 早于开始月份 ${start}` }];
  return [];
}

export async function createProject(ctx: Context, input: CreateProjectInput): Promise<Project> {
  requireWriter(ctx);
  if (ctx.viewer.role !== Role.ADMIN) throw new ForbiddenError('Only admins enter projects');
  const district = queryArea(ctx, parseId(input.districtId, 'input.districtId'));
  if (district.level !== AreaLevel.DISTRICT) throw new UserInputError('input.districtId', '项目须登记在区县 (must be a district)');
  const city = ctx.areas.cityOf(district.id)!;
  const problems: FieldProblem[] = periodProblems(input.constructionStart, input.constructionEnd);
  if (input.totalInvestment <= 0n) problems.push({ field: 'input.totalInvestment', reason: '总投资必须大于0' });
  if (!/^[A-Za-z0-9-]+$/.test(input.code)) problems.push({ field: 'input.code', reason: '项目编码只能含字母、数字和连字符' });
  if (input.stage === ProjectStage.REMOVED) problems.push({ field: 'input.stage', reason: '新项目不能是已剔除阶段' });
  if (problems.length) throw UserInputError.of(problems);
  try {
    return await mutate(ctx, async (tx) => {
      const project = await tx.em.save(
        tx.em.create(Project, {
          areaId: district.id,
          cityId: city.id,
          code: input.code.trim(),
          name: input.name.trim(),
          category: input.category,
          stage: input.stage,
          totalInvestment: input.totalInvestment,
          constructionStart: input.constructionStart,
          constructionEnd: input.constructionEnd,
          enterprise: input.enterprise.trim(),
          responsibleLeader: input.responsibleLeader.trim(),
          responsibleUnit: input.responsibleUnit.trim(),
          keyPush: input.keyPush,
          majorGovernmentInvestment: input.majorGovernmentInvestment,
          removedFromLibrary: false,
          locationGeoJson: null,
          version: 1,
        }),
      );
      await tx.em.insert(ProjectStageChange, {
        projectId: project.id,
        fromStage: null,
        toStage: project.stage,
        reason: '项目录入',
        changedBy: ctx.viewer.username,
        changedAt: new Date(),
      });
      await tx.audit({ action: 'project.create', entityType: 'Project', entityId: project.id, areaId: project.areaId, after: project });
      return project;
    });
  } catch (e) {
    if (isDuplicateKey(e)) throw new UserInputError('input.code', `项目编码 ${input.code} 已存在 (code already used)`);
    throw e;
  }
}

export async function updateProject(ctx: Context, id: number, input: UpdateProjectInput): Promise<Project> {
  requireWriter(ctx);
  await editableProject(ctx, id);
  const problems: FieldProblem[] = [];
  if (input.totalInvestment !== null && input.totalInvestment !== undefined && input.totalInvestment <= 0n) {
    problems.push({ field: 'input.totalInvestment', reason: '总投资必须大于0' });
  }
  if (input.stage && !input.stageReason?.trim()) problems.push({ field: 'input.stageReason', reason: '变更阶段须说明原因' });
  if (problems.length) throw UserInputError.of(problems);
  return mutate(ctx, async (tx) => {
    const summaryKey = await lockSummaryKey(tx.em, id);
    const project = await tx.em.findOneByOrFail(Project, { id });
    if (project.version !== input.version) {
      throw new ConflictError(`项目已被他人修改（当前版本 ${project.version}，你提交的是 ${input.version}），请刷新后再改`, { currentVersion: project.version });
    }
    const before = { ...project };
    const start = input.constructionStart ?? project.constructionStart;
    const end = input.constructionEnd ?? project.constructionEnd;
    const pp = periodProblems(start, end);
    if (pp.length) throw UserInputError.of(pp);
    Object.assign(project, {
      name: input.name?.trim() ?? project.name,
      category: input.category ?? project.category,
      totalInvestment: input.totalInvestment ?? project.totalInvestment,
      constructionStart: start,
      constructionEnd: end,
      enterprise: input.enterprise?.trim() ?? project.enterprise,
      responsibleLeader: input.responsibleLeader?.trim() ?? project.responsibleLeader,
      responsibleUnit: input.responsibleUnit?.trim() ?? project.responsibleUnit,
      keyPush: input.keyPush ?? project.keyPush,
      majorGovernmentInvestment: input.majorGovernmentInvestment ?? project.majorGovernmentInvestment,
    });
    if (input.stage && input.stage !== project.stage) {
      await tx.em.insert(ProjectStageChange, {
        projectId: id,
        fromStage: project.stage,
        toStage: input.stage,
        reason: input.stageReason!.trim(),
        changedBy: ctx.viewer.username,
        changedAt: new Date(),
      });
      project.stage = input.stage;
    }
    const result = await tx.em
      .createQueryBuilder()
      .update(Project)
      .set({
        name: project.name,
        category: project.category,
        stage: project.stage,
        totalInvestment: project.totalInvestment,
        constructionStart: project.constructionStart,
        constructionEnd: project.constructionEnd,
        enterprise: project.enterprise,
        responsibleLeader: project.responsibleLeader,
        responsibleUnit: project.responsibleUnit,
        keyPush: project.keyPush,
        majorGovernmentInvestment: project.majorGovernmentInvestment,
        version: project.version + 1,
        updatedAt: new Date(),
      })
      .where('id = :id AND version = :v', { id, v: input.version })
      .execute();
    if (result.affected === 0) throw new ConflictError('项目已被他人修改，请刷新后再改');
    await moveProjectSummary(tx.em, id, summaryKey, { areaId: project.areaId, category: project.category, stage: project.stage });
    const after = await tx.em.findOneByOrFail(Project, { id });
    await tx.audit({ action: 'project.update', entityType: 'Project', entityId: id, areaId: project.areaId, before, after });
    return after;
  });
}

/** Saves the plan table (years, and one year by month); every problem is named at once. */
export async function savePlanTable(ctx: Context, projectId: number, input: PlanTableInput): Promise<Project> {
  requireWriter(ctx);
  const project = await editableProject(ctx, projectId);
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
        field: `input.${p.field.replace(/^currentYear/, 'year').replace(/^totalInvestment/, 'years')}`,
        reason: p.reason,
      })),
    );
  }
  return mutate(ctx, async (tx) => {
    const before = await planImage(tx, projectId);
    await writePlan(tx, projectId, input.years, input.year ?? null, input.months ?? null);
    const firstYear = Math.min(...input.years.map((y) => y.year));
    const from = input.months && input.year ? makePeriod(input.year, 1) : makePeriod(firstYear, 1);
    await recomputeProjectLights(tx.em, project, from < project.constructionStart ? project.constructionStart : from, new Date());
    await tx.audit({ action: 'plan.save', entityType: 'PlanTable', entityId: projectId, areaId: project.areaId, before, after: await planImage(tx, projectId) });
    return project;
  });
}

async function planImage(tx: Tx, projectId: number) {
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
  requireWriter(ctx);
  const projectId = parseId(input.projectId, 'input.projectId');
  const project = await reportableProject(ctx, projectId);
  const now = new Date();
  const problems = validateMonthlyReport({
    period: input.period,
    actualInvestment: input.actualInvestment,
    now: periodOfInstant(now),
    constructionStart: project.constructionStart,
    constructionEnd: project.constructionEnd,
  }).map((p) => ({ field: `input.${p.field}`, reason: p.reason }));
  if (problems.length) throw UserInputError.of(problems);
  try {
    return await mutate(ctx, async (tx) => {
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
      if (input.photoIds) {
        await detachFiles(tx, REPORT_PHOTO, report.id, input.photoIds);
        await attachFiles(ctx, tx, input.photoIds, { ownerType: REPORT_PHOTO, ownerId: report.id, areaId: project.areaId, purpose: FilePurpose.PHOTO }, 'input.photoIds');
      }
      await recomputeProjectLights(tx.em, project, input.period, now);
      await tx.audit({ action: existing ? 'report.update' : 'report.create', entityType: 'MonthlyReport', entityId: report.id, areaId: project.areaId, before: existing, after: report });
      return report;
    });
  } catch (e) {
    if (isDuplicateKey(e)) throw new ConflictError(`${input.period} 的报告刚被他人提交，请刷新后在其基础上修改`, { currentVersion: 1 });
    throw e;
  }
}

/** Reads a GeoJSON text into a validated WGS84 site, converting from GCJ-02 when asked. */
export function parseSite(geoJson: string, gcj02: boolean, field = 'input.geoJson'): SiteGeometry {
  let value: unknown;
  try {
    value = JSON.parse(geoJson);
  } catch {
    throw new UserInputError(field, '不是有效的 GeoJSON 文本 (not JSON)');
  }
  let site: SiteGeometry;
  try {
    site = validateSiteGeometry(value, field);
  } catch (e) {
    if (e instanceof DomainError) throw new UserInputError(e.field, e.reason);
    throw e;
  }
  if (!gcj02) return site;
  const conv = (p: Position): Position => gcj02ToWgs84([p[0], p[1]]);
  return site.type === 'Polygon'
    ? { type: 'Polygon', coordinates: site.coordinates.map((r) => r.map(conv)) }
    : { type: 'MultiPolygon', coordinates: site.coordinates.map((poly) => poly.map((r) => r.map(conv))) };
}

export async function setProjectLocation(ctx: Context, id: number, input: LocationInput): Promise<Project> {
  requireWriter(ctx);
  const project = await editableProject(ctx, id);
  const site = parseSite(input.geoJson, input.gcj02);
  return mutate(ctx, async (tx) => {
    const before = { location: project.locationGeoJson, east: project.boundaryEast, west: project.boundaryWest, south: project.boundarySouth, north: project.boundaryNorth };
    const values = {
      locationGeoJson: JSON.stringify(site),
      boundaryEast: input.east.trim(),
      boundaryWest: input.west.trim(),
      boundarySouth: input.south.trim(),
      boundaryNorth: input.north.trim(),
    };
    await tx.em.update(Project, { id }, values);
    await tx.audit({ action: 'project.location', entityType: 'Project', entityId: id, areaId: project.areaId, before, after: values });
    return Object.assign(project, values);
  });
}

/** Replaces the project's renderings (效果图) with these uploaded pictures. */
export async function setProjectRenderings(ctx: Context, id: number, fileIds: string[]): Promise<Project> {
  requireWriter(ctx);
  const project = await editableProject(ctx, id);
  return mutate(ctx, async (tx) => {
    await detachFiles(tx, RENDERING, id, fileIds);
    await attachFiles(ctx, tx, fileIds, { ownerType: RENDERING, ownerId: id, areaId: project.areaId, purpose: FilePurpose.PHOTO }, 'fileIds');
    await tx.audit({ action: 'project.renderings', entityType: 'Project', entityId: id, areaId: project.areaId, after: { fileIds } });
    return project;
  });
}

/** Replaces the project's milestones (节点) and relights its months (milestone rule). */
export async function saveMilestones(ctx: Context, id: number, milestones: MilestoneInput[]): Promise<Project> {
  requireWriter(ctx);
  const project = await reportableProject(ctx, id);
  const problems: FieldProblem[] = [];
  milestones.forEach((m, i) => {
    const at = `milestones[${i}]`;
    if (!isCalendarDate(m.dueDate)) problems.push({ field: `${at}.dueDate`, reason: '日期应写作 YYYY-MM-DD' });
    if (m.startDate && !isCalendarDate(m.startDate)) problems.push({ field: `${at}.startDate`, reason: '日期应写作 YYYY-MM-DD' });
    if (m.metDate && !isCalendarDate(m.metDate)) problems.push({ field: `${at}.metDate`, reason: '日期应写作 YYYY-MM-DD' });
    if (m.startDate && isCalendarDate(m.startDate) && isCalendarDate(m.dueDate) && m.startDate > m.dueDate) {
      problems.push({ field: `${at}.startDate`, reason: '开始日期不能晚于计划完成日期' });
    }
    if (m.metDate && m.progress !== 100) problems.push({ field: `${at}.progress`, reason: '已完成的节点进度应为100%' });
  });
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
    const earliest = [...milestones.map((m) => m.dueDate.slice(0, 7)), ...before.map((m) => m.dueDate.slice(0, 7))].filter(isPeriod).sort()[0];
    const current = periodOfInstant(new Date());
    await recomputeProjectLights(tx.em, project, earliest && earliest < current ? earliest : current, new Date());
    await tx.audit({ action: 'milestones.save', entityType: 'Project', entityId: id, areaId: project.areaId, before, after: milestones });
    return project;
  });
}

export async function projectById(ctx: Context, id: string): Promise<Project> {
  return readableProject(ctx, parseId(id, 'id'));
}
