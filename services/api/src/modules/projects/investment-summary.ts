import type { Fen } from '@kpd/domain';
import { Column, Entity, Index, PrimaryColumn, type EntityManager } from 'typeorm';
import { fen, moneyColumn, toInt } from '../../common/columns';
import { forUpdate, supportsRowLocks } from '../../common/row-locks';
import { MonthlyReport, PlanMonth } from './plan.entity';
import { Project } from './project.entity';

/**
 * The plan and actual investment of every (district, category, stage, month), kept equal to the sums
 * of project_plan_months and project_reports: written in the transaction of every change to a plan,
 * a report or a project's category or stage, so statistics read a few thousand rows instead of
 * joining every plan month of the province to its project.
 */
@Entity('investment_summary')
@Index(['period', 'areaId'])
export class InvestmentSummary {
  /** The district: the report's district for actuals, the project's for plans (they are the same). */
  @PrimaryColumn({ type: 'int' })
  areaId!: number;

  @PrimaryColumn({ type: 'varchar', length: 24 })
  category!: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  stage!: string;

  @PrimaryColumn({ type: 'varchar', length: 7 })
  period!: string;

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

const COLUMNS = '(area_id, category, stage, period, planned, plan_months, actual, reports)';

/**
 * Adds the deltas to the summary in one statement (rows created as needed). Keys in a fixed order,
 * so two transactions touching the same rows take their locks in the same order.
 */
export async function addToSummary(em: EntityManager, deltas: SummaryDelta[]): Promise<void> {
  const merged = new Map<string, Required<SummaryDelta>>();
  for (const d of deltas) {
    const key = `${String(d.areaId).padStart(10, '0')}|${d.category}|${d.stage}|${d.period}`;
    const m = merged.get(key) ?? { areaId: d.areaId, category: d.category, stage: d.stage, period: d.period, planned: 0n, planMonths: 0, actual: 0n, reports: 0 };
    m.planned += d.planned ?? 0n;
    m.planMonths += d.planMonths ?? 0;
    m.actual += d.actual ?? 0n;
    m.reports += d.reports ?? 0;
    merged.set(key, m);
  }
  const rows = [...merged.entries()]
    .filter(([, m]) => m.planned !== 0n || m.planMonths !== 0 || m.actual !== 0n || m.reports !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, m]) => m);
  if (rows.length === 0) return;
  const params = rows.flatMap((m) => [m.areaId, m.category, m.stage, m.period, m.planned.toString(), m.planMonths, m.actual.toString(), m.reports]);
  const values = rows.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ');
  const add = (c: string, from: string) => `${c} = investment_summary.${c} + ${from}`;
  const columns = ['planned', 'plan_months', 'actual', 'reports'];
  await em.query(
    supportsRowLocks(em)
      ? `INSERT INTO investment_summary ${COLUMNS} VALUES ${values} ON DUPLICATE KEY UPDATE ${columns.map((c) => add(c, `VALUES(${c})`)).join(', ')}`
      : `INSERT INTO investment_summary ${COLUMNS} VALUES ${values} ON CONFLICT (area_id, category, stage, period) DO UPDATE SET ${columns.map((c) => add(c, `excluded.${c}`)).join(', ')}`,
    params,
  );
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
export const REBUILD_SUMMARY_SQL = `INSERT INTO investment_summary ${COLUMNS} ${FROM_BASE_TABLES}`;

/** Recomputes the whole summary from the plans and reports (seeds and bulk loads). */
export async function rebuildInvestmentSummary(em: EntityManager): Promise<void> {
  await em.query('DELETE FROM investment_summary');
  await em.query(REBUILD_SUMMARY_SQL);
}

type SummaryFigures = { planned: bigint; planMonths: number; actual: bigint; reports: number };

/** The summary computed afresh from the base tables, for consistency checks. */
export async function summaryFromBaseTables(em: EntityManager): Promise<Map<string, SummaryFigures>> {
  return summaryMap(await em.query(FROM_BASE_TABLES));
}

/** The summary as stored, rows with nothing in them left out. */
export async function storedSummary(em: EntityManager): Promise<Map<string, SummaryFigures>> {
  return summaryMap(await em.query('SELECT area_id, category, stage, period, planned, plan_months, actual, reports FROM investment_summary'));
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
