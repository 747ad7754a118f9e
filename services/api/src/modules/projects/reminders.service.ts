import { addMonths, investmentClearing, milestoneClearing, MILESTONE_RULE_VERSION } from '@kpd/domain';
import { In, type EntityManager } from 'typeorm';
import { ProjectLight } from './light.entity';
import { MonthlyReport, PlanMonth, ProjectMilestone } from './plan.entity';
import { Project, ProjectStage } from './project.entity';
import { LIBRARY_MEMBER_SQL } from './projects.service';

/** What a report reminder needs of a project: its name, city, construction months and reports. */
export interface ReminderProject {
  id: number;
  name: string;
  areaId: number;
  cityId: number;
  constructionStart: string;
  constructionEnd: string;
}

/** The lit projects among these (library members under construction). */
export async function litProjectsAmong(em: EntityManager, ids: number[]): Promise<ReminderProject[]> {
  if (ids.length === 0) return [];
  return em
    .getRepository(Project)
    .createQueryBuilder('p')
    .select(['p.id', 'p.name', 'p.areaId', 'p.cityId', 'p.constructionStart', 'p.constructionEnd'])
    .where('p.id IN (:...ids)', { ids: [...new Set(ids)] })
    .andWhere('p.stage IN (:...stages)', { stages: [ProjectStage.NEW, ProjectStage.CONTINUING] })
    .andWhere(LIBRARY_MEMBER_SQL, { __no: false })
    .getMany();
}

/** Which of these (project, period) pairs have a report: "id:period" keys. */
export async function reportedKeys(em: EntityManager, pairs: { projectId: number; period: string }[]): Promise<Set<string>> {
  if (pairs.length === 0) return new Set();
  const rows = await em.find(MonthlyReport, { where: pairs.map((p) => ({ projectId: p.projectId, period: p.period })), select: { projectId: true, period: true } });
  return new Set(rows.map((r) => `${r.projectId}:${r.period}`));
}

/**
 * What would make each yellow or red project green, from its latest light (转绿条件), for the
 * reminder to its secretary: the same rule as the project page (packages/domain/clearing.ts).
 */
export async function clearingHints(em: EntityManager, ids: number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  if (ids.length === 0) return out;
  const lights = await em.find(ProjectLight, { where: { projectId: In([...new Set(ids)]) }, order: { period: 'DESC' } });
  const latest = new Map<number, ProjectLight>();
  for (const l of lights) if (!latest.has(l.projectId)) latest.set(l.projectId, l);
  const bad = [...latest.values()].filter((l) => l.color !== 'GREEN');
  if (bad.length === 0) return out;
  const byMilestones = bad.filter((l) => l.ruleVersion === MILESTONE_RULE_VERSION);
  const milestones = byMilestones.length ? await em.find(ProjectMilestone, { where: { projectId: In(byMilestones.map((l) => l.projectId)) }, order: { dueDate: 'ASC', id: 'ASC' } }) : [];
  for (const l of byMilestones) {
    const figures = JSON.parse(l.figures) as { tolerancePercent?: number };
    const c = milestoneClearing({
      period: l.period,
      color: l.color,
      tolerancePercent: figures.tolerancePercent ?? 0,
      milestones: milestones.filter((m) => m.projectId === l.projectId).map((m) => ({ name: m.name, dueDate: m.dueDate, startDate: m.startDate, weight: m.weight, progress: m.progress, metDate: m.metDate })),
    });
    if (c) out.set(l.projectId, `${l.period} ${l.color === 'RED' ? '红灯' : '黄灯'}（${l.reason}）。转绿条件：${c.explanation}`);
  }
  const byInvestment = bad.filter((l) => l.ruleVersion !== MILESTONE_RULE_VERSION);
  const plans = byInvestment.length ? await em.find(PlanMonth, { where: byInvestment.map((l) => ({ projectId: l.projectId, period: addMonths(l.period, 1) })) }) : [];
  for (const l of byInvestment) {
    const figures = JSON.parse(l.figures) as { behindRun?: number; tolerancePercent?: number };
    const plan = plans.find((p) => p.projectId === l.projectId);
    const c = investmentClearing({ period: l.period, color: l.color, behindRun: figures.behindRun ?? 0, tolerancePercent: figures.tolerancePercent ?? 0, nextPlannedFen: plan ? plan.plannedInvestment : null });
    if (c) out.set(l.projectId, `${l.period} ${l.color === 'RED' ? '红灯' : '黄灯'}（${l.reason}）。转绿条件：${c.explanation}`);
  }
  return out;
}
