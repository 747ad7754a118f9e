import type { RateResult } from '@kpd/domain';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MoneyScalar, PeriodScalar } from '../../core/scalars';
import { Area } from '../../core/areas/area.entity';
import { Project } from '../projects/project.entity';
import { ProjectMilestone } from '../projects/plan.entity';
import type { StatsLine } from './statistics.service';

export enum StatsGroupBy {
  NONE = 'NONE',
  DISTRICT = 'DISTRICT',
  CATEGORY = 'CATEGORY',
  MONTH = 'MONTH',
}

export enum PlanView {
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  YEAR = 'YEAR',
}

export enum MilestoneState {
  DUE = 'DUE',
  MET = 'MET',
  MET_LATE = 'MET_LATE',
  LATE = 'LATE',
}

registerEnumType(StatsGroupBy, {
  name: 'StatsGroupBy',
  description: 'How investment statistics are grouped. 分组方式',
  valuesConfig: {
    NONE: { description: 'One line for the area. 合计' },
    DISTRICT: { description: 'By district. 按区县' },
    CATEGORY: { description: 'By project category. 按项目类别' },
    MONTH: { description: 'By month of the year to date. 按月' },
  },
});
registerEnumType(PlanView, {
  name: 'PlanView',
  description: 'Month, quarter or year view of plan against actual (月对账、季交账、年底算总账). 对账周期',
  valuesConfig: { MONTH: { description: 'Monthly reconciliation. 月对账' }, QUARTER: { description: 'Quarterly account. 季交账' }, YEAR: { description: 'Year-end total. 年底算总账' } },
});
registerEnumType(MilestoneState, {
  name: 'MilestoneState',
  description: 'Where a milestone stands in the month viewed. 节点状态',
  valuesConfig: {
    DUE: { description: 'Due this month, not yet met. 本月到期' },
    MET: { description: 'Met on time. 按期完成' },
    MET_LATE: { description: 'Met after its due date. 逾期完成' },
    LATE: { description: 'Past its due date and not met. 逾期未完成' },
  },
});

@ObjectType({ description: 'A rate with the reason when it cannot be computed (zero base, nothing planned). 比率' })
export class Rate {
  @Field(() => Float, { nullable: true, description: 'Percent with one decimal; null when it cannot be computed. 百分比' })
  percent!: number | null;

  @Field(() => String, { nullable: true, description: 'Why there is no rate (ZERO_BASE, BOTH_ZERO, NO_PLAN). 原因代码' })
  reasonCode!: string | null;

  @Field(() => String, { nullable: true, description: 'Why there is no rate, in words. 说明' })
  reason!: string | null;
}
export const rate = (r: RateResult): Rate => ({ percent: r.percent, reasonCode: r.reasonCode, reason: r.reason });

@ObjectType('RankingWeightsUsed', { description: 'The weights a ranking was computed with. 排名所用权重' })
export class RankingWeightsUsed {
  @Field(() => Float, { description: 'Milestone completion rate. 节点完成率' })
  milestoneRate!: number;

  @Field(() => Float, { description: 'Year-to-date investment completion. 投资完成率' })
  investmentRate!: number;

  @Field(() => Float, { description: 'Lights. 亮灯' })
  lights!: number;
}

@ObjectType({ description: 'One district’s line of a monthly ranking. 排名' })
export class RankingRow {
  @Field(() => Area, { description: 'The district. 区县' })
  district!: Area;

  @Field(() => Int, { nullable: true, description: 'Rank (1, 2, 2, 4 on ties); null when unscored. 名次' })
  rank!: number | null;

  @Field(() => Float, { nullable: true, description: 'Weighted score 0–100. 得分' })
  score!: number | null;

  @Field(() => Int, { description: 'Key projects under construction. 在建重点项目数' })
  projectCount!: number;

  @Field(() => Int, { description: 'Milestones due this year by the month’s end. 到期节点' })
  milestonesDue!: number;

  @Field(() => Int, { description: 'Of those, met on time. 按期完成节点' })
  milestonesMetOnTime!: number;

  @Field(() => Float, { nullable: true, description: 'Milestone completion rate, percent. 节点完成率' })
  milestoneRate!: number | null;

  @Field(() => MoneyScalar, { description: 'Year-to-date plan in 元. 年初至今计划投资' })
  ytdPlanned!: bigint;

  @Field(() => MoneyScalar, { description: 'Year-to-date actual in 元. 年初至今完成投资' })
  ytdActual!: bigint;

  @Field(() => Float, { nullable: true, description: 'Year-to-date investment completion, percent. 投资完成率' })
  investmentRate!: number | null;

  @Field(() => Int, { description: 'Green lights. 绿灯' })
  green!: number;

  @Field(() => Int, { description: 'Yellow lights. 黄灯' })
  yellow!: number;

  @Field(() => Int, { description: 'Red lights. 红灯' })
  red!: number;

  @Field(() => Float, { nullable: true, description: '(green + yellow ÷ 2) ÷ lit, percent. 亮灯得分' })
  lightScore!: number | null;
}

@ObjectType({ description: 'A city’s monthly ranking of its districts: live, or the frozen published snapshot. 月度排名' })
export class Ranking {
  @Field(() => Area, { description: 'The city. 城市' })
  city!: Area;

  @Field(() => PeriodScalar, { description: 'The month. 月份' })
  period!: string;

  @Field({ description: 'Published (frozen). 已通报' })
  published!: boolean;

  @Field(() => String, { nullable: true, description: 'Who published it. 通报人' })
  publishedBy!: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was published. 通报时间' })
  publishedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'SHA-256 of the published ranking’s canonical JSON (`pnpm verify-publication ranking:<id>` recomputes it); null when live. 通报哈希' })
  sha256!: string | null;

  @Field(() => RankingWeightsUsed, { description: 'The weights used. 权重' })
  weights!: RankingWeightsUsed;

  @Field(() => [RankingRow], { description: 'Best first; unscored districts last. 排名表' })
  rows!: RankingRow[];
}

@ObjectType({ description: 'A district’s rank in one published month. 历次排名' })
export class RankHistoryEntry extends RankingRow {
  @Field(() => PeriodScalar, { description: 'The month. 月份' })
  period!: string;

  @Field(() => Int, { description: 'How many districts were ranked. 参评区县数' })
  ranked!: number;
}

@ObjectType({ description: 'Investment figures of one group for a month. 投资统计' })
export class InvestmentStatsRow {
  @Field({ description: 'The group: a district id, a category, a month (01–12) or ALL. 分组键' })
  key!: string;

  @Field({ description: 'The group in words. 名称' })
  label!: string;

  @Field(() => Area, { nullable: true, description: 'The district, grouped by district. 区县' })
  district!: Area | null;

  @Field(() => MoneyScalar, { description: 'The month’s actual investment in 元. 当月完成投资' })
  monthActual!: bigint;

  @Field(() => MoneyScalar, { description: 'Year to date in 元. 年初至今完成投资' })
  ytdActual!: bigint;

  @Field(() => MoneyScalar, { description: 'The same month last year. 上年同月' })
  lastYearMonthActual!: bigint;

  @Field(() => MoneyScalar, { description: 'The same period last year. 上年同期' })
  lastYearYtdActual!: bigint;

  @Field(() => Rate, { description: 'The month on the same month last year. 当月同比' })
  monthGrowth!: Rate;

  @Field(() => Rate, { description: 'Year to date on the same period last year. 累计同比' })
  ytdGrowth!: Rate;

  @Field(() => MoneyScalar, { description: 'The month’s plan. 当月计划' })
  monthPlanned!: bigint;

  @Field(() => MoneyScalar, { description: 'Year-to-date plan. 年初至今计划' })
  ytdPlanned!: bigint;

  @Field(() => Rate, { description: 'Year to date against plan. 计划完成率' })
  ytdCompletion!: Rate;

  @Field(() => Int, { nullable: true, description: 'Key projects under construction this month (not by month). 重点项目数' })
  keyProjects!: number | null;

  @Field(() => Int, { nullable: true, description: 'The same a year earlier. 上年同期重点项目数' })
  keyProjectsLastYear!: number | null;

  @Field(() => Int, { nullable: true, description: 'Change on last year. 同比增减' })
  keyProjectsChange!: number | null;

  @Field(() => Int, { nullable: true, description: 'Key projects under construction that reported investment this month. 已复工项目数' })
  resumed!: number | null;

  @Field(() => Float, { nullable: true, description: 'Resumed ÷ under construction, percent. 复工率' })
  resumptionRate!: number | null;

  @Field({
    description:
      'Whether any monthly report was filed for this group in its month (by month: in that month). Missing is not zero: a row with reported false lists a group where nothing was reported, its amounts reading 0.00 for want of figures. 是否已填报',
  })
  reported!: boolean;
}

@ObjectType({
  description:
    'Investment statistics of an area for a month. By district every district of the area has a row, reported or not; `reported` tells a district with nothing reported from one that reported zero. 投资统计',
})
export class InvestmentStats {
  @Field(() => Area, { description: 'The area. 区划' })
  area!: Area;

  @Field(() => PeriodScalar, { description: 'The month. 月份' })
  period!: string;

  @Field(() => InvestmentStatsRow, { description: 'The whole area. 合计' })
  total!: InvestmentStatsRow;

  @Field(() => [InvestmentStatsRow], { description: 'The groups. 分组' })
  rows!: InvestmentStatsRow[];
}

@ObjectType({ description: 'Plan against actual for a month, a quarter or the year. 计划对账' })
export class PlanVsActualRow {
  @Field({ description: 'The span in words. 期间' })
  label!: string;

  @Field(() => PeriodScalar, { description: 'First month. 起' })
  from!: string;

  @Field(() => PeriodScalar, { description: 'Last month. 止' })
  to!: string;

  @Field(() => MoneyScalar, { description: 'Planned in 元. 计划投资' })
  planned!: bigint;

  @Field(() => MoneyScalar, { description: 'Actual in 元. 完成投资' })
  actual!: bigint;

  @Field(() => Rate, { description: 'Actual ÷ plan. 完成率' })
  completion!: Rate;

  @Field(() => MoneyScalar, { description: 'Planned since January. 累计计划' })
  cumulativePlanned!: bigint;

  @Field(() => MoneyScalar, { description: 'Actual since January. 累计完成' })
  cumulativeActual!: bigint;

  @Field(() => Rate, { description: 'Cumulative completion. 累计完成率' })
  cumulativeCompletion!: Rate;

  @Field({
    description:
      'Whether any monthly report was filed in the span. Missing is not zero: where this is false nothing was reported, and `actual` reads 0.00 for want of figures. 是否已填报',
  })
  reported!: boolean;
}

@ObjectType({ description: 'A milestone in the month’s view, with its project. 节点' })
export class MilestoneViewEntry {
  @Field(() => ProjectMilestone, { description: 'The milestone. 节点' })
  milestone!: ProjectMilestone;

  @Field(() => ID, { description: 'The project. 项目编号' })
  projectId!: number;

  @Field({ description: 'The project’s name. 项目名称' })
  projectName!: string;

  @Field(() => Area, { description: 'The district. 区县' })
  district!: Area;

  @Field(() => MilestoneState, { description: 'Where it stands. 状态' })
  state!: MilestoneState;
}

@ObjectType({ description: 'The milestones across an area’s projects in a month: due, met and late. 节点视图' })
export class MilestoneView {
  @Field(() => Area, { description: 'The area. 区划' })
  area!: Area;

  @Field(() => PeriodScalar, { description: 'The month. 月份' })
  period!: string;

  @Field(() => Int, { description: 'Due this month. 本月到期' })
  dueThisMonth!: number;

  @Field(() => Int, { description: 'Met this month. 本月完成' })
  metThisMonth!: number;

  @Field(() => Int, { description: 'Met this month on time. 本月按期完成' })
  metOnTimeThisMonth!: number;

  @Field(() => Int, { description: 'Met this month after the due date. 本月逾期完成' })
  metLateThisMonth!: number;

  @Field(() => Int, { description: 'Past due and not met (judged at the month’s end, or today). 逾期未完成' })
  late!: number;

  @Field(() => [MilestoneViewEntry], { description: 'The milestones, by due date (at most 500). 节点清单' })
  items!: MilestoneViewEntry[];
}

@ObjectType({ description: 'A project’s year-end forecast and warnings. 投资预警' })
export class EarlyWarning {
  @Field(() => Project, { description: 'The project. 项目' })
  project!: Project;

  @Field(() => MoneyScalar, { description: 'The year’s plan in 元. 年度计划' })
  annualPlanned!: bigint;

  @Field(() => MoneyScalar, { description: 'Planned to date. 年初至今计划' })
  ytdPlanned!: bigint;

  @Field(() => MoneyScalar, { description: 'Done to date. 年初至今完成' })
  ytdActual!: bigint;

  @Field(() => Float, { nullable: true, description: 'Done ÷ planned to date, percent. 进度完成率' })
  runRatePercent!: number | null;

  @Field(() => MoneyScalar, { description: 'Forecast year-end actual at the year-to-date rate. 预计全年完成' })
  forecast!: bigint;

  @Field(() => Float, { nullable: true, description: 'Forecast ÷ annual plan, percent. 预计完成率' })
  forecastPercent!: number | null;

  @Field({ description: 'The forecast is below 90% of the year’s plan. 全年有风险' })
  atRisk!: boolean;

  @Field({ description: 'At risk while the month’s light is still green or unlit: the warning before the yellow light. 提前预警' })
  earlyWarning!: boolean;

  @Field({ description: 'More than half of the year’s plan falls in its last quarter. 计划后置' })
  backLoaded!: boolean;

  @Field(() => String, { nullable: true, description: 'The month’s light. 本月灯色' })
  light!: string | null;

  @Field({ description: 'Why, in words. 说明' })
  reason!: string;
}

/**
 * A statistics row as the API answers it. The rates are worked out only for the fields a query asks
 * for (a province's page by district has a hundred rows); the rest are plain fields, copied once.
 */
export class StatsRowView {
  readonly key: string;
  readonly monthActual: bigint;
  readonly ytdActual: bigint;
  readonly lastYearMonthActual: bigint;
  readonly lastYearYtdActual: bigint;
  readonly monthPlanned: bigint;
  readonly ytdPlanned: bigint;
  readonly keyProjects: number | null;
  readonly keyProjectsLastYear: number | null;
  readonly keyProjectsChange: number | null;
  readonly resumed: number | null;
  readonly resumptionRate: number | null;
  readonly reported: boolean;

  constructor(
    private readonly line: StatsLine,
    readonly label: string,
    readonly district: Area | null,
  ) {
    this.key = line.key;
    this.monthActual = line.monthActual;
    this.ytdActual = line.ytdActual;
    this.lastYearMonthActual = line.lastYearMonthActual;
    this.lastYearYtdActual = line.lastYearYtdActual;
    this.monthPlanned = line.monthPlanned;
    this.ytdPlanned = line.ytdPlanned;
    this.keyProjects = line.keyProjects;
    this.keyProjectsLastYear = line.keyProjectsLastYear;
    this.keyProjectsChange = line.keyProjects === null || line.keyProjectsLastYear === null ? null : line.keyProjects - line.keyProjectsLastYear;
    this.resumed = line.resumed;
    this.resumptionRate = line.resumptionRate;
    this.reported = line.reported;
  }

  get monthGrowth(): Rate {
    return rate(this.line.monthGrowth);
  }

  get ytdGrowth(): Rate {
    return rate(this.line.ytdGrowth);
  }

  get ytdCompletion(): Rate {
    return rate(this.line.ytdCompletion);
  }
}
