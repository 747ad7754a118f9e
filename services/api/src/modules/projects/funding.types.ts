import type { Fen } from '@kpd/domain';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { MoneyScalar } from '../../core/scalars';
import { FundingSource, ProjectFunding } from './funding.entity';

@ObjectType({ description: 'A project’s funding of one year by source, with its totals beside the plan table’s year. 年度资金来源' })
export class ProjectFundingYear {
  @Field(() => Int, { description: 'Year. 年度' })
  year!: number;

  @Field(() => [ProjectFunding], { description: 'One line per source. 分来源' })
  lines!: ProjectFunding[];

  @Field(() => MoneyScalar, { description: 'Planned from every source in 元. 计划合计' })
  planned!: Fen;

  @Field(() => MoneyScalar, { description: 'Received from every source in 元. 到位合计' })
  received!: Fen;

  @Field(() => MoneyScalar, { nullable: true, description: 'The plan table’s planned investment of the year in 元 (null: no plan for the year). 年度计划投资' })
  planYear!: Fen | null;
}

@ObjectType({ description: 'One funding source across an area’s projects in a year. 资金来源统计' })
export class FundingStatsRow {
  @Field(() => FundingSource, { description: 'The source. 资金来源' })
  source!: FundingSource;

  @Field(() => Int, { description: 'Projects with a line of this source. 项目数' })
  projects!: number;

  @Field(() => MoneyScalar, { nullable: true, description: 'Planned in 元 (null: no project plans this source). 计划金额' })
  planned!: Fen | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Received in 元 (null: no project plans this source). 到位金额' })
  received!: Fen | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Special bonds: issued in 元 (null for other sources). 专项债发行' })
  bondIssued!: Fen | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Special bonds: spent in 元 (null for other sources). 专项债支出' })
  bondSpent!: Fen | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Actual investment of the year’s monthly reports split to this source, in 元 (null: none). Months without a split are in actualUnsplit. 实际完成投资（按拆分）' })
  actual!: Fen | null;
}

@ObjectType({ description: 'Investment of an area’s projects in a year grouped by funding source, summed by the database. 按资金来源统计' })
export class FundingStats {
  @Field(() => ID, { description: 'The area. 区划' })
  areaId!: number;

  @Field(() => Int, { description: 'Year. 年度' })
  year!: number;

  @Field(() => [FundingStatsRow], { description: 'Every source of the city’s list, in its order. 分来源' })
  rows!: FundingStatsRow[];

  @Field(() => MoneyScalar, { description: 'Planned from every source in 元. 计划合计' })
  planned!: Fen;

  @Field(() => MoneyScalar, { description: 'Received from every source in 元. 到位合计' })
  received!: Fen;

  @Field(() => MoneyScalar, { description: 'Actual investment reported in the year (every month, split or not) in 元. 实际完成投资合计' })
  actual!: Fen;

  @Field(() => MoneyScalar, { description: 'The part of `actual` from months reported without a split by source, in 元: counted here, not given to any source. 未拆分' })
  actualUnsplit!: Fen;
}

@ObjectType({ description: 'The part of a month’s actual investment from one funding source. 资金来源拆分' })
export class ReportInvestmentPart {
  @Field(() => FundingSource, { description: 'The source. 资金来源' })
  source!: FundingSource;

  @Field(() => MoneyScalar, { description: 'The amount in 元. 金额' })
  amount!: Fen;
}
