import DataLoader from 'dataloader';
import { In, type EntityTarget, type ObjectLiteral } from 'typeorm';
import type { Context } from '../../core/context';
import { ProjectLight } from './light.entity';
import { MonthlyReport, PlanMonth, PlanYear, ProjectMilestone } from './plan.entity';
import { Project, ProjectStageChange } from './project.entity';
import { scopedProjects } from './projects.scope';

/** Rows of a project-owned table, grouped by project id (callers reach them through a readable project). */
function byProject<T extends ObjectLiteral & { projectId: number }>(entity: EntityTarget<T>, order: Record<string, 'ASC' | 'DESC'>) {
  return (ctx: Context) =>
    new DataLoader<number, T[]>(async (ids) => {
      const rows = await ctx.db.getRepository(entity).find({ where: { projectId: In([...ids]) } as never, order: order as never });
      const grouped = new Map<number, T[]>();
      for (const row of rows) {
        const list = grouped.get(row.projectId);
        if (list) list.push(row);
        else grouped.set(row.projectId, [row]);
      }
      return ids.map((id) => grouped.get(id) ?? []);
    });
}

/** A project and a month: the key of one light or one report. */
export interface ProjectMonth {
  projectId: number;
  period: string;
}

/**
 * The row of one month of a project-owned table, by (project, month): a page asking each project's
 * light or report of a month reads those months only (36 months of history each would be read and
 * thrown away otherwise). Every month asked in one tick goes in one statement, on the (project, period)
 * unique key.
 */
function byProjectMonth<T extends ObjectLiteral & ProjectMonth>(entity: EntityTarget<T>) {
  return (ctx: Context) =>
    new DataLoader<ProjectMonth, T | null, string>(
      async (keys) => {
        const ids = [...new Set(keys.map((k) => k.projectId))];
        const periods = [...new Set(keys.map((k) => k.period))];
        const rows = await ctx.db.getRepository(entity).find({ where: { projectId: In(ids), period: In(periods) } as never });
        const byKey = new Map(rows.map((r) => [`${r.projectId} ${r.period}`, r]));
        return keys.map((k) => byKey.get(`${k.projectId} ${k.period}`) ?? null);
      },
      { cacheKeyFn: (k) => `${k.projectId} ${k.period}` },
    );
}

export const lightsLoader = byProject(ProjectLight, { period: 'ASC' });
export const reportsLoader = byProject(MonthlyReport, { period: 'ASC' });
export const lightOfMonthLoader = byProjectMonth(ProjectLight);
export const reportOfMonthLoader = byProjectMonth(MonthlyReport);
export const planYearsLoader = byProject(PlanYear, { year: 'ASC' });
export const planMonthsLoader = byProject(PlanMonth, { period: 'ASC' });
export const milestonesLoader = byProject(ProjectMilestone, { dueDate: 'ASC', id: 'ASC' });
export const stageChangesLoader = byProject(ProjectStageChange, { changedAt: 'ASC', id: 'ASC' });

/** Projects by id, within the viewer's scope (null outside it). */
export const projectLoader = (ctx: Context) =>
  new DataLoader<number, Project | null>(async (ids) => {
    const rows = await scopedProjects(ctx).andWhere('p.id IN (:...ids)', { ids: [...ids] }).getMany();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });
