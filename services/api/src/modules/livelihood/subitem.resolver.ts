import { Arg, Authorized, Ctx, Extensions, FieldResolver, Float, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Role } from '../../core/auth/user.entity';
import { loader, type Context } from '../../core/context';
import { parseId } from '../../core/ids';
import { Satisfaction } from './livelihood.types';
import { LivelihoodProject } from './project.entity';
import { formatQuantity, percentDone } from './quantity';
import { SubItem } from './subitem.entity';
import { SubItemInput } from './subitem.inputs';
import * as subitems from './subitem.service';
import { subItemsByProject } from './supervision.loaders';

@Resolver(() => SubItem)
export class SubItemResolver {
  @Authorized(Role.ADMIN)
  @Mutation(() => SubItem, { description: 'Adds a sub-item with its target and evaluating delegation to a project (湖州; the admins who run the congress). 添加分项目' })
  addLivelihoodSubItem(@Arg('projectId', () => ID, { description: 'Project id' }) projectId: string, @Arg('input', () => SubItemInput, { description: 'The sub-item' }) input: SubItemInput, @Ctx() ctx: Context): Promise<SubItem> {
    return subitems.addSubItem(ctx, parseId(projectId, 'projectId'), input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => SubItem, { description: 'Reports a sub-item’s quantity done so far, with a note. 报送分项目进展' })
  reportLivelihoodSubItem(
    @Arg('id', () => ID, { description: 'Sub-item id' }) id: string,
    @Arg('doneQuantity', { description: 'Quantity done so far (cumulative), a decimal string' }) doneQuantity: string,
    @Arg('note', { description: 'What was done' }) note: string,
    @Ctx() ctx: Context,
  ): Promise<SubItem> {
    return subitems.reportSubItem(ctx, parseId(id, 'id'), doneQuantity, note);
  }

  @Authorized(Role.DELEGATE)
  @Mutation(() => SubItem, { description: 'Rates a sub-item for the delegation that evaluates it, once (a delegate of that delegation on the roster). 代表团评议分项目' })
  rateLivelihoodSubItem(
    @Arg('id', () => ID, { description: 'Sub-item id' }) id: string,
    @Arg('rating', () => Satisfaction, { description: 'The delegation’s rating' }) rating: Satisfaction,
    @Arg('note', () => String, { nullable: true, description: 'Remarks' }) note: string | null,
    @Ctx() ctx: Context,
  ): Promise<SubItem> {
    return subitems.rateSubItem(ctx, parseId(id, 'id'), rating, note ?? null);
  }

  @FieldResolver(() => String, { description: 'Target quantity, a decimal string. 目标数量' })
  targetQuantity(@Root() s: SubItem): string {
    return formatQuantity(s.targetQuantity);
  }

  @FieldResolver(() => String, { description: 'Quantity done so far, a decimal string. 已完成' })
  doneQuantity(@Root() s: SubItem): string {
    return formatQuantity(s.doneQuantity);
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Done against the target in percent (at most 100). 完成率' })
  percent(@Root() s: SubItem): number | null {
    return percentDone(s.doneQuantity, s.targetQuantity);
  }

  @FieldResolver(() => Satisfaction, { nullable: true, description: 'The delegation’s rating; null until it rates. 代表团评议结果' })
  rating(@Root() s: SubItem): Satisfaction | null {
    return (s.rating as Satisfaction | null) ?? null;
  }
}

@Resolver(() => LivelihoodProject)
export class ProjectSubItemResolver {
  @Extensions({ listSize: 10 })
  @FieldResolver(() => [SubItem], { description: 'Sub-items by order, each with its progress and its delegation’s rating (湖州). 分项目' })
  subItems(@Root() p: LivelihoodProject, @Ctx() ctx: Context): Promise<SubItem[]> {
    return loader(ctx, subItemsByProject).load(p.id);
  }
}
