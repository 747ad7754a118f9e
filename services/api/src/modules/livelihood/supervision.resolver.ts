import { Arg, Authorized, Ctx, Extensions, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Public } from '../../core/auth/policy';
import { Role } from '../../core/auth/user.entity';
import { loader, type Context } from '../../core/context';
import { parseId, parseOptionalId } from '../../core/ids';
import { LivelihoodProject } from './project.entity';
import { AdviceAnswerInput, InspectionInput, SupervisionGroupInput } from './supervision.inputs';
import { Inspection, SupervisionAdvice, SupervisionGroup, SupervisionMember } from './supervision.entity';
import { advicesByInspection, advicesByProject, groupById, groupsByProject, inspectionById, inspectionsByProject, membersByGroup } from './supervision.loaders';
import * as supervision from './supervision.service';
import { AdviceStateType, InspectionPhoto, SupervisionSummaryType } from './supervision.types';
import { readableProject } from './delivery.service';
import { findSession } from './access';
import { VoteSession } from './session.entity';

@Resolver(() => SupervisionGroup)
export class SupervisionGroupResolver {
  @Authorized(Role.ADMIN)
  @Mutation(() => SupervisionGroup, { description: 'Forms a supervision group of delegates from the session’s roster for a project (the admins who run the congress). 组建监督小组' })
  formLivelihoodSupervisionGroup(@Arg('projectId', () => ID, { description: 'Project id' }) projectId: string, @Arg('input', () => SupervisionGroupInput, { description: 'The group' }) input: SupervisionGroupInput, @Ctx() ctx: Context): Promise<SupervisionGroup> {
    return supervision.formGroup(ctx, parseId(projectId, 'projectId'), {
      name: input.name,
      memberIds: input.memberIds.map((id, i) => parseId(id, `input.memberIds[${i}]`)),
      leaderId: parseOptionalId(input.leaderId, 'input.leaderId'),
    });
  }

  @Extensions({ listSize: 8 })
  @FieldResolver(() => [SupervisionMember], { description: 'The delegates, leader first. 成员' })
  members(@Root() g: SupervisionGroup, @Ctx() ctx: Context): Promise<SupervisionMember[]> {
    return loader(ctx, membersByGroup).load(g.id);
  }

  @FieldResolver(() => LivelihoodProject, { description: 'The project supervised. 监督项目' })
  project(@Root() g: SupervisionGroup, @Ctx() ctx: Context): Promise<LivelihoodProject> {
    return readableProject(ctx, g.projectId);
  }

  @Extensions({ listSize: 5 })
  @FieldResolver(() => [Inspection], { description: 'The group’s inspections by day. 检查记录' })
  async inspections(@Root() g: SupervisionGroup, @Ctx() ctx: Context): Promise<Inspection[]> {
    return (await loader(ctx, inspectionsByProject).load(g.projectId)).filter((i) => i.groupId === g.id);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the signed-in viewer is a delegate of the group. 我是成员' })
  async isMember(@Root() g: SupervisionGroup, @Ctx() ctx: Context): Promise<boolean> {
    return ctx.viewer.userId !== null && (await loader(ctx, membersByGroup).load(g.id)).some((m) => m.userId === ctx.viewer.userId);
  }
}

@Resolver(() => Inspection)
export class InspectionResolver {
  @Authorized(Role.ADMIN, Role.DELEGATE)
  @Mutation(() => Inspection, { description: 'Records an inspection with findings, photos and advices (督办建议) to the lead department (the group’s delegates or the congress’s admins). 记录监督检查' })
  recordLivelihoodInspection(@Arg('groupId', () => ID, { description: 'Supervision group id' }) groupId: string, @Arg('input', () => InspectionInput, { description: 'The inspection' }) input: InspectionInput, @Ctx() ctx: Context): Promise<Inspection> {
    return supervision.recordInspection(ctx, parseId(groupId, 'groupId'), {
      inspectedOn: input.inspectedOn,
      place: input.place,
      findings: input.findings,
      photoIds: input.photoIds ?? [],
      advices: (input.advices ?? []).map((a) => ({ content: a.content, workingDays: a.workingDays ?? null })),
    });
  }

  @FieldResolver(() => SupervisionGroup, { description: 'The group that inspected. 监督小组' })
  async group(@Root() i: Inspection, @Ctx() ctx: Context): Promise<SupervisionGroup> {
    return (await loader(ctx, groupById).load(i.groupId))!;
  }

  @Extensions({ listSize: 6 })
  @FieldResolver(() => [InspectionPhoto], { description: 'Photos with the checks’ flags (signed-in viewers whose scope covers the project; empty for others). 现场照片' })
  async photos(@Root() i: Inspection, @Ctx() ctx: Context): Promise<InspectionPhoto[]> {
    return supervision.inspectionPhotos(ctx, i);
  }

  @Extensions({ listSize: 3 })
  @FieldResolver(() => [SupervisionAdvice], { description: 'Advices issued with it. 督办建议' })
  advices(@Root() i: Inspection, @Ctx() ctx: Context): Promise<SupervisionAdvice[]> {
    return loader(ctx, advicesByInspection).load(i.id);
  }
}

@Resolver(() => SupervisionAdvice)
export class SupervisionAdviceResolver {
  @Public('supervision advices and the departments’ answers are published, overdue ones flagged')
  @Query(() => [SupervisionAdvice], { description: 'Advices (督办建议) of an area’s congresses and those below, by due day; public. 督办建议清单' })
  livelihoodSupervisionAdvices(
    @Arg('areaId', () => ID, { description: 'The area: its congress and every one below. 区域' }) areaId: string,
    @Arg('year', () => Int, { nullable: true, description: 'Only projects of this year. 年度' }) year: number | null,
    @Arg('overdueOnly', { defaultValue: false, description: 'Only unanswered advices past their due day. 仅超期' }) overdueOnly: boolean,
    @Ctx() ctx: Context,
  ): Promise<SupervisionAdvice[]> {
    return supervision.advicesOf(ctx, { areaId: parseId(areaId, 'areaId'), year: year ?? null, overdueOnly });
  }

  @Authorized(Role.ADMIN, Role.SECRETARY)
  @Mutation(() => SupervisionAdvice, { description: 'Enters the lead department’s answer to an advice, once (admins and responsible units of the area). 答复督办建议' })
  answerLivelihoodSupervisionAdvice(@Arg('id', () => ID, { description: 'Advice id' }) id: string, @Arg('input', () => AdviceAnswerInput, { description: 'The answer' }) input: AdviceAnswerInput, @Ctx() ctx: Context): Promise<SupervisionAdvice> {
    return supervision.answerAdvice(ctx, parseId(id, 'id'), input.answer, input.answeredBy);
  }

  @FieldResolver(() => AdviceStateType, { description: 'Where it stands against its due day today. 办理状态' })
  state(@Root() a: SupervisionAdvice): AdviceStateType {
    return supervision.stateOf(a) as AdviceStateType;
  }

  @FieldResolver(() => LivelihoodProject, { description: 'The project. 项目' })
  project(@Root() a: SupervisionAdvice, @Ctx() ctx: Context): Promise<LivelihoodProject> {
    return readableProject(ctx, a.projectId);
  }

  @FieldResolver(() => Inspection, { description: 'The inspection it came from. 来源检查' })
  async inspection(@Root() a: SupervisionAdvice, @Ctx() ctx: Context): Promise<Inspection> {
    return (await loader(ctx, inspectionById).load(a.inspectionId))!;
  }
}

@Resolver(() => LivelihoodProject)
export class ProjectSupervisionResolver {
  @FieldResolver(() => VoteSession, { description: 'The congress session that adopted it (its roster, for forming supervision groups). 票决会议' })
  session(@Root() p: LivelihoodProject, @Ctx() ctx: Context): Promise<VoteSession> {
    return findSession(ctx, p.sessionId);
  }

  @Extensions({ listSize: 3 })
  @FieldResolver(() => [SupervisionGroup], { description: 'Supervision groups of delegates (人大监督). 监督小组' })
  supervisionGroups(@Root() p: LivelihoodProject, @Ctx() ctx: Context): Promise<SupervisionGroup[]> {
    return loader(ctx, groupsByProject).load(p.id);
  }

  @Extensions({ listSize: 10 })
  @FieldResolver(() => [Inspection], { description: 'Inspections by day. 监督检查' })
  inspections(@Root() p: LivelihoodProject, @Ctx() ctx: Context): Promise<Inspection[]> {
    return loader(ctx, inspectionsByProject).load(p.id);
  }

  @FieldResolver(() => SupervisionSummaryType, { description: 'Groups, inspections and advices by state; overdue answers flagged. 监督情况' })
  async supervision(@Root() p: LivelihoodProject, @Ctx() ctx: Context): Promise<SupervisionSummaryType> {
    const [groups, inspections, advices] = await Promise.all([loader(ctx, groupsByProject).load(p.id), loader(ctx, inspectionsByProject).load(p.id), loader(ctx, advicesByProject).load(p.id)]);
    return supervision.summarise(groups.length, inspections.length, advices);
  }
}
