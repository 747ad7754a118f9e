import { isBackLoaded, parsePeriod, periodRange, yearEndForecast, type LightColor as DomainLight, type YearEndForecast } from '@kpd/domain';
import { In } from 'typeorm';
import type { Context } from '../../core/context';
import type { Area } from '../../core/areas/area.entity';
import { ProjectLight } from '../projects/light.entity';
import { MonthlyReport, PlanMonth } from '../projects/plan.entity';
import type { Project } from '../projects/project.entity';
import { scopedProjects } from '../projects/projects.scope';
import { statsArea } from './statistics.service';

export interface ProjectWarning extends YearEndForecast {
  project: Project;
  backLoaded: boolean;
  light: string | null;
}

/**
 * Early warning (投资预警) for an area's projects under construction in a month: the year-end forecast
 * from the year-to-date course against the plan (at risk below 90% of the annual plan; an early warning
 * while the month's light is still green or unlit), and plans putting most of the year in its last
 * quarter. Three statements whatever the number of projects; the rules are `packages/domain`'s.
 */
export async function earlyWarnings(ctx: Context, area: Area, period: string, onlyFlagged: boolean): Promise<ProjectWarning[]> {
  const ids = ctx.areas.subtree(area.id).map((a) => a.id);
  const projects = await scopedProjects(ctx)
    .andWhere('p.area_id IN (:...wIds) AND p.stage IN (:...wStages)', { wIds: ids, wStages: ['NEW', 'CONTINUING'] })
    .andWhere('p.construction_start <= :wp AND p.construction_end >= :wp', { wp: period })
    .orderBy('p.code', 'ASC')
    .getMany();
  if (projects.length === 0) return [];
  const pids = projects.map((p) => p.id);
  const { year } = parsePeriod(period);
  const periods = periodRange(`${year}-01`, `${year}-12`);
  const [plans, reports, lights] = await Promise.all([
    ctx.db.getRepository(PlanMonth).find({ where: { projectId: In(pids), period: In(periods) } }),
    ctx.db.getRepository(MonthlyReport).find({ where: { projectId: In(pids), period: In(periods.filter((p) => p <= period)) } }),
    ctx.db.getRepository(ProjectLight).find({ where: { projectId: In(pids), period } }),
  ]);
  const out: ProjectWarning[] = [];
  for (const project of projects) {
    const mine = plans.filter((m) => m.projectId === project.id);
    const months = mine.map((m) => ({
      month: parsePeriod(m.period).month,
      plannedInvestment: m.plannedInvestment,
      actualInvestment: reports.find((r) => r.projectId === project.id && r.period === m.period)?.actualInvestment ?? null,
    }));
    // Months reported without a monthly plan still count as done.
    for (const r of reports) {
      if (r.projectId === project.id && !mine.some((m) => m.period === r.period)) {
        months.push({ month: parsePeriod(r.period).month, plannedInvestment: 0n, actualInvestment: r.actualInvestment });
      }
    }
    const light = lights.find((l) => l.projectId === project.id)?.color ?? null;
    const forecast = yearEndForecast({ period, months, light: light as DomainLight | null });
    const backLoaded = isBackLoaded(months);
    if (onlyFlagged && !forecast.atRisk && !backLoaded) continue;
    out.push({ ...forecast, project, backLoaded, light });
  }
  return out.sort((a, b) => (a.forecastPercent ?? 1e9) - (b.forecastPercent ?? 1e9) || a.project.code.localeCompare(b.project.code));
}

/** The early warnings of an area in the viewer's scope (admins and analysts). */
export async function earlyWarningsOf(ctx: Context, areaIdArg: string | null, period: string, onlyFlagged: boolean): Promise<ProjectWarning[]> {
  const area = statsArea(ctx, areaIdArg);
  return earlyWarnings(ctx, area, period, onlyFlagged);
}
