import { checkFundingLines, DomainError, DomainValidationError, investmentSplitProblems, yearOf, type Fen } from '@kpd/domain';
import DataLoader from 'dataloader';
import { In, type EntityManager } from 'typeorm';
import { canChangeCitySettings, requireThat, requireWriter } from '../../core/auth/policy';
import { AreaLevel, type Area } from '../../core/areas/area.entity';
import { queryArea } from '../../core/areas/areas.service';
import { fen, toInt } from '../../core/columns';
import { loader, type Context } from '../../core/context';
import { ConflictError, NotFoundError, UserInputError, type FieldProblem } from '../../core/errors';
import { parseId, parseOptionalId } from '../../core/ids';
import { mutate } from '../../core/transaction';
import { FundingSource, ProjectFunding, ReportFundingPart } from './funding.entity';
import type { FundingLineInput, FundingSourceInput } from './funding.inputs';
import type { FundingStats, ProjectFundingYear, ReportInvestmentPart } from './funding.types';
import { MonthlyReport, PlanYear } from './plan.entity';
import type { InvestmentPartInput } from './projects.inputs';
import type { Project } from './project.entity';
import { editableProject, restrictToScope } from './projects.scope';

// Funding by source (资金来源): the city's code list, each project's lines per year, and the area's
// figures grouped by source, summed by the database.

function cityOf(ctx: Context, area: Area, field: string): Area {
  const city = area.level === AreaLevel.CITY ? area : ctx.areas.cityOf(area.id);
  if (!city) throw new UserInputError(field, '请选择一个城市或其下的区县：资金来源目录由城市维护');
  return city;
}

function sourcesOfCity(ctx: Context, cityId: number): Promise<FundingSource[]> {
  return ctx.db.getRepository(FundingSource).find({ where: { cityId }, order: { sortOrder: 'ASC', id: 'ASC' } });
}

/** The funding sources of the city of an area in scope (default: the viewer's own). */
export async function fundingSources(ctx: Context, areaIdArg: string | null): Promise<FundingSource[]> {
  const area = queryArea(ctx, parseOptionalId(areaIdArg, 'areaId'));
  return sourcesOfCity(ctx, cityOf(ctx, area, 'areaId').id);
}

/** Adds or changes a source of a city's code list: an admin of the city or the province. */
export async function saveFundingSource(ctx: Context, cityIdArg: string, input: FundingSourceInput): Promise<FundingSource> {
  requireWriter(ctx.viewer);
  const cityId = parseId(cityIdArg, 'cityId');
  const city = ctx.areas.get(cityId);
  if (!city || city.level !== AreaLevel.CITY) throw new NotFoundError('City', cityId);
  requireThat(ctx.viewer, canChangeCitySettings(ctx.viewer, cityId), 'Only an admin of the city or the province changes its funding sources');
  const id = parseOptionalId(input.id, 'input.id');
  const code = input.code.trim();
  const name = input.name.trim();
  const problems = [];
  if (!/^[A-Z][A-Z0-9_]{0,31}$/.test(code)) problems.push({ field: 'input.code', reason: '代码应为大写字母、数字或下划线，以字母开头' });
  if (!name) problems.push({ field: 'input.name', reason: '名称不能为空' });
  if (problems.length) throw UserInputError.of(problems);
  return mutate(ctx, async (tx) => {
    const all = await tx.em.getRepository(FundingSource).find({ where: { cityId } });
    const before = id === null ? null : all.find((s) => s.id === id);
    if (before === undefined) throw new NotFoundError('FundingSource', id!);
    if (all.some((s) => s.code === code && s.id !== id)) throw new UserInputError('input.code', `代码「${code}」已存在`);
    if (all.some((s) => s.name === name && s.id !== id)) throw new UserInputError('input.name', `名称「${name}」已存在`);
    const values = { code, name, specialBond: input.specialBond, sortOrder: input.sortOrder ?? before?.sortOrder ?? (all.length ? Math.max(...all.map((s) => s.sortOrder)) + 10 : 10) };
    let saved: FundingSource;
    if (before) {
      if (before.version !== input.version) throw new ConflictError(`资金来源已被他人修改（当前版本 ${before.version}），请刷新后再改`, { currentVersion: before.version });
      if (before.specialBond && !values.specialBond) {
        const used = await tx.em.getRepository(ProjectFunding).count({ where: { sourceId: before.id } });
        if (used) throw new UserInputError('input.specialBond', `已有 ${used} 个项目按专项债填报此来源，不能改为非专项债`);
      }
      const result = await tx.em.createQueryBuilder().update(FundingSource).set({ ...values, version: before.version + 1 }).where('id = :id AND version = :v', { id: before.id, v: before.version }).execute();
      if (result.affected === 0) throw new ConflictError('资金来源刚被他人修改，请刷新后再改', { currentVersion: before.version + 1 });
      saved = { ...before, ...values, version: before.version + 1 };
    } else {
      saved = await tx.em.save(tx.em.create(FundingSource, { ...values, cityId, version: 1 }));
    }
    await tx.audit({ action: before ? 'funding-source.update' : 'funding-source.create', entityType: 'FundingSource', entityId: saved.id, areaId: cityId, before, after: saved });
    return saved;
  });
}

/** The request's loader of a project's funding lines (every year), for projects already read. */
export function fundingByProject(ctx: Context): DataLoader<number, ProjectFunding[]> {
  return new DataLoader<number, ProjectFunding[]>(async (ids) => {
    const rows = await ctx.db.getRepository(ProjectFunding).find({ where: { projectId: In([...ids]) }, order: { year: 'ASC', sourceId: 'ASC' } });
    return ids.map((id) => rows.filter((r) => r.projectId === id));
  });
}

/** The request's loader of funding sources by id. */
export function sourceById(ctx: Context): DataLoader<number, FundingSource | null> {
  return new DataLoader<number, FundingSource | null>(async (ids) => {
    const rows = await ctx.db.getRepository(FundingSource).find({ where: { id: In([...ids]) } });
    return ids.map((id) => rows.find((r) => r.id === id) ?? null);
  });
}

export async function sourceOf(ctx: Context, line: ProjectFunding): Promise<FundingSource> {
  const source = await loader(ctx, sourceById).load(line.sourceId);
  if (!source) throw new NotFoundError('FundingSource', line.sourceId);
  return source;
}

const sum = (values: Fen[]) => values.reduce((a, b) => a + b, 0n);

function yearOfLines(year: number, lines: ProjectFunding[], planYear: Fen | null): ProjectFundingYear {
  return { year, lines, planned: sum(lines.map((l) => l.planned)), received: sum(lines.map((l) => l.received)), planYear };
}

/** A project's funding by source for each year it has lines, or for one year. */
export async function projectFunding(ctx: Context, project: Project, year: number | null): Promise<ProjectFundingYear[]> {
  const lines = await loader(ctx, fundingByProject).load(project.id);
  const years = year !== null ? [year] : [...new Set(lines.map((l) => l.year))];
  const plans = await ctx.db.getRepository(PlanYear).find({ where: { projectId: project.id } });
  return years.map((y) => yearOfLines(y, lines.filter((l) => l.year === y), plans.find((p) => p.year === y)?.plannedInvestment ?? null));
}

/**
 * Replaces a project's funding lines of a year (an admin of its area). Checked with the funding rule
 * (each source once, no negative amount, bond batch on special bonds, spent ≤ issued ≤ planned),
 * the year inside the construction period, the sources from the project's city.
 */
export async function saveProjectFunding(ctx: Context, projectIdArg: string, year: number, lines: FundingLineInput[]): Promise<ProjectFundingYear> {
  requireWriter(ctx.viewer);
  const project = await editableProject(ctx, parseId(projectIdArg, 'projectId'));
  if (year < yearOf(project.constructionStart) - 3 || year > yearOf(project.constructionEnd)) {
    throw new UserInputError('year', `年度应在项目建设期内（${yearOf(project.constructionStart)}–${yearOf(project.constructionEnd)}年，前期可提前三年）`);
  }
  const sources = await sourcesOfCity(ctx, project.cityId);
  const problems: { field: string; reason: string }[] = [];
  const resolved = lines.map((l, i) => {
    const id = Number(l.sourceId);
    const source = sources.find((s) => s.id === id);
    if (!source) problems.push({ field: `lines[${i}].sourceId`, reason: '资金来源不在本市目录中' });
    return { line: l, source };
  });
  if (problems.length) throw UserInputError.of(problems);
  try {
    checkFundingLines(
      resolved.map(({ line, source }) => ({
        sourceCode: source!.code,
        planned: line.planned,
        received: line.received,
        bondBatch: line.bondBatch?.trim() || null,
        bondIssued: line.bondIssued ?? null,
        bondSpent: line.bondSpent ?? null,
      })),
      (code) => sources.some((s) => s.code === code && s.specialBond),
    );
  } catch (e) {
    if (e instanceof DomainValidationError) throw UserInputError.of(e.problems.map((p) => ({ ...p })));
    if (e instanceof DomainError) throw new UserInputError(e.field, e.reason);
    throw e;
  }
  return mutate(ctx, async (tx) => {
    const repo = tx.em.getRepository(ProjectFunding);
    const before = await repo.find({ where: { projectId: project.id, year } });
    await repo.delete({ projectId: project.id, year });
    const rows = resolved.map(({ line, source }) =>
      repo.create({
        projectId: project.id,
        areaId: project.areaId,
        cityId: project.cityId,
        year,
        sourceId: source!.id,
        planned: line.planned,
        received: line.received,
        bondBatch: source!.specialBond ? line.bondBatch!.trim() : null,
        bondIssued: source!.specialBond ? (line.bondIssued ?? 0n) : null,
        bondSpent: source!.specialBond ? (line.bondSpent ?? 0n) : null,
      }),
    );
    const saved = rows.length ? await repo.save(rows) : [];
    await tx.audit({ action: 'project-funding.save', entityType: 'Project', entityId: project.id, areaId: project.areaId, before: { year, lines: before }, after: { year, lines: saved } });
    const plan = await tx.em.getRepository(PlanYear).findOne({ where: { projectId: project.id, year } });
    return yearOfLines(year, saved, plan?.plannedInvestment ?? null);
  });
}

/** An area's investment in a year grouped by funding source, summed by the database; every source of the city listed. */
export async function fundingStats(ctx: Context, areaIdArg: string | null, year: number): Promise<FundingStats> {
  const area = queryArea(ctx, parseOptionalId(areaIdArg, 'areaId'));
  const city = cityOf(ctx, area, 'areaId');
  const areaIds = ctx.areas.subtree(area.id).map((a) => a.id);
  const qb = ctx.db.getRepository(ProjectFunding).createQueryBuilder('f').innerJoin('projects', 'p', 'p.id = f.project_id')
    .select('f.source_id', 'sourceId')
    .addSelect('COUNT(DISTINCT f.project_id)', 'projects')
    .addSelect('SUM(f.planned)', 'planned')
    .addSelect('SUM(f.received)', 'received')
    .addSelect('SUM(f.bond_issued)', 'issued')
    .addSelect('SUM(f.bond_spent)', 'spent')
    .where('f.area_id IN (:...fAreas) AND f.year = :fYear', { fAreas: areaIds, fYear: year })
    .groupBy('f.source_id');
  // The year's actual investment: by source from the reports' splits, and the months reported without one.
  const months = { first: `${year}-01`, last: `${year}-12` };
  const split = ctx.db.getRepository(ReportFundingPart).createQueryBuilder('s').innerJoin('projects', 'p', 'p.id = s.project_id')
    .select('s.source_id', 'sourceId')
    .addSelect('SUM(s.amount)', 'actual')
    .where('s.area_id IN (:...sAreas) AND s.period >= :first AND s.period <= :last', { sAreas: areaIds, ...months })
    .groupBy('s.source_id');
  const reported = ctx.db.getRepository(MonthlyReport).createQueryBuilder('r').innerJoin('projects', 'p', 'p.id = r.project_id')
    .select('SUM(r.actual_investment)', 'actual')
    .addSelect('SUM(CASE WHEN EXISTS (SELECT 1 FROM monthly_report_sources x WHERE x.report_id = r.id) THEN 0 ELSE r.actual_investment END)', 'unsplit')
    .where('r.area_id IN (:...rAreas) AND r.period >= :first AND r.period <= :last', { rAreas: areaIds, ...months });
  const [rows, sources, splitRows, totals] = await Promise.all([
    restrictToScope(ctx, qb, 'p').getRawMany<Record<string, unknown>>(),
    sourcesOfCity(ctx, city.id),
    restrictToScope(ctx, split, 'p').getRawMany<Record<string, unknown>>(),
    restrictToScope(ctx, reported, 'p').getRawOne<Record<string, unknown>>(),
  ]);
  const bySource = new Map(rows.map((r) => [toInt(r.sourceId), r]));
  const actualOf = new Map(splitRows.map((r) => [toInt(r.sourceId), fen(r.actual)]));
  const out = sources.map((source) => {
    const r = bySource.get(source.id);
    return {
      source,
      projects: r ? toInt(r.projects) : 0,
      planned: r ? fen(r.planned) : null,
      received: r ? fen(r.received) : null,
      bondIssued: r && source.specialBond ? fen(r.issued) : null,
      bondSpent: r && source.specialBond ? fen(r.spent) : null,
      actual: actualOf.get(source.id) ?? null,
    };
  });
  const money = (v: unknown) => (v === null || v === undefined ? 0n : fen(v));
  return {
    areaId: area.id,
    year,
    rows: out,
    planned: sum(out.map((r) => r.planned ?? 0n)),
    received: sum(out.map((r) => r.received ?? 0n)),
    actual: money(totals?.actual),
    actualUnsplit: money(totals?.unsplit),
  };
}

// A monthly report's actual investment split by funding source (按资金来源拆分).

export type InvestmentSplit = { sourceId: number; amount: Fen }[];

/**
 * Checks a report's split against the project's city's code list and the month's actual investment (the
 * rule: investmentSplitProblems). null when the input has none (omitted); the problems under
 * `input.investmentBySource[i].…`.
 */
export async function checkInvestmentSplit(ctx: Context, cityId: number, actual: Fen, parts: InvestmentPartInput[] | null | undefined): Promise<{ problems: FieldProblem[]; split: InvestmentSplit | null }> {
  if (parts === null || parts === undefined) return { problems: [], split: null };
  const byCode = new Map((await sourcesOfCity(ctx, cityId)).map((s) => [s.code, s]));
  const problems = investmentSplitProblems(actual, parts.map((p) => ({ sourceCode: p.sourceCode, amount: p.amount })), (code) => byCode.has(code), 'input.investmentBySource');
  return { problems, split: problems.length ? null : parts.map((p) => ({ sourceId: byCode.get(p.sourceCode.trim())!.id, amount: p.amount })) };
}

/**
 * Writes a report's split in the report's transaction: a given split replaces the stored one ([] removes
 * it); none given keeps it while the amount stands, and is refused when the amount changed under it.
 */
export async function writeInvestmentSplit(em: EntityManager, report: MonthlyReport, before: MonthlyReport | null, split: InvestmentSplit | null): Promise<void> {
  const repo = em.getRepository(ReportFundingPart);
  if (split === null) {
    if (before && before.actualInvestment !== report.actualInvestment && (await repo.count({ where: { reportId: report.id } }))) {
      throw new UserInputError('input.investmentBySource', '本月实际完成投资已改变，原有的资金来源拆分不再相符：请重新拆分，或提交空的拆分以取消');
    }
    return;
  }
  await repo.delete({ reportId: report.id });
  if (split.length) {
    await repo.insert(split.map((p) => ({ reportId: report.id, projectId: report.projectId, areaId: report.areaId, period: report.period, sourceId: p.sourceId, amount: p.amount })));
  }
}

/** Removes a report's split (its amount was corrected through a correction request): the month counts as unsplit. */
export async function dropInvestmentSplit(em: EntityManager, reportId: number): Promise<void> {
  await em.getRepository(ReportFundingPart).delete({ reportId });
}

/** The request's loader of reports' splits by report id, in the city list's order. */
export function splitByReport(ctx: Context): DataLoader<number, ReportFundingPart[]> {
  return new DataLoader<number, ReportFundingPart[]>(async (ids) => {
    const rows = await ctx.db.getRepository(ReportFundingPart).find({ where: { reportId: In([...ids]) }, order: { id: 'ASC' } });
    return ids.map((id) => rows.filter((r) => r.reportId === id));
  });
}

/** A report's split by funding source ([] when the month is not split). */
export async function investmentPartsOf(ctx: Context, report: MonthlyReport): Promise<ReportInvestmentPart[]> {
  const parts = await loader(ctx, splitByReport).load(report.id);
  const sources = await Promise.all(parts.map((p) => loader(ctx, sourceById).load(p.sourceId)));
  return parts
    .map((p, i) => ({ source: sources[i]!, amount: p.amount }))
    .filter((p) => p.source)
    .sort((a, b) => a.source.sortOrder - b.source.sortOrder || a.source.id - b.source.id);
}
