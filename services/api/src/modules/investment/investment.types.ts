import type { Fen } from '@kpd/domain';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Connection } from '../../core/pagination';
import { MoneyScalar } from '../../core/scalars';
import { Area } from '../../core/areas/area.entity';
import { ChainNode, IndustryChain, InvestmentLead, InvestmentTargets, LeadStage, LeadStep, TargetCompany } from './investment.entity';

export const TargetCompanyConnection = Connection(TargetCompany, 'TargetCompany');
export const InvestmentLeadConnection = Connection(InvestmentLead, 'InvestmentLead');
export const LeadStepConnection = Connection(LeadStep, 'LeadStep');

@ObjectType({ description: 'Filled and missing nodes of a chain. 产业链补链情况' })
export class ChainFigures {
  @Field(() => IndustryChain, { description: 'The chain. 产业链' })
  chain!: IndustryChain;

  @Field(() => Int, { description: 'Leaf nodes (products and capabilities; group headings not counted). 节点数' })
  nodes!: number;

  @Field(() => Int, { description: 'Nodes served by a local company or a signed project (现有). 已有节点' })
  filled!: number;

  @Field(() => Int, { description: 'Nodes with neither (需要补的). 缺失节点' })
  missing!: number;

  @Field(() => Int, { description: 'Of the missing, those of priority 1 or 2. 重点缺失节点' })
  missingPressing!: number;
}

@ObjectType({ description: 'Projects and amount at one stage. 阶段分布' })
export class StageFigures {
  @Field(() => LeadStage, { description: 'The stage. 阶段' })
  stage!: LeadStage;

  @Field(() => Int, { description: 'Projects at the stage now. 项目数' })
  count!: number;

  @Field(() => MoneyScalar, { description: 'Their planned investment in 元. 计划投资额' })
  amount!: Fen;

  @Field(() => Int, { description: 'Projects that reached the stage or a later one. 累计到达数' })
  reached!: number;

  @Field(() => Float, { nullable: true, description: 'Reached this stage ÷ reached the one before, in percent (one decimal); null for the first stage or when none reached the one before. 转化率' })
  conversionPercent!: number | null;
}

@ObjectType({ description: 'Leads from one source. 来源分布' })
export class SourceFigures {
  @Field(() => String, { description: 'The source (LeadSource). 信息来源' })
  source!: string;

  @Field(() => Int, { description: 'Leads. 项目数' })
  leads!: number;

  @Field(() => Int, { description: 'Of them, signed (or later). 已签约' })
  signed!: number;
}

@ObjectType({ description: 'The investment-attraction board of an area (一块看板). 招商看板' })
export class InvestmentBoard {
  @Field(() => Area, { description: 'The area. 区划' })
  area!: Area;

  @Field(() => Int, { description: 'The year. 年度' })
  year!: number;

  @Field(() => [ChainFigures], { description: 'Filled and missing nodes per chain. 各产业链补链情况' })
  chains!: ChainFigures[];

  @Field(() => [StageFigures], { description: 'Pipeline by stage, every stage listed. 各阶段项目' })
  stages!: StageFigures[];

  @Field(() => Int, { description: 'Leads in the pipeline (all stages). 招商项目总数' })
  leads!: number;

  @Field(() => Int, { description: 'Leads from the industry-chain platform. 来自平台的项目数' })
  platformLeads!: number;

  @Field(() => Float, { nullable: true, description: 'Share of leads from the platform, percent (one decimal). 平台项目占比' })
  platformSharePercent!: number | null;

  @Field(() => [SourceFigures], { description: 'Leads by source. 来源分布' })
  sources!: SourceFigures[];

  @Field(() => Int, { description: 'Projects signed in the year. 本年签约项目数' })
  signedThisYear!: number;

  @Field(() => MoneyScalar, { description: 'Their planned investment in 元. 本年签约额' })
  signedAmountThisYear!: Fen;

  @Field(() => Int, { description: 'Signed in the year at 20亿元 or more. 20亿元以上' })
  signedOver2Billion!: number;

  @Field(() => Int, { description: 'Signed in the year at 50亿元 or more. 50亿元以上' })
  signedOver5Billion!: number;

  @Field(() => Int, { description: 'Signed in the year from the platform. 本年签约中来自平台' })
  signedFromPlatform!: number;

  @Field(() => Float, { nullable: true, description: 'Share of the year’s signed projects from the platform, percent. 本年签约平台占比' })
  signedPlatformSharePercent!: number | null;

  @Field(() => InvestmentTargets, { nullable: true, description: 'The year’s targets of the area; null when none is set. 年度目标' })
  targets!: InvestmentTargets | null;

  @Field(() => Float, { nullable: true, description: 'Signed count ÷ target, percent. 签约目标完成率' })
  signedTargetPercent!: number | null;

  @Field(() => Int, { description: 'Leads not yet signed with no step for N days. 停滞项目' })
  stalledLeads!: number;

  @Field(() => Int, { description: 'N of the stall warning. 停滞天数' })
  stallDays!: number;

  @Field(() => Int, { description: 'Visits logged in the year. 本年走访次数' })
  visitsThisYear!: number;

  @Field(() => Int, { description: 'Target companies on the lists (not local). 目标企业数' })
  targetCompanies!: number;
}

@ObjectType({ description: 'A local company suggested for matchmaking with a target (撮合建议). 撮合建议' })
export class CompanyMatch {
  @Field(() => TargetCompany, { description: 'The local company. 本地企业' })
  company!: TargetCompany;

  @Field(() => Int, { description: 'Pairs of nodes where the two meet on a chain: the rank. 匹配度' })
  score!: number;

  @Field(() => Int, { description: 'Pairs where the local company buys what the target makes. 下游需求' })
  customerPairs!: number;

  @Field(() => Int, { description: 'Pairs where the local company makes what the target needs. 上游配套' })
  supplierPairs!: number;

  @Field(() => [String], { description: 'Why, one sentence a pair. 撮合理由' })
  reasons!: string[];

  @Field(() => [ChainNode], { description: 'The local company’s nodes that meet the target’s. 相邻节点' })
  nodes!: ChainNode[];
}
