import { escalationReasons, percentage, ratio } from '@kpd/domain';
import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, Float, ID, Int, Mutation, ObjectType, Query, registerEnumType, Resolver, Root } from 'type-graphql';
import { Role } from '../../core/auth/user.entity';
import { UserInputError } from '../../core/errors';
import { parseId, parseOptionalId } from '../../core/ids';
import { Connection, type Page } from '../../core/pagination';
import { LocalDateScalar, PeriodScalar } from '../../core/scalars';
import { loader, type Context } from '../../core/context';
import { Area, AreaLevel } from '../../core/areas/area.entity';
import { queryArea } from '../../core/areas/areas.service';
import { Project } from '../projects/project.entity';
import { projectLoader } from '../projects/projects.loaders';
import { EscalationReason, Problem, ProblemAction, ProblemNote } from './problem.entity';
import { ProblemFilter, ProblemMoveInput, RaiseProblemInput } from './problems.inputs';
import {
  addProblemNote,
  escalateOverdueProblems,
  evidenceOf,
  LIVE_STATUSES,
  listProblems,
  moveProblem,
  ProblemGroupByValue,
  problemFigureRows,
  raiseProblem,
  readableProblem,
  stateOf,
  today,
} from './problems.service';

registerEnumType(ProblemGroupByValue, {
  name: 'ProblemGroupBy',
  description: 'How problem figures are grouped. 分组方式',
  valuesConfig: {
    NONE: { description: 'One line for the whole area. 合计' },
    DISTRICT: { description: 'By district. 按区县' },
    CATEGORY: { description: 'By category. 按类别' },
    LEVEL: { description: 'By level (district / city). 按层级' },
  },
});

const ProblemConnection = Connection(Problem, 'Problem');

const notesLoader = (ctx: Context) =>
  new DataLoader<number, ProblemNote[]>(async (ids) => {
    const rows = await ctx.db.getRepository(ProblemNote).find({ where: { problemId: In([...ids]) }, order: { period: 'ASC', id: 'ASC' } });
    const grouped = new Map<number, ProblemNote[]>();
    for (const r of rows) grouped.set(r.problemId, [...(grouped.get(r.problemId) ?? []), r]);
    return ids.map((id) => grouped.get(id) ?? []);
  });

@ArgsType()
class ProblemsArgs {
  @Field(() => ProblemFilter, { nullable: true, description: 'Which problems. 筛选' })
  filter?: ProblemFilter | null;

  @Field(() => Int, { nullable: true, description: 'Page size (at most 100, default 20). 每页条数' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the item after which the page starts. 游标' })
  after?: string | null;
}

@ObjectType({ description: 'Problem figures of one group: open, overdue, resolved on time, average days to resolve. 问题统计' })
export class ProblemFigures {
  @Field({ description: 'The group: a district id, a category, a level, or ALL. 分组键' })
  key!: string;

  @Field({ description: 'The group in words. 分组名称' })
  label!: string;

  @Field(() => Area, { nullable: true, description: 'The district, when grouped by district. 区县' })
  district!: Area | null;

  @Field(() => Int, { description: 'Problems raised. 问题总数' })
  total!: number;

  @Field(() => Int, { description: 'Open or in progress. 未解决' })
  open!: number;

  @Field(() => Int, { description: 'Open or in progress past the deadline. 逾期未解决' })
  overdue!: number;

  @Field(() => Int, { description: 'Resolved or closed out. 已解决' })
  resolved!: number;

  @Field(() => Int, { description: 'Resolved by the deadline. 按期解决' })
  resolvedOnTime!: number;

  @Field(() => Float, { nullable: true, description: 'Resolved on time ÷ resolved, percent (one decimal); null when none is resolved. 按期解决率' })
  onTimeRate!: number | null;

  @Field(() => Int, { description: 'Closed out. 已销号' })
  closedOut!: number;

  @Field(() => Int, { description: 'Under city supervision. 市级挂牌督办' })
  listedForSupervision!: number;

  @Field(() => Float, { nullable: true, description: 'Average calendar days from raising to resolution (one decimal). 平均解决用时（天）' })
  averageDaysToResolve!: number | null;
}

const CATEGORY_LABELS: Record<string, string> = { LAND: '土地', PLANNING: '规划', PERMITS: '审批手续', POWER: '电力', DEMOLITION: '征收动迁', UTILITIES: '市政配套', FINANCING: '融资', OTHER: '其他' };
const LEVEL_LABELS: Record<string, string> = { DISTRICT: '区级限时解决', CITY: '市级挂牌督办' };

@Resolver(() => Problem)
export class ProblemsResolver {
  @Query(() => ProblemConnection, { description: 'Problems in your scope, earliest deadline first. 问题清单' })
  problems(@Args() args: ProblemsArgs, @Ctx() ctx: Context): Promise<Page<Problem>> {
    return listProblems(ctx, args.filter ?? null, { first: args.first, after: args.after });
  }

  @Query(() => Problem, { description: 'One problem. 问题' })
  problem(@Arg('id', () => ID, { description: 'Id of the problem' }) id: string, @Ctx() ctx: Context): Promise<Problem> {
    return readableProblem(ctx, parseId(id, 'id'));
  }

  @Query(() => [ProblemFigures], { description: 'Open, overdue, resolved-on-time figures and average days to resolve, grouped; computed by the database. 问题统计' })
  async problemFigures(
    @Arg('areaId', () => ID, { nullable: true, description: 'The area (default: your own)' }) areaIdArg: string | null,
    @Arg('groupBy', () => ProblemGroupByValue, { defaultValue: ProblemGroupByValue.NONE, description: 'Grouping' }) groupBy: ProblemGroupByValue,
    @Arg('asOf', () => LocalDateScalar, { nullable: true, description: 'The day overdue is judged on (default today)' }) asOf: string | null,
    @Ctx() ctx: Context,
  ): Promise<ProblemFigures[]> {
    const area = queryArea(ctx, parseOptionalId(areaIdArg, 'areaId'));
    const rows = await problemFigureRows(ctx, ctx.areas.subtree(area.id).map((a) => a.id), groupBy, asOf ?? today());
    return rows.map((r) => {
      const district = groupBy === ProblemGroupByValue.DISTRICT ? (ctx.areas.get(Number(r.key)) ?? null) : null;
      const label =
        groupBy === ProblemGroupByValue.DISTRICT ? (district?.name ?? r.key) : groupBy === ProblemGroupByValue.CATEGORY ? CATEGORY_LABELS[r.key] ?? r.key : groupBy === ProblemGroupByValue.LEVEL ? LEVEL_LABELS[r.key] ?? r.key : area.name;
      return {
        key: r.key,
        label,
        district: district && district.level === AreaLevel.DISTRICT ? district : null,
        total: r.total,
        open: r.open,
        overdue: r.overdue,
        resolved: r.resolved,
        resolvedOnTime: r.resolvedOnTime,
        onTimeRate: percentage(BigInt(r.resolvedOnTime), BigInt(r.resolved)),
        closedOut: r.closedOut,
        listedForSupervision: r.listedForSupervision,
        averageDaysToResolve: ratio(BigInt(r.daysToResolveSum), BigInt(r.resolved), 1),
      };
    });
  }

  @Authorized(Role.ADMIN, Role.SECRETARY)
  @Mutation(() => Problem, { description: 'Raises a problem against a project (its admins and secretaries); the deadline is counted in working days. 提出问题' })
  raiseProblem(@Arg('input', () => RaiseProblemInput, { description: 'The problem' }) input: RaiseProblemInput, @Ctx() ctx: Context): Promise<Problem> {
    return raiseProblem(ctx, input);
  }

  @Authorized(Role.ADMIN, Role.SECRETARY)
  @Mutation(() => Problem, {
    description: 'Moves a problem: start, resolve, close out (with evidence), reopen (with a reason), request escalation, escalate to city supervision (city admins). A move the state machine does not allow is BAD_USER_INPUT on `action`. 办理问题',
  })
  moveProblem(
    @Arg('id', () => ID, { description: 'The problem' }) id: string,
    @Arg('action', () => ProblemAction, { description: 'The move' }) action: ProblemAction,
    @Arg('input', () => ProblemMoveInput, { description: 'What the move carries' }) input: ProblemMoveInput,
    @Ctx() ctx: Context,
  ): Promise<Problem> {
    return moveProblem(ctx, parseId(id, 'id'), action, input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => [Problem], {
    description: 'Lists every district problem of an area whose deadline passed or whose district asked for city supervision under the named leader. Safe to repeat: answers only the problems moved this time. 逾期问题提级督办',
  })
  escalateOverdueProblems(
    @Arg('areaId', () => ID, { nullable: true, description: 'The area (default: your own)' }) areaId: string | null,
    @Arg('cityLeader', () => String, { description: 'The city leader in charge. 牵头市领导' }) cityLeader: string,
    @Arg('date', () => LocalDateScalar, { nullable: true, description: 'The day judged on (default today)' }) date: string | null,
    @Ctx() ctx: Context,
  ): Promise<Problem[]> {
    return escalateOverdueProblems(ctx, areaId, cityLeader, date);
  }

  @Authorized(Role.ADMIN, Role.SECRETARY)
  @Mutation(() => ProblemNote, { description: 'Adds the month’s follow-up note to a problem. 月度跟踪记录' })
  addProblemNote(
    @Arg('problemId', () => ID, { description: 'The problem' }) problemId: string,
    @Arg('period', () => PeriodScalar, { description: 'The month followed' }) period: string,
    @Arg('note', () => String, { description: 'What happened' }) note: string,
    @Ctx() ctx: Context,
  ): Promise<ProblemNote> {
    if (note.length > 2000) throw new UserInputError('note', '至多2000字 (at most 2000 characters)');
    return addProblemNote(ctx, parseId(problemId, 'problemId'), period, note);
  }

  @FieldResolver(() => Project, { nullable: true, description: 'The project held up. 项目' })
  project(@Root() p: Problem, @Ctx() ctx: Context): Promise<Project | null> {
    return loader(ctx, projectLoader).load(p.projectId);
  }

  @FieldResolver(() => Area, { description: 'The project’s district. 区县' })
  district(@Root() p: Problem, @Ctx() ctx: Context): Area {
    return ctx.areas.get(p.areaId)!;
  }

  @FieldResolver(() => [String], { description: 'The close-out evidence. 销号佐证' })
  evidence(@Root() p: Problem): string[] {
    return evidenceOf(p);
  }

  @FieldResolver(() => Boolean, { description: 'Open or in progress past its deadline today. 是否逾期' })
  overdue(@Root() p: Problem): boolean {
    return LIVE_STATUSES.includes(p.status) && today() > p.deadline;
  }

  @FieldResolver(() => [EscalationReason], { description: 'Why this district problem is due for city supervision today (empty when it is not). 待提级原因' })
  escalationDue(@Root() p: Problem): EscalationReason[] {
    return escalationReasons(stateOf(p), today()) as EscalationReason[];
  }

  @FieldResolver(() => [ProblemNote], { description: 'Monthly follow-up notes, oldest first. 跟踪记录' })
  notes(@Root() p: Problem, @Ctx() ctx: Context): Promise<ProblemNote[]> {
    return loader(ctx, notesLoader).load(p.id);
  }
}
