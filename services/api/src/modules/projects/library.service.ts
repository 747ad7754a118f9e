import { ConflictError, UserInputError } from '../../core/errors';
import { parseId } from '../../core/ids';
import { mutate } from '../../core/transaction';
import type { Context } from '../../core/context';
import { LightColor, ProjectLight, RemovalDecision } from './light.entity';
import { Project, ProjectStageChange } from './project.entity';
import type { RemovalArgs } from './projects.inputs';
import { editableProject } from './projects.scope';
import { now as clockNow } from '../../core/clock';

/** An admin confirms or declines the library removal a red light proposed, once, with a reason. */
export async function decideLibraryRemoval(ctx: Context, args: RemovalArgs): Promise<ProjectLight> {
  const project = await editableProject(ctx, parseId(args.projectId, 'projectId'));
  return mutate(ctx, async (tx) => {
    const light = await tx.em.findOneBy(ProjectLight, { projectId: project.id, period: args.period });
    if (!light) throw new UserInputError('period', `${args.period} 没有亮灯`);
    if (light.color !== LightColor.RED) throw new UserInputError('period', `${args.period} 不是红灯，没有剔除建议`);
    if (light.removal !== RemovalDecision.PROPOSED) throw new ConflictError(`${args.period} 的剔除建议已有决定（${light.removal}）`);
    const before = { ...light };
    const decision = args.confirm ? RemovalDecision.CONFIRMED : RemovalDecision.DECLINED;
    const now = clockNow();
    const result = await tx.em.update(
      ProjectLight,
      { id: light.id, removal: RemovalDecision.PROPOSED },
      { removal: decision, removalReason: args.reason.trim(), removalDecidedBy: ctx.viewer.username, removalDecidedAt: now },
    );
    if (result.affected === 0) throw new ConflictError('剔除建议刚被他人决定');
    if (args.confirm) {
      await tx.em.update(Project, { id: project.id }, { removedFromLibrary: true, version: project.version + 1, updatedAt: now });
      await tx.em.insert(ProjectStageChange, {
        projectId: project.id,
        fromStage: project.stage,
        toStage: project.stage,
        reason: `${args.period} 红灯，移出重点项目库：${args.reason.trim()}`,
        changedBy: ctx.viewer.username,
        changedAt: now,
      });
    }
    const after = await tx.em.findOneByOrFail(ProjectLight, { id: light.id });
    await tx.audit({ action: `library.removal.${decision.toLowerCase()}`, entityType: 'ProjectLight', entityId: light.id, areaId: project.areaId, before, after });
    return after;
  });
}
