import { PageArgsType } from '../../core/pagination';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { canReadContacts, FIGURE_READERS, PROJECT_REPORTERS, requireScope } from '../../core/auth/policy';
import { TokenScope } from '../../core/auth/token-scope';
import { Role } from '../../core/auth/user.entity';
import { ForbiddenError } from '../../core/errors';
import { parseId } from '../../core/ids';
import type { Page } from '../../core/pagination';
import { LocalDateScalar } from '../../core/scalars';
import { ImportResult } from '../../core/xlsx';
import { loader, type Context } from '../../core/context';
import { Area } from '../../core/areas/area.entity';
import { Problem } from '../problems/problem.entity';
import { Project } from '../projects/project.entity';
import { projectLoader } from '../projects/projects.loaders';
import { projectsByIds, quietProjects, secretaryOverview, workloadOf } from './figures.service';
import { AreaDayArgs, AssignSecretaryInput, CreateSecretaryInput, EvaluationInput, SecretaryFilter, ServiceLogFilter, ServiceLogInput, UpdateSecretaryInput } from './secretaries.inputs';
import { assignmentsOfProject, assignmentsOfSecretary, evaluationsOfSecretary, problemsOfSecretary, secretaryLoader } from './secretaries.loaders';
import { assignSecretary, createSecretary, endAssignment, listSecretaries, listServiceLog, logService, scoreSecretary, secretaryById, todayOr, updateSecretary } from './secretaries.service';
import { QuietProject, QuietProjectConnection, SecretaryAreaFigures, SecretaryConnection, SecretaryOverview, SecretaryWorkload, ServiceLogConnection } from './secretaries.types';
import { importEvaluations } from './secretaries.xlsx';
import { Secretary, SecretaryAssignment, SecretaryEvaluation, ServiceLogEntry } from './secretary.entity';

@Resolver(() => Secretary)
export class SecretariesResolver {
  @Authorized()
  @Query(() => SecretaryConnection, { description: 'Secretaries in your reach (a secretary: itself). 服务秘书列表' })
  secretaries(
    @Arg('filter', () => SecretaryFilter, { nullable: true, description: 'Which secretaries. 筛选' }) filter: SecretaryFilter | null,
    @Args() page: PageArgsType,
    @Ctx() ctx: Context,
  ): Promise<Page<Secretary>> {
    return listSecretaries(ctx, filter, page);
  }

  @Authorized()
  @Query(() => Secretary, { description: 'One secretary in your reach. 服务秘书' })
  secretary(@Arg('id', () => ID, { description: 'Id of the secretary' }) id: string, @Ctx() ctx: Context): Promise<Secretary> {
    return secretaryById(ctx, id);
  }

  @Authorized(FIGURE_READERS)
  @Query(() => SecretaryOverview, { description: 'Coverage (every key project has a secretary), secretaries and projects per secretary, quiet projects: the area and each district. 服务秘书总览' })
  secretaryOverview(@Args() args: AreaDayArgs, @Ctx() ctx: Context): Promise<SecretaryOverview> {
    return secretaryOverview(ctx, args);
  }

  @Authorized(FIGURE_READERS)
  @Query(() => QuietProjectConnection, { description: 'Key projects without secretary contact for the city’s N days, longest silence first. 无联系预警项目' })
  quietProjects(@Args() args: AreaDayArgs, @Ctx() ctx: Context): Promise<Page<QuietProject>> {
    return quietProjects(ctx, args);
  }

  @Authorized()
  @Query(() => ServiceLogConnection, { description: 'Service-log entries in your reach, newest first. 服务日志' })
  serviceLog(
    @Arg('filter', () => ServiceLogFilter, { nullable: true, description: 'Which entries. 筛选' }) filter: ServiceLogFilter | null,
    @Args() page: PageArgsType,
    @Ctx() ctx: Context,
  ): Promise<Page<ServiceLogEntry>> {
    return listServiceLog(ctx, filter, page);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Secretary, { description: 'Enters a service secretary of a district in your scope. 新增服务秘书' })
  createSecretary(@Arg('input', () => CreateSecretaryInput, { description: 'The secretary' }) input: CreateSecretaryInput, @Ctx() ctx: Context): Promise<Secretary> {
    return createSecretary(ctx, input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Secretary, { description: 'Changes a secretary’s details. 修改服务秘书' })
  updateSecretary(
    @Arg('id', () => ID, { description: 'Id of the secretary' }) id: string,
    @Arg('input', () => UpdateSecretaryInput, { description: 'The changes' }) input: UpdateSecretaryInput,
    @Ctx() ctx: Context,
  ): Promise<Secretary> {
    return updateSecretary(ctx, parseId(id, 'id'), input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => SecretaryAssignment, { description: 'Assigns a secretary to a project (sole, or lead or member of a reinforced team). 任命服务秘书' })
  assignSecretary(@Arg('input', () => AssignSecretaryInput, { description: 'The assignment' }) input: AssignSecretaryInput, @Ctx() ctx: Context): Promise<SecretaryAssignment> {
    return assignSecretary(ctx, input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => SecretaryAssignment, { description: 'Ends an assignment on a day (its last day). 结束任命' })
  endSecretaryAssignment(
    @Arg('id', () => ID, { description: 'Id of the assignment' }) id: string,
    @Arg('endDate', () => LocalDateScalar, { description: 'The last day served. 结束日期' }) endDate: string,
    @Ctx() ctx: Context,
  ): Promise<SecretaryAssignment> {
    return endAssignment(ctx, parseId(id, 'id'), endDate);
  }

  @Authorized(PROJECT_REPORTERS)
  @Mutation(() => ServiceLogEntry, { description: 'Logs a visit, call, meeting or approval help for a project you serve. 记录服务日志' })
  logService(@Arg('input', () => ServiceLogInput, { description: 'The contact' }) input: ServiceLogInput, @Ctx() ctx: Context): Promise<ServiceLogEntry> {
    return logService(ctx, input);
  }

  @Authorized(Role.EVALUATOR)
  @Mutation(() => SecretaryEvaluation, { description: 'Enters (or corrects) a third-party score of a secretary for a period. 录入评估评分' })
  scoreSecretary(@Arg('input', () => EvaluationInput, { description: 'The score' }) input: EvaluationInput, @Ctx() ctx: Context): Promise<SecretaryEvaluation> {
    return scoreSecretary(ctx, input);
  }

  @Authorized(Role.EVALUATOR, Role.ADMIN)
  @Mutation(() => ImportResult, { description: 'Imports third-party scores from an uploaded .xlsx: dryRun checks, otherwise every row or none. 导入评估评分' })
  importSecretaryEvaluations(
    @Arg('fileId', () => ID, { description: 'The uploaded workbook. 文件' }) fileId: string,
    @Arg('dryRun', { description: 'Only check, write nothing. 试导入' }) dryRun: boolean,
    @Ctx() ctx: Context,
  ): Promise<ImportResult> {
    return importEvaluations(ctx, fileId, dryRun);
  }

  @FieldResolver(() => Area, { description: 'The district the secretary works in. 所属区县' })
  district(@Root() s: Secretary, @Ctx() ctx: Context): Area {
    return ctx.areas.get(s.areaId)!;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Telephone and other contact details: admins in scope only (FORBIDDEN for anyone else). 联系方式' })
  contact(@Root() s: Secretary, @Ctx() ctx: Context): string {
    if (!canReadContacts(ctx.viewer, s.areaId)) requireScope(ctx.viewer, TokenScope.READ_CONTACTS, 'Secretary.contact');
    if (!canReadContacts(ctx.viewer, s.areaId)) throw new ForbiddenError('Contact details are for admins of the secretary’s area');
    return s.contact;
  }

  @FieldResolver(() => Boolean, { description: 'Whether the secretary signs in with an account of its own. 已开通账号' })
  hasAccount(@Root() s: Secretary): boolean {
    return s.userId !== null;
  }

  @FieldResolver(() => [SecretaryAssignment], { description: 'Its assignments, past and running, oldest first. 任命记录' })
  assignments(@Root() s: Secretary, @Ctx() ctx: Context): Promise<SecretaryAssignment[]> {
    return loader(ctx, assignmentsOfSecretary).load(s.id);
  }

  @FieldResolver(() => SecretaryWorkload, { description: 'Its workload on a day. 工作量' })
  workload(
    @Root() s: Secretary,
    @Arg('today', () => LocalDateScalar, { nullable: true, description: 'The day (default: today, Asia/Shanghai). 统计日' }) today: string | null,
    @Ctx() ctx: Context,
  ): Promise<SecretaryWorkload> {
    return workloadOf(ctx, s, today);
  }

  @FieldResolver(() => [Problem], { description: 'The problems it answers for (raised by it, or by others while it led the project) that you may read, earliest deadline first. 责任问题' })
  problems(@Root() s: Secretary, @Ctx() ctx: Context): Promise<Problem[]> {
    return loader(ctx, problemsOfSecretary).load(s.id);
  }

  @FieldResolver(() => SecretaryEvaluation, { nullable: true, description: 'The score of the latest period, for lists; null before the first. 最近评分' })
  async latestEvaluation(@Root() s: Secretary, @Ctx() ctx: Context): Promise<SecretaryEvaluation | null> {
    return (await loader(ctx, evaluationsOfSecretary).load(s.id)).at(-1) ?? null;
  }

  @FieldResolver(() => [SecretaryEvaluation], { description: 'Third-party scores, oldest period first. 评估记录' })
  evaluations(@Root() s: Secretary, @Ctx() ctx: Context): Promise<SecretaryEvaluation[]> {
    return loader(ctx, evaluationsOfSecretary).load(s.id);
  }
}

@Resolver(() => SecretaryAssignment)
export class SecretaryAssignmentResolver {
  @FieldResolver(() => Project, { nullable: true, description: 'The project (null when outside your reach). 项目' })
  project(@Root() a: SecretaryAssignment, @Ctx() ctx: Context): Promise<Project | null> {
    return loader(ctx, projectLoader).load(a.projectId);
  }

  @FieldResolver(() => Secretary, { nullable: true, description: 'The secretary (null when outside your reach). 服务秘书' })
  secretary(@Root() a: SecretaryAssignment, @Ctx() ctx: Context): Promise<Secretary | null> {
    return loader(ctx, secretaryLoader).load(a.secretaryId);
  }

  @FieldResolver(() => Boolean, { description: 'Whether it runs today (Asia/Shanghai). 在任' })
  active(@Root() a: SecretaryAssignment, @Ctx() ctx: Context): boolean {
    const today = todayOr(ctx, null);
    return a.startDate <= today && (a.endDate === null || a.endDate >= today);
  }
}

@Resolver(() => ServiceLogEntry)
export class ServiceLogEntryResolver {
  @FieldResolver(() => Project, { nullable: true, description: 'The project (null when outside your reach). 项目' })
  project(@Root() e: ServiceLogEntry, @Ctx() ctx: Context): Promise<Project | null> {
    return loader(ctx, projectLoader).load(e.projectId);
  }

  @FieldResolver(() => Secretary, { nullable: true, description: 'Whose contact it was (null when outside your reach). 服务秘书' })
  secretary(@Root() e: ServiceLogEntry, @Ctx() ctx: Context): Promise<Secretary | null> {
    return loader(ctx, secretaryLoader).load(e.secretaryId);
  }
}

@Resolver(() => QuietProject)
export class QuietProjectResolver {
  @FieldResolver(() => [Secretary], { description: 'Its secretaries that day (those in your reach). 服务秘书' })
  async secretaries(@Root() q: QuietProject, @Ctx() ctx: Context): Promise<Secretary[]> {
    return (await loader(ctx, secretaryLoader).loadMany(q.secretaryIds)).filter((s): s is Secretary => s instanceof Secretary);
  }
}

@Resolver(() => SecretaryAreaFigures)
export class SecretaryAreaFiguresResolver {
  @FieldResolver(() => [Project], { description: 'Key projects without a secretary, by name. 未配备秘书的重点项目' })
  uncoveredProjects(@Root() f: SecretaryAreaFigures, @Ctx() ctx: Context): Promise<Project[]> {
    return projectsByIds(ctx, f.uncoveredProjectIds);
  }
}

@Resolver(() => Problem)
export class ProblemSecretaryResolver {
  @FieldResolver(() => Secretary, { nullable: true, description: 'The service secretary answerable for it: who raised it, or the project’s lead secretary the day it was raised (null when none, or outside your reach). 责任秘书' })
  secretary(@Root() p: Problem, @Ctx() ctx: Context): Promise<Secretary | null> | null {
    return p.secretaryId === null ? null : loader(ctx, secretaryLoader).load(p.secretaryId);
  }

  @FieldResolver(() => Secretary, { nullable: true, description: 'The service secretary who resolved it, when a secretary did (null otherwise, or outside your reach). 办结秘书' })
  resolvedBySecretary(@Root() p: Problem, @Ctx() ctx: Context): Promise<Secretary | null> | null {
    return p.resolvedBySecretaryId === null ? null : loader(ctx, secretaryLoader).load(p.resolvedBySecretaryId);
  }
}

@Resolver(() => Project)
export class ProjectSecretariesResolver {
  // A project has a few assignments (a reinforced team is a lead and some members), not a page of them.
  @FieldResolver(() => [SecretaryAssignment], { complexity: ({ childComplexity }) => 10 * childComplexity, description: 'Its service secretaries’ assignments, past and running, oldest first. 服务秘书' })
  secretaryAssignments(@Root() p: Project, @Ctx() ctx: Context): Promise<SecretaryAssignment[]> {
    return loader(ctx, assignmentsOfProject).load(p.id);
  }
}
