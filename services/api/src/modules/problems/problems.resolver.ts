import { escalationReasons } from '@kpd/domain';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PROJECT_REPORTERS } from '../../core/auth/policy';
import { Role } from '../../core/auth/user.entity';
import { UserInputError } from '../../core/errors';
import { parseId } from '../../core/ids';
import type { Page } from '../../core/pagination';
import { LocalDateScalar, PeriodScalar } from '../../core/scalars';
import { loader, type Context } from '../../core/context';
import { Area } from '../../core/areas/area.entity';
import { filesOf, StoredFile } from '../../core/files';
import { PROBLEM_EVIDENCE } from './problems.files';
import { Project } from '../projects/project.entity';
import { projectLoader } from '../projects/projects.loaders';
import { problemFiguresOf } from './figures.service';
import { EscalationReason, Problem, ProblemAction, ProblemNote } from './problem.entity';
import { ProblemMoveInput, ProblemsArgs, RaiseProblemInput } from './problems.inputs';
import { notesLoader } from './problems.loaders';
import { readableProblem } from './problems.scope';
import { addProblemNote, escalateOverdueProblems, evidenceOf, LIVE_STATUSES, listProblems, moveProblem, raiseProblem, stateOf, today } from './problems.service';
import { ProblemConnection, ProblemFigures, ProblemGroupByValue } from './problems.types';

@Resolver(() => Problem)
export class ProblemsResolver {
  @Authorized()
  @Query(() => ProblemConnection, { description: 'Problems in your scope, earliest deadline first. 问题清单' })
  problems(@Args() args: ProblemsArgs, @Ctx() ctx: Context): Promise<Page<Problem>> {
    return listProblems(ctx, args.filter ?? null, args);
  }

  @Authorized()
  @Query(() => Problem, { description: 'One problem. 问题' })
  problem(@Arg('id', () => ID, { description: 'Id of the problem' }) id: string, @Ctx() ctx: Context): Promise<Problem> {
    return readableProblem(ctx, parseId(id, 'id'));
  }

  @Authorized()
  @Query(() => [ProblemFigures], { description: 'Open, overdue, resolved-on-time figures and average days to resolve, grouped; computed by the database. Every group has a row (every district of the area, every category, both levels), zeros where no problem was raised. 问题统计' })
  problemFigures(
    @Arg('areaId', () => ID, { nullable: true, description: 'The area (default: your own)' }) areaIdArg: string | null,
    @Arg('groupBy', () => ProblemGroupByValue, { defaultValue: ProblemGroupByValue.NONE, description: 'Grouping' }) groupBy: ProblemGroupByValue,
    @Arg('asOf', () => LocalDateScalar, { nullable: true, description: 'The day overdue is judged on (default today)' }) asOf: string | null,
    @Ctx() ctx: Context,
  ): Promise<ProblemFigures[]> {
    return problemFiguresOf(ctx, areaIdArg, groupBy, asOf);
  }

  @Authorized(PROJECT_REPORTERS)
  @Mutation(() => Problem, { description: 'Raises a problem against a project (its admins and secretaries); the deadline is counted in working days. 提出问题' })
  raiseProblem(@Arg('input', () => RaiseProblemInput, { description: 'The problem' }) input: RaiseProblemInput, @Ctx() ctx: Context): Promise<Problem> {
    return raiseProblem(ctx, input);
  }

  @Authorized(PROJECT_REPORTERS)
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

  @Authorized(PROJECT_REPORTERS)
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

  @FieldResolver(() => [StoredFile], { description: 'Pictures attached to the close-out. 佐证附件' })
  evidenceFiles(@Root() p: Problem, @Ctx() ctx: Context): Promise<StoredFile[]> {
    return filesOf(ctx, PROBLEM_EVIDENCE).load(String(p.id));
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
