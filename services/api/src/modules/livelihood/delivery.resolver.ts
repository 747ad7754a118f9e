import { PageArgsType } from '../../core/pagination';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../../core/auth/user.entity';
import { isSignedIn } from '../../core/auth/viewer';
import { ForbiddenError, NotFoundError } from '../../core/errors';
import { parseId, parseOptionalId } from '../../core/ids';
import { PeriodScalar, LocalDateScalar } from '../../core/scalars';
import { loader, type Context } from '../../core/context';
import { Area, AreaLevel } from '../../core/areas/area.entity';
import { findSession, managesArea } from './access';
import type { EvaluationBallot } from './ballot.entity';
import * as delivery from './delivery.service';
import { candidateById, milestonesByProject, progressByProject, proposalById } from './loaders';
import {
  EvaluationReceiptType,
  EvaluationSheetConnection,
  MilestoneInput,
  ObligationInput,
  ProjectEvaluationType,
  ProjectProgressSummary,
  ProposalConnection,
  ProposalFilterInput,
  ProposalInput,
  PublishedEvaluationSheet,
  RatingInput,
  ScreeningInput,
  SubmittedProposal,
  Satisfaction,
} from './livelihood.types';
import { EvaluationRound, LivelihoodMilestone, LivelihoodProgress, LivelihoodProject } from './project.entity';
import { LivelihoodProposal, SCREENING_REASON_LABELS } from './proposal.entity';
import * as proposals from './proposals.service';
import { journeyOf } from './journey.service';
import { ProposalJourneyStep } from './journey.types';
import { formatQuantity, percentDone } from './quantity';
import { RoundStatus, VoteCandidateEntity } from './session.entity';

@Resolver(() => LivelihoodProposal)
export class ProposalResolver {
  @Mutation(() => SubmittedProposal, { description: 'Proposes a livelihood project: the public without signing in (throttled per address), delegates and departments signed in. 提交民生实事建议' })
  async submitLivelihoodProposal(@Arg('input', () => ProposalInput, { description: 'The proposal' }) input: ProposalInput, @Ctx() ctx: Context): Promise<SubmittedProposal> {
    const proposal = await proposals.submitProposal(ctx, {
      cityId: parseId(input.cityId, 'input.cityId'),
      districtId: parseOptionalId(input.districtId, 'input.districtId'),
      title: input.title,
      description: input.description,
      category: input.category,
      estimatedCost: input.estimatedCost ?? null,
      submitterName: input.submitterName ?? null,
      contact: input.contact ?? null,
    });
    return { trackingCode: proposal.trackingCode, proposal };
  }

  @Query(() => LivelihoodProposal, { nullable: true, description: 'A proposal by its tracking code, with its screening outcome; public. 建议查询' })
  livelihoodProposalByCode(@Arg('trackingCode', { description: 'The code given on submission' }) code: string, @Ctx() ctx: Context): Promise<LivelihoodProposal | null> {
    return proposals.proposalByTrackingCode(ctx, code);
  }

  @Query(() => ProposalConnection, { description: 'Proposals, newest first: in your scope, or (not signed in) the screened ones of a city. 建议列表' })
  livelihoodProposals(@Arg('filter', () => ProposalFilterInput, { nullable: true, description: 'Filters' }) filter: ProposalFilterInput | null, @Args(() => PageArgsType) page: PageArgsType, @Ctx() ctx: Context) {
    return proposals.listProposals(ctx, { cityId: parseOptionalId(filter?.cityId, 'filter.cityId'), status: filter?.status ?? null }, page);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => LivelihoodProposal, { description: 'Screens a proposal with a published outcome and reason code (admins of the city). 筛选建议' })
  screenLivelihoodProposal(@Arg('id', () => ID, { description: 'Proposal id' }) id: string, @Arg('input', () => ScreeningInput, { description: 'Outcome' }) input: ScreeningInput, @Ctx() ctx: Context): Promise<LivelihoodProposal> {
    return proposals.screenProposal(ctx, parseId(id, 'id'), {
      status: input.status,
      reasonCode: input.reasonCode,
      note: input.note ?? null,
      mergedIntoId: parseOptionalId(input.mergedIntoId, 'input.mergedIntoId'),
    });
  }

  @FieldResolver(() => String, { nullable: true, description: 'The tracking code (its proposer and admins only). 查询码' })
  trackingCode(@Root() p: LivelihoodProposal, @Ctx() ctx: Context): string | null {
    return proposals.seesPrivateFields(ctx, p) ? p.trackingCode : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Proposer’s name (admins of the city only). 建议人' })
  submitterName(@Root() p: LivelihoodProposal, @Ctx() ctx: Context): string | null {
    return managesArea(ctx, p.areaId) ? p.submitterName : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Proposer’s contact (admins of the city only). 联系方式' })
  contact(@Root() p: LivelihoodProposal, @Ctx() ctx: Context): string | null {
    return managesArea(ctx, p.areaId) ? p.contact : null;
  }

  @FieldResolver(() => [ProposalJourneyStep], { description: 'Its whole path under its tracking code: screening, candidate lists, the vote, the reserve, delivery and evaluation; public. 办理全过程' })
  journey(@Root() p: LivelihoodProposal, @Ctx() ctx: Context): Promise<ProposalJourneyStep[]> {
    return journeyOf(ctx, p);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The reason code in words. 理由' })
  reasonLabel(@Root() p: LivelihoodProposal): string | null {
    return p.reasonCode ? SCREENING_REASON_LABELS[p.reasonCode] : null;
  }

  @FieldResolver(() => Area, { description: 'The city. 城市' })
  city(@Root() p: LivelihoodProposal, @Ctx() ctx: Context): Area {
    return ctx.areas.get(p.areaId)!;
  }

  @FieldResolver(() => Area, { nullable: true, description: 'The district it would serve. 区县' })
  district(@Root() p: LivelihoodProposal, @Ctx() ctx: Context): Area | null {
    return p.districtId === null ? null : (ctx.areas.get(p.districtId) ?? null);
  }

  @FieldResolver(() => ID, { nullable: true, description: 'For a merged proposal: the one it went into. 合并到' })
  mergedIntoId(@Root() p: LivelihoodProposal): string | null {
    return p.mergedIntoId === null ? null : String(p.mergedIntoId);
  }
}

@Resolver(() => LivelihoodProject)
export class LivelihoodProjectResolver {
  @Query(() => [LivelihoodProject], { description: 'The board of livelihood projects of a year (挂图作战, 逐件销号); public. By cityId: that area’s own congress; by areaId: it and every congress below, narrowed by level. 民生实事看板' })
  async livelihoodBoard(
    @Arg('cityId', () => ID, { nullable: true, description: 'Only this area’s own congress (exactly this area)' }) cityId: string | null,
    @Arg('year', () => Int, { description: 'Year' }) year: number,
    @Arg('areaId', () => ID, { nullable: true, description: 'This area’s congress and every congress below it. 区域' }) areaId: string | null,
    @Arg('level', () => AreaLevel, { nullable: true, description: 'Only congresses of this level: CITY, DISTRICT (区县) or TOWNSHIP (乡镇街道). 层级' }) level: AreaLevel | null,
    @Ctx() ctx: Context,
  ): Promise<LivelihoodProject[]> {
    return delivery.boardOf(ctx, { cityId: parseOptionalId(cityId, 'cityId'), areaId: parseOptionalId(areaId, 'areaId'), level: level ?? null, year });
  }

  @Query(() => LivelihoodProject, { description: 'One livelihood project; public. 民生实事项目' })
  livelihoodProject(@Arg('id', () => ID, { description: 'Project id' }) id: string, @Ctx() ctx: Context): Promise<LivelihoodProject> {
    return delivery.readableProject(ctx, parseId(id, 'id'));
  }

  @FieldResolver(() => Area, { description: 'The city, county or township whose congress chose it. 行政区' })
  area(@Root() p: LivelihoodProject, @Ctx() ctx: Context): Area {
    const a = ctx.areas.get(p.areaId);
    if (!a) throw new NotFoundError('Area', p.areaId);
    return a;
  }

  @FieldResolver(() => AreaLevel, { description: 'The level of the congress that chose it. 层级' })
  level(@Root() p: LivelihoodProject, @Ctx() ctx: Context): AreaLevel {
    return this.area(p, ctx).level;
  }

  @FieldResolver(() => String, { description: 'Target quantity, a decimal string, e.g. "222". 目标数量' })
  targetQuantity(@Root() p: LivelihoodProject): string {
    return formatQuantity(p.targetQuantity);
  }

  @FieldResolver(() => [LivelihoodMilestone], { description: 'Milestones by due day. 节点' })
  milestones(@Root() p: LivelihoodProject, @Ctx() ctx: Context): Promise<LivelihoodMilestone[]> {
    return loader(ctx, milestonesByProject).load(p.id);
  }

  @FieldResolver(() => [LivelihoodProgress], { description: 'Monthly progress reports by month. 月度进展' })
  progress(@Root() p: LivelihoodProject, @Ctx() ctx: Context): Promise<LivelihoodProgress[]> {
    return loader(ctx, progressByProject).load(p.id);
  }

  @FieldResolver(() => ProjectProgressSummary, { description: 'Done so far against the target, and milestones. 完成情况' })
  async summary(@Root() p: LivelihoodProject, @Ctx() ctx: Context): Promise<ProjectProgressSummary> {
    const [reports, milestones] = await Promise.all([loader(ctx, progressByProject).load(p.id), loader(ctx, milestonesByProject).load(p.id)]);
    const done = reports.reduce((s, r) => s + r.quantityDone, 0n);
    const today = delivery.shanghaiToday();
    return {
      done: formatQuantity(done),
      percent: percentDone(done, p.targetQuantity),
      milestonesDone: milestones.filter((m) => m.doneDate).length,
      milestonesOverdue: milestones.filter((m) => !m.doneDate && m.dueDate < today).length,
      milestonesTotal: milestones.length,
    };
  }

  @FieldResolver(() => VoteCandidateEntity, { description: 'The candidate adopted by the vote. 候选项目' })
  async candidate(@Root() p: LivelihoodProject, @Ctx() ctx: Context): Promise<VoteCandidateEntity> {
    return (await loader(ctx, candidateById).load(p.candidateId))!;
  }

  @FieldResolver(() => [LivelihoodProposal], { description: 'The screened proposals behind it (public outcome fields). 来源建议' })
  async proposals(@Root() p: LivelihoodProject, @Ctx() ctx: Context): Promise<LivelihoodProposal[]> {
    const c = await loader(ctx, candidateById).load(p.candidateId);
    const ids = c?.proposalIds ? c.proposalIds.split(',').map(Number) : [];
    const rows = await loader(ctx, proposalById).loadMany(ids);
    return rows.filter((r): r is LivelihoodProposal => !!r && !(r instanceof Error));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => LivelihoodProject, { description: 'Sets a project’s lead department and target (admins of the city). 明确实施责任' })
  updateLivelihoodProject(@Arg('id', () => ID, { description: 'Project id' }) id: string, @Arg('input', () => ObligationInput, { description: 'Changes' }) input: ObligationInput, @Ctx() ctx: Context): Promise<LivelihoodProject> {
    return delivery.updateObligation(ctx, parseId(id, 'id'), input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => [LivelihoodMilestone], { description: 'Replaces a project’s milestones. 设置节点' })
  saveLivelihoodMilestones(@Arg('projectId', () => ID, { description: 'Project id' }) projectId: string, @Arg('milestones', () => [MilestoneInput], { description: 'Milestones' }) milestones: MilestoneInput[], @Ctx() ctx: Context): Promise<LivelihoodMilestone[]> {
    return delivery.saveMilestones(ctx, parseId(projectId, 'projectId'), milestones);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => LivelihoodProgress, { description: 'Reports a month’s quantity done (replaces that month’s report). 报送月度进展' })
  reportLivelihoodProgress(
    @Arg('projectId', () => ID, { description: 'Project id' }) projectId: string,
    @Arg('period', () => PeriodScalar, { description: 'The month' }) period: string,
    @Arg('quantityDone', { description: 'Quantity done in that month, a decimal string' }) quantityDone: string,
    @Arg('note', { description: 'What was done' }) note: string,
    @Ctx() ctx: Context,
  ): Promise<LivelihoodProgress> {
    return delivery.reportProgress(ctx, parseId(projectId, 'projectId'), period, quantityDone, note);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => LivelihoodProject, { description: 'Closes out a delivered project (销号). 销号' })
  completeLivelihoodProject(@Arg('projectId', () => ID, { description: 'Project id' }) projectId: string, @Arg('completedOn', () => LocalDateScalar, { description: 'Day delivered' }) completedOn: string, @Ctx() ctx: Context): Promise<LivelihoodProject> {
    return delivery.completeProject(ctx, parseId(projectId, 'projectId'), completedOn);
  }
}

@Resolver(() => LivelihoodProgress)
export class LivelihoodProgressResolver {
  @FieldResolver(() => String, { description: 'Quantity done in the month, a decimal string. 本月完成' })
  quantityDone(@Root() r: LivelihoodProgress): string {
    return formatQuantity(r.quantityDone);
  }
}

function publishSheet(b: EvaluationBallot): PublishedEvaluationSheet {
  return {
    receiptCode: b.receiptCode,
    ratings: b.ratings.split(';').map((pair) => {
      const [projectId, code] = pair.split(':');
      return { projectId, rating: delivery.CODE_RATING[code] as Satisfaction };
    }),
    ballotHash: b.ballotHash,
    prevHash: b.prevHash ?? '',
    chainHash: b.chainHash ?? '',
  };
}

@Resolver(() => EvaluationRound)
export class EvaluationResolver {
  @FieldResolver(() => [LivelihoodProject], { description: 'Projects rated, in sheet order. 测评项目' })
  async projects(@Root() e: EvaluationRound, @Ctx() ctx: Context): Promise<LivelihoodProject[]> {
    return delivery.evaluationProjects(ctx, e);
  }

  @FieldResolver(() => [ProjectEvaluationType], { nullable: true, description: 'Each project’s result by the rule; null while open. 测评结果' })
  async results(@Root() e: EvaluationRound, @Ctx() ctx: Context): Promise<ProjectEvaluationType[] | null> {
    const r = delivery.evaluationResult(e);
    if (!r) return null;
    const projects = await this.projects(e, ctx);
    return r.projects.map((p) => ({
      project: projects.find((x) => x.id === p.projectId)!,
      satisfied: p.satisfied,
      basicallySatisfied: p.basic,
      unsatisfied: p.unsatisfied,
      rating: p.rating as Satisfaction,
      delegateRating: (p.delegateRating ?? p.rating) as Satisfaction,
      delegateScore: p.delegateScore ?? null,
      publicScore: p.publicScore ?? null,
      score: p.score ?? null,
      publicSurvey: p.public ? { satisfied: p.public.satisfied, basicallySatisfied: p.public.basic, unsatisfied: p.public.unsatisfied, source: p.public.source } : null,
    }));
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Sheets returned; null while open. 收回测评票' })
  sheets(@Root() e: EvaluationRound): number | null {
    return delivery.evaluationResult(e)?.sheets ?? null;
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'Whether the signed-in delegate has rated (null for others). 我已评价' })
  async rated(@Root() e: EvaluationRound, @Ctx() ctx: Context): Promise<boolean | null> {
    if (!isSignedIn(ctx.viewer)) return null;
    return delivery.hasRated(ctx, e, ctx.viewer.userId);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => EvaluationRound, { description: 'Opens the year-end evaluation of a session’s projects. 开始年度测评' })
  openEvaluation(@Arg('sessionId', () => ID, { description: 'Session id' }) sessionId: string, @Arg('year', () => Int, { description: 'Year' }) year: number, @Ctx() ctx: Context): Promise<EvaluationRound> {
    return delivery.openEvaluation(ctx, parseId(sessionId, 'sessionId'), year);
  }

  @Authorized(Role.DELEGATE)
  @Mutation(() => EvaluationReceiptType, { description: 'A delegate on the roster rates every project, secretly, once. 提交测评' })
  submitEvaluation(
    @Arg('sessionId', () => ID, { description: 'Session id' }) sessionId: string,
    @Arg('year', () => Int, { description: 'Year' }) year: number,
    @Arg('ratings', () => [RatingInput], { description: 'One rating per project' }) ratings: RatingInput[],
    @Ctx() ctx: Context,
  ): Promise<EvaluationReceiptType> {
    return delivery.submitEvaluation(ctx, parseId(sessionId, 'sessionId'), year, ratings);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => EvaluationRound, { description: 'Closes the evaluation and rates each project by the rule. 结束测评' })
  closeEvaluation(@Arg('sessionId', () => ID, { description: 'Session id' }) sessionId: string, @Arg('year', () => Int, { description: 'Year' }) year: number, @Ctx() ctx: Context): Promise<EvaluationRound> {
    return delivery.closeEvaluation(ctx, parseId(sessionId, 'sessionId'), year);
  }

  @Query(() => PublishedEvaluationSheet, { nullable: true, description: 'The evaluation sheet with this receipt code once counted (null when none, or while open); reveals nothing about who rated. 测评回执核验' })
  async verifyEvaluationReceipt(
    @Arg('sessionId', () => ID, { description: 'Session id' }) sessionId: string,
    @Arg('year', () => Int, { description: 'Year' }) year: number,
    @Arg('receiptCode', { description: 'The receipt code kept after rating' }) receiptCode: string,
    @Ctx() ctx: Context,
  ): Promise<PublishedEvaluationSheet | null> {
    const session = await findSession(ctx, parseId(sessionId, 'sessionId'));
    const e = await delivery.evaluationOf(ctx, session.id, year);
    if (!e || e.status !== RoundStatus.CLOSED) return null;
    const sheet = await delivery.evaluationSheet(ctx, e, receiptCode);
    return sheet ? publishSheet(sheet) : null;
  }

  @Query(() => EvaluationSheetConnection, { description: 'The sheets of a counted evaluation by receipt code; public, refused while open. 公布测评票' })
  async publishedEvaluationSheets(
    @Arg('sessionId', () => ID, { description: 'Session id' }) sessionId: string,
    @Arg('year', () => Int, { description: 'Year' }) year: number,
    @Args(() => PageArgsType) page: PageArgsType,
    @Ctx() ctx: Context,
  ) {
    const session = await findSession(ctx, parseId(sessionId, 'sessionId'));
    const e = await delivery.evaluationOf(ctx, session.id, year);
    if (!e) throw new NotFoundError('Evaluation', year);
    if (e.status !== RoundStatus.CLOSED) throw new ForbiddenError('测评进行中，结束后公布 (no sheets while the evaluation is open)');
    const result = await delivery.evaluationSheets(ctx, e, page);
    const publish = publishSheet;
    return {
      nodes: result.nodes.map(publish),
      edges: result.edges.map((x) => ({ cursor: x.cursor, node: publish(x.node) })),
      pageInfo: result.pageInfo,
      get totalCount() {
        return result.totalCount;
      },
    };
  }
}

