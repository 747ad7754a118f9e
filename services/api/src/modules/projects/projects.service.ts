import { DomainError, libraryMembership, requireProjectCode, shanghaiDate } from '@kpd/domain';
import { Brackets } from 'typeorm';
import { canActAsAdmin, requireThat, requireWriter } from '../../core/auth/policy';
import { ConflictError, UserInputError, type FieldProblem } from '../../core/errors';
import { parseId } from '../../core/ids';
import { paginate, type Page, type PageArgs, type SortKey } from '../../core/pagination';
import { mutate } from '../../core/transaction';
import { loader, type Context } from '../../core/context';
import { AreaLevel } from '../../core/areas/area.entity';
import { citySettingsLoader } from '../../core/areas/areas.loaders';
import { queryArea } from '../../core/areas/areas.service';
import type { CreateProjectInput, ProjectFilter, UpdateProjectInput } from './projects.inputs';
import { ProjectOrder } from './projects.inputs';
import { lockSummaryKey, moveProjectSummary } from './investment-summary';
import { asDomainStage, Project, ProjectStage, ProjectStageChange } from './project.entity';
import { editableProject, readableProject, scopedProjects } from './projects.scope';
import { now as clockNow } from '../../core/clock';

// The project ledger: list, enter, change; library membership.

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
  // The code is unique: ordered by it alone, a page is a range read of its index (with the id as a
  // second key MySQL scans and sorts every project in scope).
  [ProjectOrder.CODE]: [{ expression: 'p.code', property: 'code', direction: 'ASC' }],
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

function periodProblems(start: string | null | undefined, end: string | null | undefined, at = 'input'): FieldProblem[] {
  if (start && end && start > end) return [{ field: `${at}.constructionEnd`, reason: `建设周期结束月份 ${end} 早于开始月份 ${start}` }];
  return [];
}

/**
 * The national project code of an input: null for none ('' clears it), else checked by the domain
 * rule (its year up to this year) and refused when another project already carries it.
 */
async function nationalCodeOf(ctx: Context, value: string | null | undefined, projectId: number | null): Promise<string | null | undefined> {
  if (value === undefined || value === null) return value;
  if (!value.trim()) return null;
  let code: string;
  try {
    code = requireProjectCode(value, 'input.nationalCode', Number(shanghaiDate(clockNow()).slice(0, 4)));
  } catch (e) {
    if (e instanceof DomainError) throw new UserInputError(e.field, e.reason);
    throw e;
  }
  const other = await ctx.db.getRepository(Project).findOne({ where: { nationalCode: code }, select: { id: true } });
  if (other && other.id !== projectId) throw new UserInputError('input.nationalCode', `项目代码 ${code} 已登记在另一个项目上`);
  return code;
}

export async function createProject(ctx: Context, input: CreateProjectInput): Promise<Project> {
  requireWriter(ctx.viewer);
  requireThat(ctx.viewer, canActAsAdmin(ctx.viewer), 'Only admins enter projects');
  const district = queryArea(ctx, parseId(input.districtId, 'input.districtId'));
  if (district.level !== AreaLevel.DISTRICT) throw new UserInputError('input.districtId', '项目须登记在区县 (must be a district)');
  const city = ctx.areas.cityOf(district.id)!;
  const problems: FieldProblem[] = periodProblems(input.constructionStart, input.constructionEnd);
  if (input.totalInvestment <= 0n) problems.push({ field: 'input.totalInvestment', reason: '总投资必须大于0' });
  if (!/^[A-Za-z0-9-]+$/.test(input.code)) problems.push({ field: 'input.code', reason: '项目编码只能含字母、数字和连字符' });
  if (input.stage === ProjectStage.REMOVED) problems.push({ field: 'input.stage', reason: '新项目不能是已剔除阶段' });
  if (problems.length) throw UserInputError.of(problems);
  const nationalCode = (await nationalCodeOf(ctx, input.nationalCode, null)) ?? null;
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
          nationalCode,
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
        changedAt: clockNow(),
      });
      await tx.audit({ action: 'project.create', entityType: 'Project', entityId: project.id, areaId: project.areaId, after: project });
      return project;
    });
  } catch (e) {
    // Two entries at once with the same national code: the unique index refuses the second.
    if (isDuplicateKey(e) && nationalCode && (await ctx.db.getRepository(Project).count({ where: { nationalCode } }))) {
      throw new UserInputError('input.nationalCode', `项目代码 ${nationalCode} 已登记在另一个项目上`);
    }
    if (isDuplicateKey(e)) throw new UserInputError('input.code', `项目编码 ${input.code} 已存在 (code already used)`);
    throw e;
  }
}

export async function updateProject(ctx: Context, id: number, input: UpdateProjectInput): Promise<Project> {
  requireWriter(ctx.viewer);
  await editableProject(ctx, id);
  const problems: FieldProblem[] = [];
  if (input.totalInvestment !== null && input.totalInvestment !== undefined && input.totalInvestment <= 0n) {
    problems.push({ field: 'input.totalInvestment', reason: '总投资必须大于0' });
  }
  if (input.stage && !input.stageReason?.trim()) problems.push({ field: 'input.stageReason', reason: '变更阶段须说明原因' });
  if (problems.length) throw UserInputError.of(problems);
  const nationalCode = await nationalCodeOf(ctx, input.nationalCode, id);
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
      nationalCode: nationalCode === undefined ? project.nationalCode : nationalCode,
    });
    if (input.stage && input.stage !== project.stage) {
      await tx.em.insert(ProjectStageChange, {
        projectId: id,
        fromStage: project.stage,
        toStage: input.stage,
        reason: input.stageReason!.trim(),
        changedBy: ctx.viewer.username,
        changedAt: clockNow(),
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
        nationalCode: project.nationalCode,
        version: project.version + 1,
        updatedAt: clockNow(),
      })
      .where('id = :id AND version = :v', { id, v: input.version })
      .execute();
    if (result.affected === 0) throw new ConflictError('项目已被他人修改，请刷新后再改');
    await moveProjectSummary(tx.em, id, summaryKey, { areaId: project.areaId, category: project.category, stage: project.stage });
    const after = await tx.em.findOneByOrFail(Project, { id });
    await tx.audit({ action: 'project.update', entityType: 'Project', entityId: id, areaId: project.areaId, before, after });
    return after;
  }).catch((e: unknown) => {
    // Two projects given the same national code at once: the unique index refuses the second.
    if (isDuplicateKey(e) && nationalCode) throw new UserInputError('input.nationalCode', `项目代码 ${nationalCode} 已登记在另一个项目上`);
    throw e;
  });
}

export async function projectById(ctx: Context, id: string): Promise<Project> {
  return readableProject(ctx, parseId(id, 'id'));
}

/** Whether the project is in its city's key-project library by the city's threshold, and why. */
export async function libraryMembershipOf(ctx: Context, p: Project): Promise<{ member: boolean; reason: string }> {
  const settings = await loader(ctx, citySettingsLoader).load(p.cityId);
  if (!settings) return { member: false, reason: '所在城市未设置入库门槛' };
  const m = libraryMembership({ totalInvestment: p.totalInvestment, stage: asDomainStage(p.stage), removedFromLibrary: p.removedFromLibrary }, settings.libraryThreshold);
  return { member: m.member, reason: m.reason };
}
