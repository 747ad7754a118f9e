import { addMonths, investmentClearing, milestoneClearing, MILESTONE_RULE_VERSION } from '@kpd/domain';
import { canReadFigures } from '../../core/auth/policy';
import { loader, type Context } from '../../core/context';
import type { ProjectLight } from './light.entity';
import type { BoardEntry, LightClearing } from './lights.types';
import { lightsLoader, milestonesLoader, planMonthsLoader } from './projects.loaders';

/**
 * What clears a yellow or red light (转绿条件), from the rule that lit it (its rule version and the
 * figures stored with it) and the project's plan for the next month or its milestones; null for a
 * green light. The rule itself lives in packages/domain (clearing.ts).
 */
export async function lightClearing(ctx: Context, light: ProjectLight): Promise<LightClearing | null> {
  if (light.color === 'GREEN') return null;
  const figures = JSON.parse(light.figures) as { behindRun?: number; tolerancePercent?: number };
  const tolerancePercent = figures.tolerancePercent ?? 0;
  if (light.ruleVersion === MILESTONE_RULE_VERSION) {
    const milestones = await loader(ctx, milestonesLoader).load(light.projectId);
    const c = milestoneClearing({
      period: light.period,
      color: light.color,
      tolerancePercent,
      milestones: milestones.map((m) => ({ name: m.name, dueDate: m.dueDate, startDate: m.startDate, weight: m.weight, progress: m.progress, metDate: m.metDate })),
    });
    return c && { nextPeriod: c.nextPeriod, neededInvestment: null, redBy: c.redBy, explanation: c.explanation, milestones: c.needs };
  }
  const plans = await loader(ctx, planMonthsLoader).load(light.projectId);
  const plan = plans.find((p) => p.period === addMonths(light.period, 1));
  const c = investmentClearing({ period: light.period, color: light.color, behindRun: figures.behindRun ?? 0, tolerancePercent, nextPlannedFen: plan ? plan.plannedInvestment : null });
  return c && { nextPeriod: c.nextPeriod, neededInvestment: c.neededFen, redBy: c.redBy, explanation: c.explanation, milestones: [] };
}

/** What clears a board entry's light: admins and analysts whose scope holds the project; null for anyone else. */
export async function boardEntryClearing(ctx: Context, entry: BoardEntry): Promise<LightClearing | null> {
  if (!canReadFigures(ctx.viewer) || !entry.period) return null;
  const light = (await loader(ctx, lightsLoader).load(entry.projectId)).find((l) => l.period === entry.period);
  if (!light || !ctx.viewer.scope?.contains(light.areaId)) return null;
  return lightClearing(ctx, light);
}
