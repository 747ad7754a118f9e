import type { Fen } from '@kpd/domain';
import { Column, Entity, Index, PrimaryColumn, type EntityManager } from 'typeorm';
import { fen, moneyColumn, toInt } from '../../core/columns';
import { forUpdate, supportsRowLocks } from '../../core/row-locks';
import { MonthlyReport, PlanMonth } from './plan.entity';
import { Project } from './project.entity';

/** The sums both summaries keep for their key. */
abstract class InvestmentFigures {
  @Column({ ...moneyColumn, default: 0 })
  planned!: Fen;

  /** How many plan months the sum has (a key with none is absent from the plan's statistics). */
  @Column({ type: 'int', default: 0 })
  planMonths!: number;

  @Column({ ...moneyColumn, default: 0 })
  actual!: Fen;

  /** How many reports the sum has. */
  @Column({ type: 'int', default: 0 })
  reports!: number;
}

/**
 * The plan and actual investment of every (district, category, stage, month), kept equal to the sums
 * of project_plan_months and project_reports: written in the transaction of every change to a plan,
 * a report or a project's category or stage, so statistics read a few thousand rows instead of
 * joining every plan month of the province to its project.
 */
@Entity('investment_summary')
@Index(['period', 'areaId'])
export class InvestmentSummary extends InvestmentFigures {
  /** The district: the report's district for actuals, the project's for plans (they are the same). */
  @PrimaryColumn({ type: 'int' })
  areaId!: number;

  @PrimaryColumn({ type: 'varchar', length: 24 })
  category!: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  stage!: string;

  @PrimaryColumn({ type: 'varchar', length: 7 })
  period!: string;
}

/**
 * The same figures rolled up to (month, district): what the province's and a city's statistics by
 * district or by month read — a few thousand rows for the province's three years, against four times
 * as many in the summary by category and stage. Written with the summary, in the same statement order.
 */
@Entity('investment_district_summary')
export class InvestmentDistrictSummary extends InvestmentFigures {
  @PrimaryColumn({ type: 'varchar', length: 7 })
  period!: string;

  @PrimaryColumn({ type: 'int' })
  areaId!: number;
}

/** Where a project's figures are summed. */
export interface SummaryKey {
  areaId: number;
  category: string;
  stage: string;
}

export interface SummaryDelta extends SummaryKey {
  period: string;
  planned?: bigint;
  planMonths?: number;
  actual?: bigint;
  reports?: number;
}

const FIGURES = ['planned', 'plan_months', 'actual', 'reports'] as const;
type Figures = { planned: bigint; planMonths: number; actual: bigint; reports: number };

/** Sums deltas by key; keys in a fixed order and empty deltas dropped. */
function merge<K>(deltas: SummaryDelta[], keyOf: (d: SummaryDelta) => string, pick: (d: SummaryDelta) => K): (K & Figures)[] {
  const merged = new Map<string, K & Figures>();
  for (const d of deltas) {
    const key = keyOf(d);
    const m = merged.get(key) ?? { ...pick(d), planned: 0n, planMonths: 0, actual: 0n, reports: 0 };
    m.planned += d.planned ?? 0n;
    m.planMonths += d.planMonths ?? 0;
    m.actual += d.actual ?? 0n;
    m.reports += d.reports ?? 0;
    merged.set(key, m);
  }
  return [...merged.entries()]
    .filter(([, m]) => m.planned !== 0n || m.planMonths !== 0 || m.actual !== 0n || m.reports !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, m]) => m);
}

/** One multi-row upsert adding the figures to `table`'s rows of those keys (rows created as needed). */
async function upsertDeltas(em: EntityManager, table: string, keyColumns: string[], rows: unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  const columns = [...keyColumns, ...FIGURES];
  const values = rows.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ');
  const add = (c: string, from: string) => `${c} = ${table}.${c} + ${from}`;
  await em.query(
    supportsRowLocks(em)
      ? `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values} ON DUPLICATE KEY UPDATE ${FIGURES.map((c) => add(c, `VALUES(${c})`)).join(', ')}`
      : `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values} ON CONFLICT (${keyColumns.join(', ')}) DO UPDATE SET ${FIGURES.map((c) => add(c, `excluded.${c}`)).join(', ')}`,
    rows.flat(),
  );
}

const figureParams = (m: Figures) => [m.planned.toString(), m.planMonths, m.actual.toString(), m.reports];

/**
 * Adds the deltas to the summary and to its district roll-up, one statement each (rows created as
 * needed). Keys in a fixed order and the tables in a fixed order, so two transactions touching the
 * same rows take their locks in the same order.
 */
export async function addToSummary(em: EntityManager, deltas: SummaryDelta[]): Promise<void> {
  const pad = (id: number) => String(id).padStart(10, '0');
  const detail = merge(deltas, (d) => `${pad(d.areaId)}|${d.category}|${d.stage}|${d.period}`, (d) => ({ areaId: d.areaId, category: d.category, stage: d.stage, period: d.period }));
  await upsertDeltas(em, 'investment_summary', ['area_id', 'category', 'stage', 'period'], detail.map((m) => [m.areaId, m.category, m.stage, m.period, ...figureParams(m)]));
  // A move between categories or stages nets out here and writes nothing.
  const district = merge(deltas, (d) => `${d.period}|${pad(d.areaId)}`, (d) => ({ areaId: d.areaId, period: d.period }));
  await upsertDeltas(em, 'investment_district_summary', ['period', 'area_id'], district.map((m) => [m.period, m.areaId, ...figureParams(m)]));
}

/**
 * Locks the project's row for the rest of the transaction (MySQL) and returns where its figures are
 * summed. Every writer of a project's plan, reports, category or stage takes this lock first, so
 * they run one after the other and each sees what the one before committed.
 */
export async function lockSummaryKey(em: EntityManager, projectId: number): Promise<SummaryKey> {
  const p = await forUpdate(em, em.createQueryBuilder(Project, 'p').select(['p.id', 'p.areaId', 'p.category', 'p.stage']).where('p.id = :id', { id: projectId })).getOneOrFail();
  return { areaId: p.areaId, category: p.category, stage: p.stage };
}

/** The project's plan months of these periods as they stand (read under lock on MySQL). */
export async function lockedPlanMonths(em: EntityManager, projectId: number, periods: string[]): Promise<PlanMonth[]> {
  if (periods.length === 0) return [];
  return forUpdate(em, em.createQueryBuilder(PlanMonth, 'pm').where('pm.projectId = :projectId AND pm.period IN (:...periods)', { projectId, periods })).getMany();
}

/** The deltas of plan months leaving (sign -1) or entering (sign +1) the summary. */
export function planDeltas(key: SummaryKey, months: { period: string; plannedInvestment: bigint }[], sign: 1 | -1): SummaryDelta[] {
  return months.map((m) => ({ ...key, period: m.period, planned: BigInt(sign) * m.plannedInvestment, planMonths: sign }));
}

/**
 * Moves a project's figures from one key to another (a change of category or stage). Call it
 * after lockSummaryKey; the sums are read under lock.
 */
export async function moveProjectSummary(em: EntityManager, projectId: number, from: SummaryKey, to: SummaryKey): Promise<void> {
  if (from.areaId === to.areaId && from.category === to.category && from.stage === to.stage) return;
  const plans = await forUpdate(
    em,
    em.createQueryBuilder(PlanMonth, 'pm').select(['pm.id', 'pm.period', 'pm.plannedInvestment']).where('pm.projectId = :projectId', { projectId }),
  ).getMany();
  const reports = await forUpdate(
    em,
    em.createQueryBuilder(MonthlyReport, 'r').select(['r.id', 'r.areaId', 'r.period', 'r.actualInvestment']).where('r.projectId = :projectId', { projectId }),
  ).getMany();
  const deltas: SummaryDelta[] = [...planDeltas(from, plans, -1), ...planDeltas(to, plans, 1)];
  for (const r of reports) {
    // A report stays summed under its own district; only the category and stage move.
    deltas.push({ ...from, areaId: r.areaId, period: r.period, actual: -r.actualInvestment, reports: -1 });
    deltas.push({ ...to, areaId: r.areaId, period: r.period, actual: r.actualInvestment, reports: 1 });
  }
  await addToSummary(em, deltas);
}

const FROM_BASE_TABLES = `SELECT area_id, category, stage, period, SUM(planned) AS planned, SUM(plan_months) AS plan_months, SUM(actual) AS actual, SUM(reports) AS reports FROM (
    SELECT p.area_id AS area_id, p.category AS category, p.stage AS stage, pm.period AS period, pm.planned_investment AS planned, 1 AS plan_months, 0 AS actual, 0 AS reports
      FROM project_plan_months pm INNER JOIN projects p ON p.id = pm.project_id
    UNION ALL
    SELECT r.area_id, p.category, p.stage, r.period, 0, 0, r.actual_investment, 1
      FROM project_reports r INNER JOIN projects p ON p.id = r.project_id
  ) x GROUP BY area_id, category, stage, period`;

/** The SQL that fills the summary from the plans and reports (the migration runs it for existing data). */
export const REBUILD_SUMMARY_SQL = `INSERT INTO investment_summary (area_id, category, stage, period, ${FIGURES.join(', ')}) ${FROM_BASE_TABLES}`;

/** The SQL that fills the district roll-up from the summary (the migration runs it for existing data). */
export const REBUILD_DISTRICT_SUMMARY_SQL = `INSERT INTO investment_district_summary (period, area_id, ${FIGURES.join(', ')})
  SELECT period, area_id, ${FIGURES.map((c) => `SUM(${c})`).join(', ')} FROM investment_summary GROUP BY period, area_id`;

/** Recomputes the whole summary and its roll-up from the plans and reports (seeds and bulk loads). */
export async function rebuildInvestmentSummary(em: EntityManager): Promise<void> {
  await em.query('DELETE FROM investment_summary');
  await em.query('DELETE FROM investment_district_summary');
  await em.query(REBUILD_SUMMARY_SQL);
  await em.query(REBUILD_DISTRICT_SUMMARY_SQL);
}

type SummaryFigures = Figures;

/** The summary computed afresh from the base tables, for consistency checks. */
export async function summaryFromBaseTables(em: EntityManager): Promise<Map<string, SummaryFigures>> {
  return summaryMap(await em.query(FROM_BASE_TABLES));
}

/** The summary as stored, rows with nothing in them left out. */
export async function storedSummary(em: EntityManager): Promise<Map<string, SummaryFigures>> {
  return summaryMap(await em.query('SELECT area_id, category, stage, period, planned, plan_months, actual, reports FROM investment_summary'));
}

/** The district roll-up computed afresh from the base tables, keyed like the summary with category and stage '*'. */
export async function districtSummaryFromBaseTables(em: EntityManager): Promise<Map<string, SummaryFigures>> {
  return summaryMap(
    await em.query(
      `SELECT area_id, '*' AS category, '*' AS stage, period, SUM(planned) AS planned, SUM(plan_months) AS plan_months, SUM(actual) AS actual, SUM(reports) AS reports FROM (${FROM_BASE_TABLES}) d GROUP BY area_id, period`,
    ),
  );
}

/** The district roll-up as stored, keyed like districtSummaryFromBaseTables. */
export async function storedDistrictSummary(em: EntityManager): Promise<Map<string, SummaryFigures>> {
  return summaryMap(await em.query("SELECT area_id, '*' AS category, '*' AS stage, period, planned, plan_months, actual, reports FROM investment_district_summary"));
}

function summaryMap(rows: Record<string, unknown>[]): Map<string, SummaryFigures> {
  const out = new Map<string, SummaryFigures>();
  for (const r of rows) {
    const v = { planned: fen(r.planned), planMonths: toInt(r.plan_months), actual: fen(r.actual), reports: toInt(r.reports) };
    if (v.planned === 0n && v.planMonths === 0 && v.actual === 0n && v.reports === 0) continue;
    out.set(`${toInt(r.area_id)}|${String(r.category)}|${String(r.stage)}|${String(r.period)}`, v);
  }
  return out;
}
