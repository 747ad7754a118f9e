import { percentage, ratio } from '@kpd/domain';
import type { EntityManager } from 'typeorm';
import { toInt } from '../../core/columns';
import { parseOptionalId } from '../../core/ids';
import type { Context } from '../../core/context';
import { AreaLevel } from '../../core/areas/area.entity';
import { queryArea } from '../../core/areas/areas.service';
import { Problem } from './problem.entity';
import { scopedProblems } from './problems.scope';
import { LIVE_STATUSES, overdueSql, today } from './problems.service';
import { ProblemGroupByValue, type ProblemFigures } from './problems.types';

// Problem figures, counted by the database: per area and group, per project, per secretary.

export interface ProblemFigureRow {
  key: string;
  total: number;
  open: number;
  overdue: number;
  resolved: number;
  resolvedOnTime: number;
  closedOut: number;
  listedForSupervision: number;
  /** Sum of days to resolve over the resolved, and their count: the average is sum ÷ count. */
  daysToResolveSum: number;
}

/** The figures of the problems of an area, grouped, computed by the database. */
export async function problemFigureRows(ctx: Context, areaIds: number[] | null, groupBy: ProblemGroupByValue, asOf: string): Promise<ProblemFigureRow[]> {
  const key = { NONE: "'ALL'", DISTRICT: 'pr.area_id', CATEGORY: 'pr.category', LEVEL: 'pr.level' }[groupBy];
  const qb = scopedProblems(ctx)
    .select(`${key}`, 'k')
    .addSelect('COUNT(*)', 'total')
    .addSelect('SUM(CASE WHEN pr.status IN (:...gLive) THEN 1 ELSE 0 END)', 'open')
    .addSelect(`SUM(CASE WHEN ${overdueSql('pr', 'gLive', 'gToday')} THEN 1 ELSE 0 END)`, 'overdue')
    .addSelect('SUM(CASE WHEN pr.resolved_date IS NOT NULL THEN 1 ELSE 0 END)', 'resolved')
    .addSelect('SUM(CASE WHEN pr.resolved_date IS NOT NULL AND pr.resolved_date <= pr.deadline THEN 1 ELSE 0 END)', 'onTime')
    .addSelect("SUM(CASE WHEN pr.status = 'CLOSED_OUT' THEN 1 ELSE 0 END)", 'closedOut')
    .addSelect("SUM(CASE WHEN pr.level = 'CITY' THEN 1 ELSE 0 END)", 'listed')
    .addSelect('SUM(CASE WHEN pr.resolved_date IS NOT NULL THEN pr.days_to_resolve ELSE 0 END)', 'days')
    .setParameters({ gLive: LIVE_STATUSES, gToday: asOf })
    .andWhere('pr.raised_date <= :gToday');
  if (areaIds) qb.andWhere('pr.area_id IN (:...gAreas)', { gAreas: areaIds });
  if (groupBy !== ProblemGroupByValue.NONE) qb.groupBy(key).orderBy(key, 'ASC');
  const rows = await qb.getRawMany<Record<string, unknown>>();
  return rows
    .filter((r) => toInt(r.total) > 0)
    .map((r) => ({
      key: String(r.k),
      total: toInt(r.total),
      open: toInt(r.open ?? 0),
      overdue: toInt(r.overdue ?? 0),
      resolved: toInt(r.resolved ?? 0),
      resolvedOnTime: toInt(r.onTime ?? 0),
      closedOut: toInt(r.closedOut ?? 0),
      listedForSupervision: toInt(r.listed ?? 0),
      daysToResolveSum: toInt(r.days ?? 0),
    }));
}

/** Live problems per project (for the must-dispatch rule), counted by the database. */
export async function openProblemCounts(em: EntityManager, projectIds: number[]): Promise<Map<number, number>> {
  if (projectIds.length === 0) return new Map();
  const rows = await em
    .getRepository(Problem)
    .createQueryBuilder('pr')
    .select('pr.project_id', 'projectId')
    .addSelect('COUNT(*)', 'n')
    .where('pr.project_id IN (:...ids) AND pr.status IN (:...live)', { ids: projectIds, live: LIVE_STATUSES })
    .groupBy('pr.project_id')
    .getRawMany<{ projectId: unknown; n: unknown }>();
  return new Map(rows.map((r) => [toInt(r.projectId), toInt(r.n)]));
}


export interface SecretaryProblemFigures {
  open: number;
  overdue: number;
  resolved: number;
  /** Sum of calendar days to resolve over the resolved: the average is sum ÷ resolved. */
  daysToResolveSum: number;
}

/**
 * Open, overdue and resolved problems per answerable secretary as of a day (problems raised after it
 * left out), counted by the database in one GROUP BY over (secretary_id, status).
 */
export async function problemFiguresBySecretary(em: EntityManager, secretaryIds: number[], asOf: string): Promise<Map<number, SecretaryProblemFigures>> {
  if (secretaryIds.length === 0) return new Map();
  const rows = await em
    .getRepository(Problem)
    .createQueryBuilder('pr')
    .select('pr.secretary_id', 'secretaryId')
    .addSelect('SUM(CASE WHEN pr.status IN (:...sLive) THEN 1 ELSE 0 END)', 'open')
    .addSelect(`SUM(CASE WHEN ${overdueSql('pr', 'sLive', 'sDay')} THEN 1 ELSE 0 END)`, 'overdue')
    .addSelect('SUM(CASE WHEN pr.resolved_date IS NOT NULL THEN 1 ELSE 0 END)', 'resolved')
    .addSelect('SUM(CASE WHEN pr.resolved_date IS NOT NULL THEN pr.days_to_resolve ELSE 0 END)', 'days')
    .where('pr.secretary_id IN (:...sIds)', { sIds: secretaryIds })
    .andWhere('pr.raised_date <= :sDay')
    .setParameters({ sLive: LIVE_STATUSES, sDay: asOf })
    .groupBy('pr.secretary_id')
    .getRawMany<Record<string, unknown>>();
  return new Map(
    rows.map((r) => [toInt(r.secretaryId), { open: toInt(r.open ?? 0), overdue: toInt(r.overdue ?? 0), resolved: toInt(r.resolved ?? 0), daysToResolveSum: toInt(r.days ?? 0) }]),
  );
}

const noProblems = (key: string): ProblemFigureRow => ({ key, total: 0, open: 0, overdue: 0, resolved: 0, resolvedOnTime: 0, closedOut: 0, listedForSupervision: 0, daysToResolveSum: 0 });

const CATEGORY_LABELS: Record<string, string> = { LAND: '土地', PLANNING: '规划', PERMITS: '审批手续', POWER: '电力', DEMOLITION: '征收动迁', UTILITIES: '市政配套', FINANCING: '融资', OTHER: '其他' };
const LEVEL_LABELS: Record<string, string> = { DISTRICT: '区级限时解决', CITY: '市级挂牌督办' };

/** The problem figures of an area in the viewer's scope, grouped, each row named. */
export async function problemFiguresOf(ctx: Context, areaIdArg: string | null, groupBy: ProblemGroupByValue, asOf: string | null): Promise<ProblemFigures[]> {
  const area = queryArea(ctx, parseOptionalId(areaIdArg, 'areaId'));
  const counted = await problemFigureRows(ctx, ctx.areas.subtree(area.id).map((a) => a.id), groupBy, asOf ?? today());
  // Every group of the grouping has a row, with zeros where no problem was raised: a district
  // without problems is shown as such, not left out.
  const byKey = new Map(counted.map((r) => [r.key, r]));
  const keys =
    groupBy === ProblemGroupByValue.DISTRICT
      ? [...new Set([...(area.level === AreaLevel.DISTRICT ? [area.id] : ctx.areas.ofLevel(AreaLevel.DISTRICT, area.id).map((a) => a.id)).map(String), ...byKey.keys()])].sort((a, b) => Number(a) - Number(b))
      : groupBy === ProblemGroupByValue.CATEGORY
        ? [...new Set([...Object.keys(CATEGORY_LABELS), ...byKey.keys()])].sort()
        : groupBy === ProblemGroupByValue.LEVEL
          ? [...new Set([...Object.keys(LEVEL_LABELS), ...byKey.keys()])].sort()
          : ['ALL'];
  const rows = keys.map((key) => byKey.get(key) ?? noProblems(key));
  return rows.map((r) => {
    const district = groupBy === ProblemGroupByValue.DISTRICT ? (ctx.areas.get(Number(r.key)) ?? null) : null;
    const label =
      groupBy === ProblemGroupByValue.DISTRICT ? (district?.name ?? r.key) : groupBy === ProblemGroupByValue.CATEGORY ? CATEGORY_LABELS[r.key] ?? r.key : groupBy === ProblemGroupByValue.LEVEL ? LEVEL_LABELS[r.key] ?? r.key : area.name;
    return {
      key: r.key,
      label,
      district: district && district.level === AreaLevel.DISTRICT ? district : null,
      total: r.total,
      open: r.open,
      overdue: r.overdue,
      resolved: r.resolved,
      resolvedOnTime: r.resolvedOnTime,
      onTimeRate: percentage(BigInt(r.resolvedOnTime), BigInt(r.resolved)),
      closedOut: r.closedOut,
      listedForSupervision: r.listedForSupervision,
      averageDaysToResolve: ratio(BigInt(r.daysToResolveSum), BigInt(r.resolved), 1),
    };
  });
}
