import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, Float, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { Role } from '../../core/auth/user.entity';
import { ForbiddenError, UserInputError } from '../../core/errors';
import { parseId } from '../../core/ids';
import { Connection, pageSize, type Page } from '../../core/pagination';
import { LocalDateScalar } from '../../core/scalars';
import { ImportResult } from '../../core/xlsx';
import { loader, type Context } from '../../core/context';
import { Area } from '../../core/areas/area.entity';
import { Problem } from '../problems/problem.entity';
import { scopedProblems } from '../problems/problems.service';
import { Project } from '../projects/project.entity';
import { projectLoader } from '../projects/projects.loaders';
import { AssignSecretaryInput, CreateSecretaryInput, EvaluationInput, SecretaryFilter, ServiceLogFilter, ServiceLogInput, UpdateSecretaryInput } from './secretaries.inputs';
import { maySeeContact, scopedSecretaries } from './secretaries.scope';
import {
  assignSecretary,
  createSecretary,
  endAssignment,
  listSecretaries,
  listServiceLog,
  logService,
  projectsByIds,
  scoreSecretary,
  secretaryById,
  secretaryFigures,
  todayOr,
  updateSecretary,
  workloadsOf,
  type AreaFigures,
} from './secretaries.service';
import { importEvaluations } from './secretaries.xlsx';
import { Secretary, SecretaryAssignment, SecretaryEvaluation, ServiceLogEntry } from './secretary.entity';

const SecretaryConnection = Connection(Secretary, 'Secretary');
const ServiceLogConnection = Connection(ServiceLogEntry, 'ServiceLogEntry');

@ObjectType({ description: 'What a secretary carries on a day. 服务秘书工作量' })
class SecretaryWorkload {
  @Field(() => LocalDateScalar, { description: 'The day the figures are for. 统计日' })
  today!: string;

  @Field(() => Int, { description: 'Projects it serves that day. 服务项目数' })
  projects!: number;

  @Field(() => Int, { description: 'Its log entries of the last 30 days (today included). 近30天服务日志数' })
  logEntriesLast30Days!: number;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Its last logged contact. 最近联系日期' })
  lastContactDate!: string | null;

  @Field(() => Int, { description: 'Its projects without contact for the city’s N days. 无联系预警项目数' })
  quietProjects!: number;

  @Field(() => Int, { description: 'Problems it answers for (raised by it, or by others while it led the project) still open or in progress that day. 未解决问题' })
  openProblems!: number;

  @Field(() => Int, { description: 'Of those, the ones past their deadline (the problem list’s overdue rule). 逾期问题' })
  overdueProblems!: number;

  @Field(() => Float, { nullable: true, description: 'Average calendar days from raising to resolution of its resolved problems (one decimal); null when none is resolved. 平均办结天数' })
  averageDaysToResolve!: number | null;
}

@ObjectType({ description: 'Secretaries and coverage of an area (a city, a district). 服务秘书配备情况' })
class SecretaryAreaFigures {
  @Field(() => Area, { description: 'The area. 区划' })
  area!: Area;

  @Field(() => Int, { description: 'Secretaries working in the area. 服务秘书人数' })
  secretaries!: number;

  @Field(() => Int, { description: 'Key projects (library members under construction). 重点项目数' })
  keyProjects!: number;

  @Field(() => Int, { description: 'Key projects with a secretary that day. 已配备秘书项目数' })
  covered!: number;

  @Field(() => Float, { nullable: true, description: 'Covered ÷ key projects, in percent with one decimal. 配备率' })
  coveragePercent!: number | null;

  @Field(() => Int, { description: 'Projects served by a secretary. 服务项目数' })
  projectsServed!: number;

  @Field(() => Float, { nullable: true, description: 'Projects served per secretary (two decimals). 人均服务项目数' })
  projectsPerSecretary!: number | null;

  @Field(() => Int, { description: 'Covered key projects without contact for the city’s N days. 无联系预警项目数' })
  quietProjects!: number;

  uncoveredProjectIds!: number[];
}

@ObjectType({ description: 'Secretary coverage and workload of an area and of each of its districts. 服务秘书总览' })
class SecretaryOverview {
  @Field(() => LocalDateScalar, { description: 'The day the figures are for. 统计日' })
  today!: string;

  @Field(() => SecretaryAreaFigures, { description: 'The whole area. 合计' })
  total!: SecretaryAreaFigures;

  @Field(() => [SecretaryAreaFigures], { description: 'Each district of the area in your scope. 分区县' })
  districts!: SecretaryAreaFigures[];
}

@ObjectType({ description: 'A key project whose secretaries have not been in touch for the city’s N days. 无联系预警' })
class QuietProject {
  @Field(() => Project, { description: 'The project. 项目' })
  project!: Project;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The last logged contact; none when never contacted. 最近联系日期' })
  lastContactDate!: string | null;

  @Field(() => Int, { nullable: true, description: 'Days since that contact. 未联系天数' })
  daysSinceContact!: number | null;

  @Field(() => Int, { description: 'The city’s N. 预警天数' })
  noContactDays!: number;

  secretaryIds!: number[];
}

const QuietProjectConnection = Connection(QuietProject, 'QuietProject');

@ArgsType()
class PageArgsType {
  @Field(() => Int, { nullable: true, description: 'Page size (at most 100, default 20). 每页条数' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the item after which the page starts. 游标' })
  after?: string | null;
}

@ArgsType()
class AreaDayArgs extends PageArgsType {
  @Field(() => ID, { nullable: true, description: 'The area (default: your scope). 区划' })
  areaId?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The day (default: today, Asia/Shanghai). 统计日' })
  today?: string | null;
}

/** Pages a list computed in memory: the cursor is the position. */
function pageOf<T>(items: T[], first: number | null | undefined, after: string | null | undefined): Page<T> {
  const limit = pageSize(first);
  let start = 0;
  if (after) {
    const n = Number(Buffer.from(after, 'base64url').toString('utf8'));
    if (!Number.isInteger(n) || n < 0 || n >= items.length) throw new UserInputError('after', 'is not a cursor this list gave out');
    start = n + 1;
  }
  const nodes = items.slice(start, start + limit);
  const edges = nodes.map((node, i) => ({ node, cursor: Buffer.from(String(start + i), 'utf8').toString('base64url') }));
  return { nodes, edges, pageInfo: { hasNextPage: start + limit < items.length, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: Promise.resolve(items.length) };
}

const secretaryLoader = (ctx: Context) =>
  new DataLoader<number, Secretary | null>(async (ids) => {
    const rows = await scopedSecretaries(ctx).andWhere('s.id IN (:...ids)', { ids: [...ids] }).getMany();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });

function grouped<T extends { [k: string]: unknown }>(rows: T[], key: keyof T, ids: readonly number[]): T[][] {
  const m = new Map<number, T[]>();
  for (const r of rows) m.set(r[key] as number, [...(m.get(r[key] as number) ?? []), r]);
  return ids.map((id) => m.get(id) ?? []);
}

const workloadLoader = (ctx: Context) =>
  new DataLoader<{ s: Secretary; today: string }, Awaited<ReturnType<typeof workloadsOf>>[number], string>((keys) => workloadsOf(ctx, keys), {
    cacheKeyFn: (k) => `${k.s.id}|${k.today}`,
  });

const assignmentsOfSecretary = (ctx: Context) =>
  new DataLoader<number, SecretaryAssignment[]>(async (ids) =>
    grouped(await ctx.db.getRepository(SecretaryAssignment).find({ where: { secretaryId: In([...ids]) }, order: { startDate: 'ASC', id: 'ASC' } }) as never[], 'secretaryId', ids),
  );
const assignmentsOfProject = (ctx: Context) =>
  new DataLoader<number, SecretaryAssignment[]>(async (ids) =>
    grouped(await ctx.db.getRepository(SecretaryAssignment).find({ where: { projectId: In([...ids]) }, order: { startDate: 'ASC', id: 'ASC' } }) as never[], 'projectId', ids),
  );
const problemsOfSecretary = (ctx: Context) =>
  new DataLoader<number, Problem[]>(async (ids) =>
    grouped(
      (await scopedProblems(ctx).andWhere('pr.secretary_id IN (:...sIds)', { sIds: [...ids] }).orderBy('pr.deadline', 'ASC').addOrderBy('pr.id', 'ASC').getMany()) as never[],
      'secretaryId',
      ids,
    ),
  );
const evaluationsOfSecretary = (ctx: Context) =>
  new DataLoader<number, SecretaryEvaluation[]>(async (ids) =>
    grouped(await ctx.db.getRepository(SecretaryEvaluation).find({ where: { secretaryId: In([...ids]) }, order: { period: 'ASC' } }) as never[], 'secretaryId', ids),
  );

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

  @Authorized(Role.ADMIN, Role.ANALYST)
  @Query(() => SecretaryOverview, { description: 'Coverage (every key project has a secretary), secretaries and projects per secretary, quiet projects: the area and each district. 服务秘书总览' })
  async secretaryOverview(@Args() args: AreaDayArgs, @Ctx() ctx: Context): Promise<SecretaryOverview> {
    const today = todayOr(ctx, args.today);
    const { total, districts } = await secretaryFigures(ctx, args.areaId ?? null, today);
    const wrap = (f: AreaFigures) => Object.assign(new SecretaryAreaFigures(), f);
    return { today, total: wrap(total), districts: districts.map(wrap) };
  }

  @Authorized(Role.ADMIN, Role.ANALYST)
  @Query(() => QuietProjectConnection, { description: 'Key projects without secretary contact for the city’s N days, longest silence first. 无联系预警项目' })
  async quietProjects(@Args() args: AreaDayArgs, @Ctx() ctx: Context): Promise<Page<QuietProject>> {
    const today = todayOr(ctx, args.today);
    const { states } = await secretaryFigures(ctx, args.areaId ?? null, today);
    const quiet = states
      .filter((s) => s.quiet)
      .sort((a, b) => (b.daysSinceContact ?? Infinity) - (a.daysSinceContact ?? Infinity) || a.project.id - b.project.id);
    const page = pageOf(quiet, args.first, args.after);
    const projects = new Map((await projectsByIds(ctx, page.nodes.map((s) => s.project.id))).map((p) => [p.id, p]));
    const nodes = page.nodes.map((s) =>
      Object.assign(new QuietProject(), {
        project: projects.get(s.project.id)!,
        lastContactDate: s.lastContactDate,
        daysSinceContact: s.daysSinceContact,
        noContactDays: s.noContactDays,
        secretaryIds: s.assignments.filter((a) => a.startDate <= today && (a.endDate === null || a.endDate >= today)).map((a) => a.secretaryId),
      }),
    );
    return { ...page, nodes, edges: page.edges.map((e, i) => ({ cursor: e.cursor, node: nodes[i] })) };
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

  @Authorized(Role.ADMIN, Role.SECRETARY)
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
    if (!maySeeContact(ctx, s)) throw new ForbiddenError('Contact details are for admins of the secretary’s area');
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
  async workload(
    @Root() s: Secretary,
    @Arg('today', () => LocalDateScalar, { nullable: true, description: 'The day (default: today, Asia/Shanghai). 统计日' }) today: string | null,
    @Ctx() ctx: Context,
  ): Promise<SecretaryWorkload> {
    const day = todayOr(ctx, today);
    const w = await loader(ctx, workloadLoader).load({ s, today: day });
    return { today: day, ...w };
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
