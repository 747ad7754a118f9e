import type { SatisfactionRating } from '@kpd/domain';
import { ConflictError, ForbiddenError, NotFoundError, UserInputError, type FieldProblem } from '../../core/errors';
import { mutate } from '../../core/transaction';
import type { Context } from '../../core/context';
import { rosterEntryOf } from './access';
import { managedProject, readableProject, shanghaiToday } from './delivery.service';
import { parseQuantity, type Milli } from './quantity';
import { RosterEntry } from './session.entity';
import { SubItem } from './subitem.entity';

// 分项目 (湖州): a project's parts, each with its own target and progress, evaluated by the delegation of its place.

function quantityProblems(text: string, field: string, problems: FieldProblem[]): Milli | null {
  try {
    return parseQuantity(text, field);
  } catch (e) {
    if (e instanceof UserInputError) problems.push(...(e.extensions.problems as FieldProblem[]));
    else throw e;
    return null;
  }
}

export interface SubItemFields {
  name: string;
  delegation: string;
  targetQuantity: string;
  unit: string;
}

/** Adds a sub-item to a project (the admins who run its congress); its delegation must be one on the session's roster. */
export async function addSubItem(ctx: Context, projectId: number, f: SubItemFields): Promise<SubItem> {
  const project = await managedProject(ctx, projectId);
  const problems: FieldProblem[] = [];
  if (!f.name || f.name.trim().length < 2 || f.name.length > 200) problems.push({ field: 'input.name', reason: '分项目名称须为 2–200 个字 (2 to 200 characters)' });
  const onRoster = await ctx.db.getRepository(RosterEntry).existsBy({ sessionId: project.sessionId, delegation: f.delegation.trim() });
  if (!onRoster) problems.push({ field: 'input.delegation', reason: '不是本次会议名册上的代表团 (not a delegation on the session’s roster)' });
  const target = quantityProblems(f.targetQuantity, 'input.targetQuantity', problems);
  if (target === 0n) problems.push({ field: 'input.targetQuantity', reason: '目标须大于 0 (must be more than 0)' });
  if (!f.unit || f.unit.trim() === '' || f.unit.length > 32) problems.push({ field: 'input.unit', reason: '须为 1–32 个字 (1 to 32 characters)' });
  if (problems.length) throw UserInputError.of(problems);
  return mutate(ctx, async (tx) => {
    const count = await tx.em.countBy(SubItem, { projectId });
    if (count >= 50) throw new UserInputError('projectId', '每个项目最多 50 个分项目 (at most 50)');
    const item = tx.em.create(SubItem, {
      projectId,
      areaId: project.areaId,
      position: count + 1,
      name: f.name.trim(),
      delegation: f.delegation.trim(),
      targetQuantity: target!,
      doneQuantity: 0n,
      unit: f.unit.trim(),
      progressNote: null,
      progressOn: null,
      rating: null,
      ratingNote: null,
      ratedOn: null,
      ratedByUserId: null,
    });
    await tx.em.insert(SubItem, item);
    await tx.audit({ action: 'livelihood.subitem.add', entityType: 'LivelihoodProject', entityId: projectId, areaId: project.areaId, after: item });
    return item;
  });
}

async function findSubItem(ctx: Context, id: number): Promise<SubItem> {
  const item = await ctx.db.getRepository(SubItem).findOneBy({ id });
  if (!item) throw new NotFoundError('LivelihoodSubItem', id);
  return item;
}

/** Reports a sub-item's quantity done so far (cumulative) with a note (the admins who run the congress). */
export async function reportSubItem(ctx: Context, id: number, doneQuantity: string, note: string): Promise<SubItem> {
  const item = await findSubItem(ctx, id);
  await managedProject(ctx, item.projectId);
  const problems: FieldProblem[] = [];
  const done = quantityProblems(doneQuantity, 'doneQuantity', problems);
  if (!note || note.trim().length < 2 || note.length > 500) problems.push({ field: 'note', reason: '进展情况须为 2–500 个字 (2 to 500 characters)' });
  if (problems.length) throw UserInputError.of(problems);
  return mutate(ctx, async (tx) => {
    const before = { ...item };
    Object.assign(item, { doneQuantity: done!, progressNote: note.trim(), progressOn: shanghaiToday() });
    await tx.em.save(item);
    await tx.audit({ action: 'livelihood.subitem.report', entityType: 'LivelihoodSubItem', entityId: id, areaId: item.areaId, before, after: item });
    return item;
  });
}

/**
 * The delegation's evaluation of a sub-item (湖州: each delegation rates the part in its place): a
 * delegate of that delegation on the session's roster rates it once for the delegation.
 */
export async function rateSubItem(ctx: Context, id: number, rating: SatisfactionRating, note: string | null): Promise<SubItem> {
  const item = await findSubItem(ctx, id);
  const project = await readableProject(ctx, item.projectId);
  const entry = await rosterEntryOf(ctx, project.sessionId);
  if (entry.delegation !== item.delegation) throw new ForbiddenError(`该分项目由${item.delegation}评议 (rated by another delegation)`);
  if (note !== null && note.length > 500) throw new UserInputError('note', '评议意见最多 500 个字 (at most 500 characters)');
  if (item.rating !== null) throw new ConflictError(`${item.delegation}已于 ${item.ratedOn} 评议 (already rated)`);
  return mutate(ctx, async (tx) => {
    const values = { rating, ratingNote: note?.trim() || null, ratedOn: shanghaiToday(), ratedByUserId: ctx.viewer.userId };
    const result = await tx.em.createQueryBuilder().update(SubItem).set(values).where('id = :id AND rating IS NULL', { id }).execute();
    if (!result.affected) throw new ConflictError(`${item.delegation}刚已评议 (rated a moment ago)`);
    await tx.audit({ action: 'livelihood.subitem.rate', entityType: 'LivelihoodSubItem', entityId: id, areaId: item.areaId, after: { delegation: item.delegation, rating } });
    return Object.assign(item, values);
  });
}
