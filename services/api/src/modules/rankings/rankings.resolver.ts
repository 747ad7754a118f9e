import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { Arg, Authorized, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../../core/auth/user.entity';
import { PeriodScalar } from '../../core/scalars';
import { loader, type Context } from '../../core/context';
import { Project } from '../projects/project.entity';
import { projectLoader } from '../projects/projects.loaders';
import { publishRankingOf, rankHistoryOf, rankingOf } from './rankings.service';
import { EarlyWarning, InvestmentStats, MilestoneView, MilestoneViewEntry, PlanView, PlanVsActualRow, Ranking, RankHistoryEntry, StatsGroupBy } from './rankings.types';
import { investmentStatsOf, milestoneViewOf, planVsActualOf } from './statistics.service';
import { earlyWarningsOf } from './warnings.service';

const PROJECT_COUNT_FIELDS = new Set(['keyProjects', 'keyProjectsLastYear', 'keyProjectsChange', 'resumed', 'resumptionRate']);

/** Whether the query selects any of these fields anywhere below the current one (fragments followed). */
function selectsAny(info: GraphQLResolveInfo, names: Set<string>): boolean {
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode | undefined): boolean =>
    !!set &&
    set.selections.some((sel) => {
      if (sel.kind === Kind.FIELD) return names.has(sel.name.value) || walk(sel.selectionSet);
      if (sel.kind === Kind.INLINE_FRAGMENT) return walk(sel.selectionSet);
      if (seen.has(sel.name.value)) return false;
      seen.add(sel.name.value);
      return walk(info.fragments[sel.name.value]?.selectionSet);
    });
  return info.fieldNodes.some((node) => walk(node.selectionSet));
}

@Resolver()
export class RankingsResolver {
  @Authorized()
  @Query(() => Ranking, { description: 'A city’s ranking of its districts for a month (the published snapshot once published). Read by the city’s admins and analysts and by its districts’ admins. 月度排名' })
  ranking(
    @Arg('cityId', () => ID, { description: 'The city' }) cityId: string,
    @Arg('period', () => PeriodScalar, { description: 'The month' }) period: string,
    @Ctx() ctx: Context,
  ): Promise<Ranking> {
    return rankingOf(ctx, cityId, period);
  }

  @Authorized()
  @Query(() => [RankHistoryEntry], { description: 'A district’s published ranks, oldest first. 历次排名' })
  rankHistory(@Arg('districtId', () => ID, { description: 'The district' }) districtId: string, @Ctx() ctx: Context): Promise<RankHistoryEntry[]> {
    return rankHistoryOf(ctx, districtId);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Ranking, { description: 'Publishes (freezes) a city’s ranking of an ended month, recording who and when; a month is published once. 通报排名' })
  publishRanking(
    @Arg('cityId', () => ID, { description: 'The city' }) cityId: string,
    @Arg('period', () => PeriodScalar, { description: 'The month' }) period: string,
    @Ctx() ctx: Context,
  ): Promise<Ranking> {
    return publishRankingOf(ctx, cityId, period);
  }

  @Authorized()
  @Query(() => InvestmentStats, {
    description: 'Investment statistics of an area for a month: the month, the year to date, the same period last year and growth, plan completion, key projects and the resumption rate (复工率); grouped, computed by the database. 投资统计',
  })
  investmentStats(
    @Arg('areaId', () => ID, { description: 'The area' }) areaId: string,
    @Arg('period', () => PeriodScalar, { description: 'The month' }) period: string,
    @Arg('groupBy', () => StatsGroupBy, { defaultValue: StatsGroupBy.NONE, description: 'Grouping' }) groupBy: StatsGroupBy,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<InvestmentStats> {
    // The key-project counts scan every project of the area; only a query asking for them pays for it.
    return investmentStatsOf(ctx, areaId, period, groupBy, selectsAny(info, PROJECT_COUNT_FIELDS));
  }

  @Authorized()
  @Query(() => [PlanVsActualRow], { description: 'Plan against actual of an area’s year by month, quarter or year (月对账、季交账、年底算总账). 计划对账' })
  planVsActual(
    @Arg('areaId', () => ID, { description: 'The area' }) areaId: string,
    @Arg('year', () => Int, { description: 'The year' }) year: number,
    @Arg('view', () => PlanView, { defaultValue: PlanView.MONTH, description: 'Month, quarter or year' }) view: PlanView,
    @Ctx() ctx: Context,
  ): Promise<PlanVsActualRow[]> {
    return planVsActualOf(ctx, areaId, year, view);
  }

  @Authorized()
  @Query(() => [EarlyWarning], {
    description: 'Early warning for an area’s projects under construction: the year-end forecast from the year-to-date course (at risk below 90% of plan, before the light turns yellow) and back-loaded plans. 投资预警',
  })
  earlyWarnings(
    @Arg('areaId', () => ID, { nullable: true, description: 'The area (default: your own)' }) areaId: string | null,
    @Arg('period', () => PeriodScalar, { description: 'The latest month reported' }) period: string,
    @Arg('onlyFlagged', () => Boolean, { defaultValue: true, description: 'Only projects at risk or with a back-loaded plan' }) onlyFlagged: boolean,
    @Ctx() ctx: Context,
  ): Promise<EarlyWarning[]> {
    return earlyWarningsOf(ctx, areaId, period, onlyFlagged);
  }

  @Authorized()
  @Query(() => MilestoneView, { description: 'The milestones across an area’s projects in a month: due this month, met, late. 节点视图' })
  milestoneView(
    @Arg('areaId', () => ID, { nullable: true, description: 'The area (default: your own)' }) areaId: string | null,
    @Arg('period', () => PeriodScalar, { description: 'The month' }) period: string,
    @Ctx() ctx: Context,
  ): Promise<MilestoneView> {
    return milestoneViewOf(ctx, areaId, period);
  }
}

@Resolver(() => MilestoneViewEntry)
export class MilestoneViewEntryResolver {
  @FieldResolver(() => Project, { nullable: true, description: 'The project. 项目' })
  project(@Root() e: MilestoneViewEntry, @Ctx() ctx: Context): Promise<Project | null> {
    return loader(ctx, projectLoader).load(e.projectId);
  }
}

