import { addDays, completionRate, firstDayOf, growthRate, lastDayOf, samePeriodLastYear, shanghaiDate, type RateResult, parsePeriod, yearToDate } from '@kpd/domain';
import { In, type SelectQueryBuilder } from 'typeorm';
import { canReadFigures, requireThat } from '../../core/auth/policy';
import { fen, toInt } from '../../core/columns';
import { parseOptionalId } from '../../core/ids';
import { UserInputError } from '../../core/errors';
import type { Context } from '../../core/context';
import { AreaLevel, type Area } from '../../core/areas/area.entity';
import { queryArea } from '../../core/areas/areas.service';
import { InvestmentDistrictSummary, InvestmentSummary } from '../projects/investment-summary';
import { ProjectMilestone } from '../projects/plan.entity';
import { Project, type ProjectCategory } from '../projects/project.entity';
import { restrictToScope } from '../projects/projects.scope';
import { LIBRARY_MEMBER_SQL } from '../projects/projects.service';
import { MilestoneState, PlanView, rate, StatsGroupBy, StatsRowView, type InvestmentStats, type InvestmentStatsRow, type MilestoneView, type PlanVsActualRow } from './rankings.types';
import { now as clockNow } from '../../core/clock';

/** Statistics are read by admins and analysts, over an area of their scope. */
export function statsArea(ctx: Context, areaIdArg: string | null | undefined): Area {
  requireThat(ctx.viewer, canReadFigures(ctx.viewer), 'Statistics are read by admins and analysts');
  return queryArea(ctx, parseOptionalId(areaIdArg ?? null, 'areaId'));
}

export interface StatsLine {
  key: string;
  monthActual: bigint;
  ytdActual: bigint;
  lastYearMonthActual: bigint;
  lastYearYtdActual: bigint;
  monthPlanned: bigint;
  ytdPlanned: bigint;
  monthGrowth: RateResult;
  ytdGrowth: RateResult;
  ytdCompletion: RateResult;
  keyProjects: number | null;
  keyProjectsLastYear: number | null;
  resumed: number | null;
  resumptionRate: number | null;
  /** Whether any monthly report was filed for the group in its month (by month: that month): false is missing, not zero. */
  reported: boolean;
}

const KEY = {
  [StatsGroupBy.NONE]: { summary: "'ALL'", project: "'ALL'" },
  [StatsGroupBy.DISTRICT]: { summary: 's.area_id', project: 'p.area_id' },
  [StatsGroupBy.CATEGORY]: { summary: 's.category', project: 'p.category' },
  [StatsGroupBy.MONTH]: { summary: 'SUBSTR(s.period, 6, 2)', project: "'ALL'" },
};

function grouped<T extends object>(qb: SelectQueryBuilder<T>, key: string, groupBy: StatsGroupBy): SelectQueryBuilder<T> {
  qb.select(key, 'k');
  if (groupBy !== StatsGroupBy.NONE) qb.groupBy(key);
  return qb;
}

/**
 * The investment figures of an area for a month: the month, the year to date, the same period last
 * year and the growth, the plan and its completion, key projects and the resumption rate (复工率) —
 * the sums read from the investment summary (kept equal to the plans and reports), the project
 * counts from the projects.
 */
/** `areaIds` null: the whole province, no area filter. */
/**
 * `counts` false: the key-project counts are not computed (they read zero); the rows are the same,
 * the projects only naming which districts or categories have a row.
 */
export async function investmentLines(ctx: Context, areaIds: number[] | null, period: string, groupBy: StatsGroupBy, counts = true): Promise<StatsLine[]> {
  const ys = yearToDate(period)[0];
  const lp = samePeriodLastYear(period);
  const lys = yearToDate(lp)[0];
  const k = KEY[groupBy];
  const monthly = groupBy === StatsGroupBy.MONTH;
  const thisYear = monthly ? 's.period >= :ys AND s.period <= :p' : 's.period = :p';
  const lastYear = monthly ? 's.period >= :lys AND s.period <= :lp' : 's.period = :lp';
  const ytd = 's.period >= :ys AND s.period <= :p';
  const lyYtd = 's.period >= :lys AND s.period <= :lp';
  // A key has actual figures when it has reports in either year, plan figures when it has plan months this year.
  // Only the grouping by category needs the summary's categories; the rest read the district roll-up.
  const table = groupBy === StatsGroupBy.CATEGORY ? InvestmentSummary : InvestmentDistrictSummary;
  const sums = await grouped(ctx.db.getRepository<object>(table).createQueryBuilder('s'), k.summary, groupBy)
    .addSelect(`SUM(CASE WHEN ${thisYear} THEN s.actual ELSE 0 END)`, 'month')
    .addSelect(`SUM(CASE WHEN ${ytd} THEN s.actual ELSE 0 END)`, 'ytd')
    .addSelect(`SUM(CASE WHEN ${lastYear} THEN s.actual ELSE 0 END)`, 'lyMonth')
    .addSelect(`SUM(CASE WHEN ${lyYtd} THEN s.actual ELSE 0 END)`, 'lyYtd')
    .addSelect('SUM(s.reports)', 'reports')
    .addSelect(`SUM(CASE WHEN ${thisYear} THEN s.reports ELSE 0 END)`, 'reportsNow')
    .addSelect(`SUM(CASE WHEN ${monthly ? ytd : 's.period = :p'} THEN s.planned ELSE 0 END)`, 'planMonth')
    .addSelect(`SUM(CASE WHEN ${ytd} THEN s.planned ELSE 0 END)`, 'planYtd')
    .addSelect(`SUM(CASE WHEN ${ytd} THEN s.plan_months ELSE 0 END)`, 'planMonths')
    .where(`((${ytd}) OR (${lyYtd}))`, { ys, p: period, lys, lp })
    .andWhere(areaIds ? 's.area_id IN (:...ids)' : '1 = 1', { ids: areaIds })
    .getRawMany<Record<string, unknown>>();
  const actual = sums.filter((r) => toInt(r.reports) > 0);
  const plan = sums.filter((r) => toInt(r.planMonths) > 0).map((r) => ({ k: r.k, month: r.planMonth, ytd: r.planYtd }));
  const covers = (v: string) => `p.construction_start <= ${v} AND p.construction_end >= ${v} AND p.stage <> 'RESERVE'`;
  const projects = monthly
    ? []
    : !counts
      ? groupBy === StatsGroupBy.NONE
        ? []
        : await keysWithProjects(ctx, areaIds, groupBy, [...actual, ...plan].map((r) => String(r.k)))
      : await grouped(ctx.db.getRepository(Project).createQueryBuilder('p'), k.project, groupBy)
        .addSelect(`SUM(CASE WHEN ${covers(':p')} AND p.stage IN ('NEW', 'CONTINUING') THEN 1 ELSE 0 END)`, 'now')
        .addSelect(`SUM(CASE WHEN ${covers(':lp')} THEN 1 ELSE 0 END)`, 'before')
        .addSelect(
          `SUM(CASE WHEN ${covers(':p')} AND p.stage IN ('NEW', 'CONTINUING') AND EXISTS (SELECT 1 FROM project_reports r2 WHERE r2.project_id = p.id AND r2.period = :p AND r2.actual_investment > 0) THEN 1 ELSE 0 END)`,
          'resumed',
        )
        .where(areaIds ? 'p.area_id IN (:...ids)' : '1 = 1', { ids: areaIds })
        .andWhere(LIBRARY_MEMBER_SQL, { __no: false, p: period, lp })
        .getRawMany<Record<string, unknown>>();
  const keys = new Set<string>();
  const index = (rows: Record<string, unknown>[]) => new Map(rows.map((r) => [String(r.k), r]));
  const a = index(actual);
  const pl = index(plan);
  const pr = index(projects);
  const reports = index(sums);
  for (const m of [a, pl, pr]) for (const key of m.keys()) keys.add(key);
  // Missing is not zero: by district every district of the scope has a row, reported or not.
  if (groupBy === StatsGroupBy.DISTRICT) {
    for (const id of areaIds ?? ctx.areas.byId.keys()) if (ctx.areas.get(id)?.level === AreaLevel.DISTRICT) keys.add(String(id));
  }
  if (monthly) {
    const months = parsePeriod(period).month;
    for (let i = 1; i <= months; i++) keys.add(String(i).padStart(2, '0'));
    for (const key of [...keys]) if (Number(key) > months) keys.delete(key);
  }
  if (groupBy === StatsGroupBy.NONE) keys.add('ALL');
  const lines = [...keys].sort().map((key) => {
    const ar = a.get(key);
    const plr = pl.get(key);
    const prr = pr.get(key);
    const monthActual = fen(ar?.month);
    const lastYearMonthActual = fen(ar?.lyMonth);
    const now = prr ? toInt(prr.now ?? 0) : null;
    const resumed = prr ? toInt(prr.resumed ?? 0) : null;
    return {
      key,
      monthActual,
      ytdActual: fen(ar?.ytd),
      lastYearMonthActual,
      lastYearYtdActual: fen(ar?.lyYtd),
      monthPlanned: fen(plr?.month),
      ytdPlanned: fen(plr?.ytd),
      keyProjects: monthly ? null : (now ?? 0),
      keyProjectsLastYear: monthly ? null : prr ? toInt(prr.before ?? 0) : 0,
      resumed: monthly ? null : (resumed ?? 0),
      reported: toInt(reports.get(key)?.reportsNow ?? 0) > 0,
    };
  });
  if (monthly) {
    // Year-to-date columns of the month rows: the running sums of the months' database totals.
    let ytd = 0n;
    let lyYtd = 0n;
    let planYtd = 0n;
    for (const l of lines) {
      ytd += l.monthActual;
      lyYtd += l.lastYearMonthActual;
      planYtd += l.monthPlanned;
      Object.assign(l, { ytdActual: ytd, lastYearYtdActual: lyYtd, ytdPlanned: planYtd });
    }
  }
  return lines.map(withRates);
}

/**
 * Which keys have key projects, for rows without counts: a district with library projects has a row
 * even when it has no figures. By district only the districts of the scope without figures are
 * looked up — at province scale nearly every district has figures, and the lookup reads a few.
 */
async function keysWithProjects(ctx: Context, areaIds: number[] | null, groupBy: StatsGroupBy, withFigures: string[]): Promise<Record<string, unknown>[]> {
  const qb = ctx.db.getRepository(Project).createQueryBuilder('p').select(KEY[groupBy].project, 'k').distinct(true).where(LIBRARY_MEMBER_SQL, { __no: false });
  if (groupBy === StatsGroupBy.DISTRICT) {
    const known = new Set(withFigures);
    // Projects are registered on districts only (createProject checks it; the district never changes).
    const rest = (areaIds ?? [...ctx.areas.byId.keys()]).filter((id) => ctx.areas.get(id)?.level === AreaLevel.DISTRICT && !known.has(String(id)));
    if (rest.length === 0) return [];
    qb.andWhere('p.area_id IN (:...rest)', { rest });
  } else if (areaIds) {
    qb.andWhere('p.area_id IN (:...ids)', { ids: areaIds });
  }
  return qb.getRawMany<Record<string, unknown>>();
}

type Figures = Omit<StatsLine, 'monthGrowth' | 'ytdGrowth' | 'ytdCompletion' | 'resumptionRate'>;

/**
 * A line's figures with its rates computed when read: a province's page by district has a hundred
 * lines and usually shows one or two of the rates (each an exact fraction of bigints).
 */
class Line implements StatsLine {
  key!: string;
  monthActual!: bigint;
  ytdActual!: bigint;
  lastYearMonthActual!: bigint;
  lastYearYtdActual!: bigint;
  monthPlanned!: bigint;
  ytdPlanned!: bigint;
  keyProjects!: number | null;
  keyProjectsLastYear!: number | null;
  resumed!: number | null;
  reported!: boolean;

  constructor(figures: Figures) {
    Object.assign(this, figures);
  }

  get monthGrowth(): RateResult {
    return growthRate(this.monthActual, this.lastYearMonthActual);
  }

  get ytdGrowth(): RateResult {
    return growthRate(this.ytdActual, this.lastYearYtdActual);
  }

  get ytdCompletion(): RateResult {
    return completionRate(this.ytdActual, this.ytdPlanned);
  }

  get resumptionRate(): number | null {
    return this.keyProjects ? Math.round((this.resumed! * 1000) / this.keyProjects) / 10 : null;
  }
}

function withRates(l: Figures): StatsLine {
  const { key, monthActual, ytdActual, lastYearMonthActual, lastYearYtdActual, monthPlanned, ytdPlanned, keyProjects, keyProjectsLastYear, resumed, reported } = l;
  return new Line({ key, monthActual, ytdActual, lastYearMonthActual, lastYearYtdActual, monthPlanned, ytdPlanned, keyProjects, keyProjectsLastYear, resumed, reported });
}

/**
 * The whole of the lines grouped by month, without key-project counts: the figures of the last month
 * row (the asked month and the running sums up to it). The same line investmentLines gives ungrouped
 * when counts are not asked for, without reading the summary again.
 */
export function totalOfMonths(lines: StatsLine[]): StatsLine {
  const last = lines[lines.length - 1];
  return withRates({ ...last, key: 'ALL', keyProjects: 0, keyProjectsLastYear: 0, resumed: 0, reported: lines.some((l) => l.reported) });
}

/**
 * The whole of lines grouped by district or category (every project, report and plan month is in
 * exactly one of them, so sums and counts add up): the same line investmentLines gives ungrouped.
 */
export function totalOfLines(lines: StatsLine[]): StatsLine {
  const total: Figures = { key: 'ALL', monthActual: 0n, ytdActual: 0n, lastYearMonthActual: 0n, lastYearYtdActual: 0n, monthPlanned: 0n, ytdPlanned: 0n, keyProjects: 0, keyProjectsLastYear: 0, resumed: 0, reported: false };
  for (const l of lines) {
    total.monthActual += l.monthActual;
    total.ytdActual += l.ytdActual;
    total.lastYearMonthActual += l.lastYearMonthActual;
    total.lastYearYtdActual += l.lastYearYtdActual;
    total.monthPlanned += l.monthPlanned;
    total.ytdPlanned += l.ytdPlanned;
    total.keyProjects! += l.keyProjects ?? 0;
    total.keyProjectsLastYear! += l.keyProjectsLastYear ?? 0;
    total.resumed! += l.resumed ?? 0;
    total.reported ||= l.reported;
  }
  return withRates(total);
}

export interface PlanLine {
  label: string;
  from: string;
  to: string;
  planned: bigint;
  actual: bigint;
  completion: RateResult;
  cumulativePlanned: bigint;
  cumulativeActual: bigint;
  cumulativeCompletion: RateResult;
  /** Whether any monthly report was filed in the span (missing is not zero). */
  reported: boolean;
}

/** 月对账、季交账、年底算总账: the year's plan against actual by month, quarter or the whole year. */
export async function planVsActual(ctx: Context, areaIds: number[], year: number, view: PlanView): Promise<PlanLine[]> {
  const from = `${year}-01`;
  const to = `${year}-12`;
  const sums = await ctx.db
    .getRepository(InvestmentDistrictSummary)
    .createQueryBuilder('s')
    .select('s.period', 'period')
    .addSelect('SUM(s.planned)', 'planned')
    .addSelect('SUM(s.actual)', 'actual')
    .addSelect('SUM(s.reports)', 'reports')
    .where('s.area_id IN (:...ids) AND s.period >= :from AND s.period <= :to', { ids: areaIds, from, to })
    .groupBy('s.period')
    .getRawMany<{ period: string; planned: unknown; actual: unknown; reports: unknown }>();
  const reportedMonths = new Set(sums.filter((r) => toInt(r.reports ?? 0) > 0).map((r) => r.period));
  const planned = sums.map((r) => ({ period: r.period, amount: r.planned }));
  const actual = sums.map((r) => ({ period: r.period, amount: r.actual }));
  const p = new Map(planned.map((r) => [r.period, fen(r.amount)]));
  const a = new Map(actual.map((r) => [r.period, fen(r.amount)]));
  const buckets: { label: string; months: string[] }[] =
    view === PlanView.MONTH
      ? Array.from({ length: 12 }, (_, i) => ({ label: `${i + 1}月`, months: [`${year}-${String(i + 1).padStart(2, '0')}`] }))
      : view === PlanView.QUARTER
        ? [1, 2, 3, 4].map((q) => ({ label: `第${q}季度`, months: [0, 1, 2].map((j) => `${year}-${String((q - 1) * 3 + j + 1).padStart(2, '0')}`) }))
        : [{ label: `${year}年`, months: Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`) }];
  let cp = 0n;
  let ca = 0n;
  return buckets.map((b) => {
    const planned = b.months.reduce((s, m) => s + (p.get(m) ?? 0n), 0n);
    const actual = b.months.reduce((s, m) => s + (a.get(m) ?? 0n), 0n);
    cp += planned;
    ca += actual;
    return {
      label: b.label,
      from: b.months[0],
      to: b.months[b.months.length - 1],
      planned,
      actual,
      completion: completionRate(actual, planned),
      cumulativePlanned: cp,
      cumulativeActual: ca,
      cumulativeCompletion: completionRate(ca, cp),
      reported: b.months.some((m) => reportedMonths.has(m)),
    };
  });
}

export interface MilestoneViewItem {
  milestone: ProjectMilestone;
  projectId: number;
  projectName: string;
  areaId: number;
  state: MilestoneState;
}

/**
 * The milestones of an area's projects that matter in a month: due this month, met this month, and
 * late (due by the month's end and not met on time, still open at the month's start or met late in it).
 */
export async function milestoneView(ctx: Context, area: Area, period: string) {
  const first = firstDayOf(period);
  const last = lastDayOf(period);
  const ids = ctx.areas.subtree(area.id).map((a) => a.id);
  // Late: due before today while the month runs; due by the month's last day once it has ended.
  const now = shanghaiDate(clockNow());
  const ref = now <= last ? now : addDays(last, 1);
  const base = () => {
    const qb = ctx.db.getRepository(ProjectMilestone).createQueryBuilder('m').innerJoin(Project, 'p', 'p.id = m.project_id');
    restrictToScope(ctx, qb, 'p');
    return qb
      .andWhere('p.area_id IN (:...ids)', { ids })
      .andWhere(
        '((m.due_date >= :first AND m.due_date <= :last) OR (m.met_date >= :first AND m.met_date <= :last) OR (m.due_date < :first AND (m.met_date IS NULL OR m.met_date >= :first)))',
        { first, last },
      );
  };
  const counts = await base()
    .select('SUM(CASE WHEN m.due_date >= :first AND m.due_date <= :last THEN 1 ELSE 0 END)', 'due')
    .addSelect('SUM(CASE WHEN m.met_date >= :first AND m.met_date <= :last THEN 1 ELSE 0 END)', 'met')
    .addSelect('SUM(CASE WHEN m.met_date >= :first AND m.met_date <= :last AND m.met_date <= m.due_date THEN 1 ELSE 0 END)', 'onTime')
    .addSelect('SUM(CASE WHEN (m.met_date IS NULL OR m.met_date > :last) AND m.due_date < :ref THEN 1 ELSE 0 END)', 'late')
    .setParameters({ ref })
    .getRawOne<Record<string, unknown>>();
  const rows = await base()
    .select(['m.id AS id', 'm.project_id AS projectId', 'p.name AS projectName', 'p.area_id AS areaId'])
    .orderBy('m.due_date', 'ASC')
    .addOrderBy('m.id', 'ASC')
    .limit(500)
    .getRawMany<{ id: unknown; projectId: unknown; projectName: string; areaId: unknown }>();
  const milestones = rows.length ? await ctx.db.getRepository(ProjectMilestone).findBy({ id: In(rows.map((r) => toInt(r.id))) }) : [];
  const byId = new Map(milestones.map((m) => [m.id, m]));
  const items: MilestoneViewItem[] = rows.map((r) => {
    const m = byId.get(toInt(r.id))!;
    const state =
      m.metDate && m.metDate <= last
        ? m.metDate <= m.dueDate
          ? MilestoneState.MET
          : MilestoneState.MET_LATE
        : m.dueDate < ref
          ? MilestoneState.LATE
          : MilestoneState.DUE;
    return { milestone: m, projectId: toInt(r.projectId), projectName: r.projectName, areaId: toInt(r.areaId), state };
  });
  return {
    area,
    period,
    dueThisMonth: toInt(counts?.due ?? 0),
    metThisMonth: toInt(counts?.met ?? 0),
    metOnTimeThisMonth: toInt(counts?.onTime ?? 0),
    metLateThisMonth: toInt(counts?.met ?? 0) - toInt(counts?.onTime ?? 0),
    late: toInt(counts?.late ?? 0),
    items,
  };
}

const CATEGORY_LABELS: Record<string, string> = { INFRASTRUCTURE: '基础设施', INDUSTRIAL: '工业', MODERN_SERVICES: '现代服务业', SOCIAL: '社会事业' };


function row(ctx: Context, area: Area, groupBy: StatsGroupBy, l: StatsLine): InvestmentStatsRow {
  const district = groupBy === StatsGroupBy.DISTRICT ? (ctx.areas.get(Number(l.key)) ?? null) : null;
  const label =
    groupBy === StatsGroupBy.DISTRICT
      ? (district?.name ?? l.key)
      : groupBy === StatsGroupBy.CATEGORY
        ? (CATEGORY_LABELS[l.key as ProjectCategory] ?? l.key)
        : groupBy === StatsGroupBy.MONTH
          ? `${Number(l.key)}月`
          : area.name;
  return new StatsRowView(l, label, district);
}

/**
 * An area's investment statistics for a month, grouped. The key-project counts scan every project
 * of the area, so they are counted only when `counts` (the query asks for them).
 */
export async function investmentStatsOf(ctx: Context, areaIdArg: string, period: string, groupBy: StatsGroupBy, counts: boolean): Promise<InvestmentStats> {
  const area = statsArea(ctx, areaIdArg);
  const ids = area.parentId === null ? null : ctx.areas.subtree(area.id).map((a) => a.id);
  const rows = await investmentLines(ctx, ids, period, groupBy, counts);
  // By district or category the parts add up to the whole; by month the last month holds the whole,
  // and the whole is read once more only for its key-project counts.
  const total =
    groupBy === StatsGroupBy.NONE
      ? rows[0]
      : groupBy === StatsGroupBy.MONTH
        ? counts
          ? (await investmentLines(ctx, ids, period, StatsGroupBy.NONE, counts))[0]
          : totalOfMonths(rows)
        : totalOfLines(rows);
  return { area, period, total: row(ctx, area, StatsGroupBy.NONE, total), rows: rows.map((l) => row(ctx, area, groupBy, l)) };
}

export async function planVsActualOf(ctx: Context, areaIdArg: string, year: number, view: PlanView): Promise<PlanVsActualRow[]> {
  const area = statsArea(ctx, areaIdArg);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new UserInputError('year', '年份应在2000–2100之间');
  const lines = await planVsActual(ctx, ctx.areas.subtree(area.id).map((a) => a.id), year, view);
  return lines.map((l: PlanLine) => ({ ...l, completion: rate(l.completion), cumulativeCompletion: rate(l.cumulativeCompletion) }));
}

export async function milestoneViewOf(ctx: Context, areaIdArg: string | null, period: string): Promise<MilestoneView> {
  const area = statsArea(ctx, areaIdArg);
  const view = await milestoneView(ctx, area, period);
  return { ...view, items: view.items.map((i: MilestoneViewItem) => ({ ...i, district: ctx.areas.get(i.areaId)! })) };
}
