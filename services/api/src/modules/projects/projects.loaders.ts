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
      for (const row of rows) grouped.set(row.projectId, [...(grouped.get(row.projectId) ?? []), row]);
      return ids.map((id) => grouped.get(id) ?? []);
    });
}

export const lightsLoader = byProject(ProjectLight, { period: 'ASC' });
export const reportsLoader = byProject(MonthlyReport, { period: 'ASC' });
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
