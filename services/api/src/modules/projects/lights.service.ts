import {
  addMonths,
  INVESTMENT_RULE_VERSION,
  investmentLight,
  isLibraryMember,
  milestoneLight,
  periodOfInstant,
  reportDeadlinePassed,
  removalAfterLighting,
  reportedOnTime,
  toFen,
  type Fen,
  type InvestmentMonth,
} from '@kpd/domain';
import { In, type EntityManager } from 'typeorm';
import { AuditRecord } from '../../core/audit/audit-record.entity';
import { toJson } from '../../core/columns';
import { forUpdate } from '../../core/row-locks';
import { isRetryable, mutate } from '../../core/transaction';
import { signedIn } from '../../core/auth/policy';
import { UserInputError } from '../../core/errors';
import type { Context } from '../../core/context';
import { bulkInsert } from '../../db/bulk-insert';
import { chunks } from '../../core/xlsx';
import { Area, AreaLevel } from '../../core/areas/area.entity';
import { CitySettings, LightRule } from '../../core/areas/city-settings.entity';
import { addToLightCounts, holdLightCounts, type LightCountDelta } from './light-counts';
import { LightColor, ProjectLight, RemovalDecision } from './light.entity';
import { MonthClose } from './month-close.entity';
import { MonthlyReport, ProjectMilestone } from './plan.entity';
import { asDomainStage, Project, ProjectStage } from './project.entity';
import { now as clockNow } from '../../core/clock';

/** The city settings a light needs. */
export interface LightSettings {
  rule: LightRule;
  deadlineDay: number;
  tolerancePercent: number;
  libraryThreshold: Fen;
}

export function lightSettingsOf(s: CitySettings): LightSettings {
  return { rule: s.lightRule, deadlineDay: s.reportDeadlineDay, tolerancePercent: s.lightTolerancePercent, libraryThreshold: s.libraryThreshold };
}

export async function lightSettingsByCity(em: EntityManager, cityIds: number[]): Promise<Map<number, LightSettings>> {
  const rows = cityIds.length ? await em.find(CitySettings, { where: { cityId: In([...new Set(cityIds)]) } }) : [];
  return new Map(rows.map((r) => [r.cityId, lightSettingsOf(r)]));
}

/**
 * Projects lit monthly: members of the key-project library (the report: 对亿元以上重点项目实行
 * "红黄绿"灯考核) under construction (new or continuing), in the months of their construction period.
 */
export function isLit(project: Project, settings: LightSettings, period: string): boolean {
  if (project.stage !== ProjectStage.NEW && project.stage !== ProjectStage.CONTINUING) return false;
  if (period < project.constructionStart || period > project.constructionEnd) return false;
  return isLibraryMember(
    { totalInvestment: project.totalInvestment, stage: asDomainStage(project.stage), removedFromLibrary: project.removedFromLibrary },
    settings.libraryThreshold,
  );
}

/** One computed light, ready to store (color null: not lit yet, e.g. awaiting a report before the deadline). */
export interface ComputedLight {
  projectId: number;
  areaId: number;
  period: string;
  color: LightColor | null;
  reasonCode: string;
  reason: string;
  figures: string;
  ruleVersion: string;
}

interface ProjectData {
  plans: Map<string, { plannedInvestment: Fen }>;
  reports: Map<string, { actualInvestment: Fen; submittedAt: Date }>;
  milestones: ProjectMilestone[];
  /** The first planned or reported month from the construction start on, when it lies before the window of months loaded. */
  tableStart?: string | null;
}

/**
 * Loads what the rules need: plans and reports for the projects lit by investment, milestones for
 * those lit by milestones. With `window` only the months the investment rule can look at are read
 * (it looks at most twelve months back), plus whether each project has a planned or reported month
 * before the window: a month-end run over a whole province then reads a year of rows per project,
 * not its history. Plain rows, not entities: at province scale hydration was most of the time.
 */
async function loadData(
  em: EntityManager,
  projects: { id: number; rule: LightRule; constructionStart: string }[],
  window?: { from: string; to: string },
): Promise<Map<number, ProjectData>> {
  const data = new Map<number, ProjectData>(projects.map((p) => [p.id, { plans: new Map(), reports: new Map(), milestones: [] }]));
  const starts = new Map(projects.map((p) => [p.id, p.constructionStart]));
  const driver = em.connection.driver;
  const submittedAt = em.connection.getMetadata(MonthlyReport).findColumnWithPropertyName('submittedAt')!;
  const byInvestment = projects.filter((p) => p.rule !== LightRule.MILESTONE).map((p) => p.id);
  const byMilestone = projects.filter((p) => p.rule === LightRule.MILESTONE).map((p) => p.id);
  for (const ids of chunks(byInvestment, 1000)) {
    const inIds = ids.map(() => '?').join(', ');
    const months = window ? ' AND period >= ? AND period <= ?' : '';
    const params = window ? [...ids, window.from, window.to] : ids;
    const plans: { id: unknown; period: string; amount: unknown }[] = await em.query(
      `SELECT project_id AS id, period, planned_investment AS amount FROM project_plan_months WHERE project_id IN (${inIds})${months}`,
      params,
    );
    for (const r of plans) data.get(Number(r.id))!.plans.set(r.period, { plannedInvestment: toFen(r.amount) });
    const reports: { id: unknown; period: string; amount: unknown; at: unknown }[] = await em.query(
      `SELECT project_id AS id, period, actual_investment AS amount, submitted_at AS at FROM project_reports WHERE project_id IN (${inIds})${months}`,
      params,
    );
    for (const r of reports) data.get(Number(r.id))!.reports.set(r.period, { actualInvestment: toFen(r.amount), submittedAt: driver.prepareHydratedValue(r.at, submittedAt) as Date });
    // The earliest month before the window, from the construction start on, matters only to a project
    // with nothing at the window's first month that started before it: only those are looked up.
    const earlier = window
      ? ids.filter((id) => {
          const d = data.get(id)!;
          const start = starts.get(id)!;
          return start < window.from && !d.plans.has(window.from) && !d.reports.has(window.from);
        })
      : [];
    if (earlier.length) {
      const inEarlier = earlier.map(() => '?').join(', ');
      const rows: { id: unknown; first: string }[] = await em.query(
        `SELECT id, MIN(first) AS first FROM (
           SELECT t.project_id AS id, MIN(t.period) AS first FROM project_plan_months t JOIN projects p ON p.id = t.project_id
             WHERE t.project_id IN (${inEarlier}) AND t.period >= p.construction_start AND t.period < ? GROUP BY t.project_id
           UNION ALL
           SELECT t.project_id, MIN(t.period) FROM project_reports t JOIN projects p ON p.id = t.project_id
             WHERE t.project_id IN (${inEarlier}) AND t.period >= p.construction_start AND t.period < ? GROUP BY t.project_id
         ) x GROUP BY id`,
        [...earlier, window!.from, ...earlier, window!.from],
      );
      for (const r of rows) data.get(Number(r.id))!.tableStart = r.first;
    }
  }
  for (const ids of chunks(byMilestone, 500)) {
    for (const m of await em.find(ProjectMilestone, { where: { projectId: In(ids) }, order: { dueDate: 'ASC', id: 'ASC' } })) {
      data.get(m.projectId)!.milestones.push(m);
    }
  }
  return data;
}

/**
 * The investment rule's months for `period`: from the start of the project's plan table (its first
 * planned or reported month, not before the construction start), at most twelve months back.
 */
function investmentMonths(project: Project, data: ProjectData, period: string, settings: LightSettings): InvestmentMonth[] {
  // The first planned or reported month from the construction start on (a scan: a month-end run does this for every project).
  let first: string | undefined;
  for (const months of [data.plans.keys(), data.reports.keys()]) {
    for (const p of months) if (p >= project.constructionStart && (first === undefined || p < first)) first = p;
  }
  let from = addMonths(period, -11);
  const tableStart = data.tableStart ?? first ?? period;
  if (tableStart > from) from = tableStart < period ? tableStart : period;
  const months: InvestmentMonth[] = [];
  for (let p = from; p <= period; p = addMonths(p, 1)) {
    const plan = data.plans.get(p);
    const report = data.reports.get(p);
    months.push({
      period: p,
      plannedFen: plan ? plan.plannedInvestment : null,
      actualFen: report ? report.actualInvestment : null,
      reportedOnTime: report ? reportedOnTime(p, settings.deadlineDay, report.submittedAt) : false,
    });
  }
  return months;
}

function compute(project: Project, data: ProjectData, period: string, settings: LightSettings, now: Date): ComputedLight {
  const base = { projectId: project.id, areaId: project.areaId, period };
  if (settings.rule === LightRule.MILESTONE) {
    const r = milestoneLight({
      period,
      tolerancePercent: settings.tolerancePercent,
      milestones: data.milestones.map((m) => ({ name: m.name, startDate: m.startDate, dueDate: m.dueDate, weight: m.weight, progress: m.progress, metDate: m.metDate })),
    });
    return { ...base, color: r.color as LightColor | null, reasonCode: r.reasonCode, reason: r.reason, figures: toJson(r.figures), ruleVersion: r.ruleVersion };
  }
  const r = investmentLight({
    period,
    months: investmentMonths(project, data, period, settings),
    deadlinePassed: reportDeadlinePassed(period, settings.deadlineDay, now),
    tolerancePercent: settings.tolerancePercent,
  });
  return { ...base, color: r.color as LightColor | null, reasonCode: r.reasonCode, reason: r.reason, figures: toJson(r.figures), ruleVersion: r.ruleVersion ?? INVESTMENT_RULE_VERSION };
}

/**
 * A milestone light judges the month once it has ended; an investment light once the report is in
 * or the deadline has passed (the rule itself answers "not lit yet" before that).
 */
function ready(period: string, settings: LightSettings, now: Date): boolean {
  if (settings.rule === LightRule.MILESTONE) return period < periodOfInstant(now);
  return period <= periodOfInstant(now);
}

/** Computes the lights of several projects for the periods asked (only lit, ready periods). */
export async function computeLights(
  em: EntityManager,
  wanted: { project: Project; periods: string[] }[],
  now: Date,
  /** Read only the months these periods' lights can look at (every period asked must lie in it). */
  window?: { from: string; to: string },
): Promise<ComputedLight[]> {
  const settings = await lightSettingsByCity(em, wanted.map((w) => w.project.cityId));
  const data = await loadData(
    em,
    wanted.filter((w) => settings.has(w.project.cityId)).map((w) => ({ id: w.project.id, rule: settings.get(w.project.cityId)!.rule, constructionStart: w.project.constructionStart })),
    window,
  );
  const out: ComputedLight[] = [];
  for (const { project, periods } of wanted) {
    const s = settings.get(project.cityId);
    if (!s) continue;
    for (const period of periods) {
      if (!isLit(project, s, period) || !ready(period, s, now)) continue;
      out.push(compute(project, data.get(project.id)!, period, s, now));
    }
  }
  return out;
}

/**
 * Writes computed lights over the stored ones (a report changed): a red light proposes removal
 * from the library unless an admin already decided for that month; a light that is no longer red
 * withdraws a pending proposal; a month whose report is awaited again loses its light; months the
 * project is no longer lit for (completed, removed from the library) keep the light they had.
 */
export async function storeLights(em: EntityManager, projectId: number, periods: string[], lights: ComputedLight[], now: Date): Promise<void> {
  if (periods.length === 0) return;
  const computed = new Map(lights.filter((l) => periods.includes(l.period)).map((l) => [l.period, l]));
  // Only the months with a computed light change (a month no longer lit keeps its history). Their
  // count rows are held first, then the lights read under lock: a month-end job committing a light
  // since this transaction's snapshot is seen, and the deltas below are those of the rows changed.
  const changing = [...computed.keys()];
  if (changing.length === 0) return;
  await holdLightCounts(em, [...computed.values()].map((l) => ({ period: l.period, areaId: l.areaId })));
  const existing = await forUpdate(em, em.createQueryBuilder(ProjectLight, 'l').where('l.projectId = :projectId AND l.period IN (:...changing)', { projectId, changing })).getMany();
  const byPeriod = new Map(existing.map((l) => [l.period, l]));
  const deltas: LightCountDelta[] = [];
  for (const period of changing) {
    const light = computed.get(period)!;
    const old = byPeriod.get(period);
    if (light.color === null) {
      if (old) {
        await em.delete(ProjectLight, { id: old.id });
        deltas.push({ period, areaId: old.areaId, color: old.color, n: -1 });
      }
      continue;
    }
    const removal = removalAfterLighting(light.color, old?.removal ?? null) as RemovalDecision | null;
    const values = {
      color: light.color,
      reasonCode: light.reasonCode,
      reason: light.reason,
      figures: light.figures,
      ruleVersion: light.ruleVersion,
      computedAt: now,
      removal,
    };
    if (old) {
      await em.update(ProjectLight, { id: old.id }, values);
      if (old.color !== light.color) deltas.push({ period, areaId: old.areaId, color: old.color, n: -1 }, { period, areaId: old.areaId, color: light.color, n: 1 });
    } else {
      // Absent under lock with its count row held: no other writer can insert it before this commits.
      await em.insert(ProjectLight, { projectId, areaId: light.areaId, period, ...values });
      deltas.push({ period, areaId: light.areaId, color: light.color, n: 1 });
    }
  }
  await addToLightCounts(em, deltas);
}

/** A computed light (with a colour) as a new stored row: a red light proposes removal from the library. */
export function newLightRow(l: ComputedLight, computedAt: Date): Partial<ProjectLight> {
  return {
    projectId: l.projectId,
    areaId: l.areaId,
    period: l.period,
    color: l.color!,
    reasonCode: l.reasonCode,
    reason: l.reason,
    figures: l.figures,
    ruleVersion: l.ruleVersion,
    computedAt,
    removal: removalAfterLighting(l.color!, null) as RemovalDecision | null,
  };
}

/** A month whose stored light a recompute changed (colour before and after; null: no light). */
export interface LightChange {
  period: string;
  before: LightColor | null;
  after: LightColor | null;
  closed: boolean;
}

/** The months of a district that are closed (月度关账), from `from` on when given. */
export async function closedPeriods(em: EntityManager, areaId: number, from?: string): Promise<Set<string>> {
  const qb = em.createQueryBuilder(MonthClose, 'c').select('c.period', 'period').where('c.areaId = :areaId', { areaId });
  if (from) qb.andWhere('c.period >= :from', { from });
  return new Set((await qb.getRawMany<{ period: string }>()).map((r) => r.period));
}

/**
 * Recomputes a project's stored lights from `fromPeriod` on (a change there can change every later
 * month's run). Closed months keep their light: only a correction (`correcting`, the closed month it
 * corrects) relights a closed month — that month and the later ones, whose runs depend on it.
 * Answers the months whose colour changed.
 */
export async function recomputeProjectLights(
  em: EntityManager,
  project: Project,
  fromPeriod: string,
  now: Date,
  options: { correcting?: string } = {},
): Promise<LightChange[]> {
  const current = periodOfInstant(now);
  const stored = await em
    .createQueryBuilder(ProjectLight, 'l')
    .select(['l.period AS period', 'l.color AS color'])
    .where('l.projectId = :id AND l.period >= :from', { id: project.id, from: fromPeriod })
    .getRawMany<{ period: string; color: LightColor }>();
  const beforeColors = new Map(stored.map((s) => [s.period, s.color]));
  const periods = new Set(stored.map((s) => s.period));
  if (fromPeriod <= current) periods.add(fromPeriod);
  const closed = await closedPeriods(em, project.areaId, fromPeriod);
  const correcting = options.correcting;
  const list = [...periods].filter((p) => !closed.has(p) || (correcting !== undefined && p >= correcting)).sort();
  const lights = await computeLights(em, [{ project, periods: list }], now);
  await storeLights(em, project.id, list, lights, now);
  if (list.length === 0) return [];
  const after = await em
    .createQueryBuilder(ProjectLight, 'l')
    .select(['l.period AS period', 'l.color AS color'])
    .where('l.projectId = :id AND l.period IN (:...list)', { id: project.id, list })
    .getRawMany<{ period: string; color: LightColor }>();
  const afterColors = new Map(after.map((s) => [s.period, s.color]));
  return list
    .map((period) => ({ period, before: beforeColors.get(period) ?? null, after: afterColors.get(period) ?? null, closed: closed.has(period) }))
    .filter((c) => c.before !== c.after);
}

/**
 * The month-end job (月底考核): lights every lit project that has no light yet for `period` once
 * the report deadline has passed (investment rule: those that did not report are red), or once
 * the month has ended (milestone rule). Lights are only inserted, never overwritten: running it
 * again, or from two processes at once, leaves one light per project and month. It first holds the
 * month's count rows of every district it may light (all districts, or `areaIds`), so jobs and
 * report changes of the same month and district run one after the other; then it reads under lock
 * which candidates have a light already, and everything it inserts is new and counted. Outside a
 * transaction it runs in its own. Returns how many lights it added.
 */
export async function runMonthEndLights(em: EntityManager, period: string, now: Date, areaIds: number[] | null = null): Promise<number> {
  if (!em.queryRunner?.isTransactionActive) return em.transaction((tx) => runMonthEndLights(tx, period, now, areaIds));
  const candidates = areaIds ?? (await em.find(Area, { select: { id: true }, where: { level: AreaLevel.DISTRICT } })).map((a) => a.id);
  await holdLightCounts(em, candidates.map((areaId) => ({ period, areaId })));
  // A closed month (月度关账) gets no new light: it changes only through a correction. Read with the
  // count rows held, so a close committing meanwhile is seen.
  const closedHere = new Set(
    (await em.createQueryBuilder(MonthClose, 'c').select('c.areaId', 'areaId').where('c.period = :period', { period }).getRawMany<{ areaId: unknown }>()).map((r) => Number(r.areaId)),
  );
  const districts = candidates.filter((id) => !closedHere.has(id));
  if (districts.length === 0) return 0;
  const qb = em
    .createQueryBuilder(Project, 'p')
    .select(['p.id AS id', 'p.area_id AS areaId', 'p.city_id AS cityId', 'p.stage AS stage', 'p.total_investment AS totalInvestment'])
    .addSelect(['p.construction_start AS constructionStart', 'p.construction_end AS constructionEnd', 'p.removed_from_library AS removedFromLibrary'])
    .where('p.stage IN (:...stages)', { stages: [ProjectStage.NEW, ProjectStage.CONTINUING] })
    .andWhere('p.constructionStart <= :period AND p.constructionEnd >= :period', { period })
    .andWhere('p.removedFromLibrary = :no', { no: false })
    // A first cut only (a plain read may see a snapshot older than the lock): the lights that decide are read under lock below.
    .andWhere('NOT EXISTS (SELECT 1 FROM project_lights l WHERE l.project_id = p.id AND l.period = :period)', { period })
    .andWhere('p.areaId IN (:...districts)', { districts: districts.length ? districts : [-1] });
  // Plain rows with what the rules read, not entities: a province is twenty thousand of them.
  const projects = (await qb.getRawMany<Record<string, unknown>>()).map(
    (r) =>
      ({
        id: Number(r.id),
        areaId: Number(r.areaId),
        cityId: Number(r.cityId),
        stage: r.stage as ProjectStage,
        totalInvestment: toFen(r.totalInvestment),
        constructionStart: String(r.constructionStart),
        constructionEnd: String(r.constructionEnd),
        removedFromLibrary: r.removedFromLibrary === true || Number(r.removedFromLibrary) === 1,
      }) as Project,
  );
  if (projects.length === 0) return 0;
  const settings = await lightSettingsByCity(em, projects.map((p) => p.cityId));
  const due = projects.filter((p) => {
    const s = settings.get(p.cityId);
    if (!s) return false;
    return s.rule === LightRule.MILESTONE ? period < periodOfInstant(now) : reportDeadlinePassed(period, s.deadlineDay, now);
  });
  if (due.length === 0) return 0;
  // Which of them have a light already, by a read under lock (current, not the snapshot): the month's
  // lights of the districts held. One range per district on (area_id, period); none at all when the
  // month is lit afresh.
  const lit = await forUpdate(
    em,
    em.createQueryBuilder(ProjectLight, 'l').select('l.projectId', 'projectId').where('l.areaId IN (:...districts) AND l.period = :period', { districts, period }),
  ).getRawMany<{ projectId: unknown }>();
  const has = new Set(lit.map((l) => Number(l.projectId)));
  // Two thousand projects at a time, each reading only the twelve months the rule looks at: a run over
  // a whole province keeps a bounded amount in memory.
  let added = 0;
  for (const part of chunks(due, 2000)) {
    const wanted = part.filter((p) => !has.has(p.id));
    if (wanted.length === 0) continue;
    const lights = (await computeLights(em, wanted.map((project) => ({ project, periods: [period] })), now, { from: addMonths(period, -11), to: period })).filter((l) => l.color !== null);
    // INSERT … IGNORE as a guard on the unique (project, month) key; with the counts held every row is new.
    const inserted = await bulkInsert(
      em,
      ProjectLight,
      lights.map((l) => newLightRow(l, now)),
      { ignoreDuplicates: true },
    );
    if (inserted !== lights.length) throw new Error(`month-end ${period}: ${lights.length - inserted} of ${lights.length} lights existed after the check under lock`);
    await addToLightCounts(em, lights.map((l) => ({ period, areaId: l.areaId, color: l.color!, n: 1 })));
    added += inserted;
  }
  return added;
}

/**
 * The job in its own transaction, run again when MySQL picks it as a deadlock victim: the gap locks
 * of its read under lock can meet a report of the next month of the same project relighting at once.
 */
async function runMonthEndTransaction(em: EntityManager, period: string, now: Date): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await em.transaction((tx) => runMonthEndLights(tx, period, now));
    } catch (error) {
      if (attempt < 4 && isRetryable(error)) continue;
      throw error;
    }
  }
}

/** Runs the job for the last two months, as the system (the audit names no user). */
export async function monthEndTick(em: EntityManager, now: Date): Promise<number> {
  const current = periodOfInstant(now);
  let added = 0;
  for (const period of [addMonths(current, -2), addMonths(current, -1)]) {
    const n = await runMonthEndTransaction(em, period, now);
    if (n > 0) {
      await em.insert(AuditRecord, {
        actorUserId: null,
        actorUsername: 'system',
        action: 'lights.monthEnd',
        entityType: 'ProjectLight',
        entityId: period,
        areaId: null,
        before: null,
        after: toJson({ period, added: n }),
        requestId: 'month-end-job',
      });
    }
    added += n;
  }
  return added;
}

/** The month-end job for an ended month over the viewer's scope, through the API; audited. */
export async function runMonthEndLightsInScope(ctx: Context, period: string): Promise<number> {
  const viewer = signedIn(ctx.viewer);
  if (period >= periodOfInstant(clockNow())) throw new UserInputError('period', '只能为已结束的月份亮灯');
  const areaIds = viewer.scope.areaIds();
  return mutate(ctx, async (tx) => {
    const added = await runMonthEndLights(tx.em, period, clockNow(), areaIds);
    await tx.audit({ action: 'lights.monthEnd', entityType: 'ProjectLight', entityId: period, areaId: ctx.viewer.scope!.root.id, after: { period, added } });
    return added;
  });
}
