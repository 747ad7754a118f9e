import type { Fen } from '@kpd/domain';
import { IsOptional, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { LocalDateScalar, MoneyScalar, PeriodScalar } from '../../core/scalars';
import { ProjectCategory } from '../projects/project.entity';
import { ChainLink, CompanySize, LeadSource, LeadStage } from './investment.entity';

@InputType({ description: 'A new industry chain of an area. 新增产业链' })
export class CreateChainInput {
  @Field(() => ID, { description: 'The city, zone or district whose chain it is. 所属区划' })
  areaId!: string;

  @Field({ description: 'Name, e.g. 集成电路. 产业链名称' })
  @MinLength(1)
  @MaxLength(64)
  name!: string;

  @Field({ defaultValue: '', description: 'What the area wants of it. 说明' })
  @MaxLength(500)
  description!: string;
}

@InputType({ description: 'A new node of a chain. 新增产业链节点' })
export class AddChainNodeInput {
  @Field(() => ID, { description: 'The chain. 产业链' })
  chainId!: string;

  @Field(() => ID, { nullable: true, description: 'The parent node (same chain and link); none at the top of the link. 上级节点' })
  @IsOptional()
  parentId?: string | null;

  @Field(() => ChainLink, { description: 'Upstream, midstream or downstream. 环节' })
  link!: ChainLink;

  @Field({ description: 'Product or capability. 节点名称' })
  @MinLength(1)
  @MaxLength(64)
  name!: string;

  @Field(() => Int, { defaultValue: 3, description: 'Priority: 1 most pressing … 5 least. 优先级' })
  priority!: number;
}

@InputType({ description: 'A company on the area’s lists: local, or a target. 新增企业' })
export class CreateCompanyInput {
  @Field(() => ID, { description: 'The area whose list it goes on. 所属区划' })
  areaId!: string;

  @Field({ description: 'Unified social credit code, 18 characters. 统一社会信用代码' })
  @MaxLength(40)
  creditCode!: string;

  @Field({ description: 'Registered name. 企业名称' })
  @MinLength(1)
  @MaxLength(128)
  name!: string;

  @Field({ description: 'Industry. 所属行业' })
  @MinLength(1)
  @MaxLength(64)
  industry!: string;

  @Field(() => CompanySize, { description: 'Size. 企业规模' })
  size!: CompanySize;

  @Field({ defaultValue: '', description: 'Where it is based. 所在地' })
  @MaxLength(64)
  location!: string;

  @Field({ defaultValue: false, description: 'Already here (a local company), not a target. 本地企业' })
  local!: boolean;

  @Field(() => LeadSource, { description: 'Where it came onto the list. 信息来源' })
  source!: LeadSource;

  @Field(() => [String], { defaultValue: [], description: 'Tags (专精特新, 上市公司 …). 标签' })
  tags!: string[];

  @Field(() => [ID], { defaultValue: [], description: 'The chain nodes it serves. 对应产业链节点' })
  nodeIds!: string[];

  @Field({ defaultValue: '', description: 'The person to talk to at the company. 企业联系人' })
  @MaxLength(64)
  contactPerson!: string;

  @Field({ defaultValue: '', description: 'Their telephone. 联系电话' })
  @MaxLength(32)
  contactPhone!: string;
}

@InputType({ description: 'Which companies. 企业筛选' })
export class CompanyFilter {
  @Field(() => ID, { nullable: true, description: 'Area (with its sub-areas). 区划' })
  @IsOptional()
  areaId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Serving this chain node: the target list of a node. 产业链节点' })
  @IsOptional()
  nodeId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Serving a node of this chain. 产业链' })
  @IsOptional()
  chainId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Local companies (true) or targets (false). 本地企业' })
  @IsOptional()
  local?: boolean | null;

  @Field(() => LeadSource, { nullable: true, description: 'Source. 信息来源' })
  @IsOptional()
  source?: LeadSource | null;

  @Field(() => String, { nullable: true, description: 'Part of the name or the credit code. 名称或代码' })
  @IsOptional()
  @MaxLength(64)
  search?: string | null;
}

@ArgsType()
export class DuplicateArgs {
  @Field(() => ID, { description: 'The area whose list is checked. 区划' })
  areaId!: string;

  @Field(() => String, { nullable: true, description: 'Credit code to check. 统一社会信用代码' })
  @IsOptional()
  @MaxLength(40)
  creditCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Name to check. 企业名称' })
  @IsOptional()
  @MaxLength(128)
  name?: string | null;
}

@InputType({ description: 'A new investment-attraction project. 新增招商项目' })
export class CreateLeadInput {
  @Field(() => ID, { description: 'The area that attracts it. 所属区划' })
  areaId!: string;

  @Field({ description: 'Project name. 项目名称' })
  @MinLength(1)
  @MaxLength(128)
  name!: string;

  @Field(() => ID, { nullable: true, description: 'The company behind it. 投资企业' })
  @IsOptional()
  companyId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The chain node it fills. 产业链节点' })
  @IsOptional()
  nodeId?: string | null;

  @Field(() => MoneyScalar, { description: 'Planned investment in 元. 计划投资额' })
  amount!: Fen;

  @Field(() => LeadSource, { description: 'Where the lead came from. 信息来源' })
  source!: LeadSource;

  @Field({ description: 'Responsible person. 责任人' })
  @MinLength(1)
  @MaxLength(64)
  responsiblePerson!: string;

  @Field({ description: 'Responsible unit. 责任单位' })
  @MinLength(1)
  @MaxLength(128)
  responsibleUnit!: string;

  @Field({ defaultValue: '', description: 'The next step. 下一步工作' })
  @MaxLength(300)
  nextStep!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'When the next step is due. 下一步时间' })
  @IsOptional()
  nextStepDate?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Day the lead came in (default today). 录入日期' })
  @IsOptional()
  date?: string | null;
}

@InputType({ description: 'A lead moved to a later stage. 推进招商项目' })
export class MoveLeadInput {
  @Field(() => Int, { description: 'The version read (a stale version is refused with CONFLICT). 版本' })
  version!: number;

  @Field(() => LeadStage, { description: 'The stage reached. 推进到' })
  stage!: LeadStage;

  @Field(() => LocalDateScalar, { description: 'The day. 日期' })
  date!: string;

  @Field({ defaultValue: '', description: 'What happened. 说明' })
  @MaxLength(1000)
  note!: string;

  @Field(() => String, { nullable: true, description: 'The next step (unchanged when omitted). 下一步工作' })
  @IsOptional()
  @MaxLength(300)
  nextStep?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'When the next step is due. 下一步时间' })
  @IsOptional()
  nextStepDate?: string | null;
}

@InputType({ description: 'A visit or meeting with the company of a lead. 走访记录' })
export class LeadVisitInput {
  @Field(() => LocalDateScalar, { description: 'The day. 日期' })
  date!: string;

  @Field({ description: 'Who was met and what was agreed. 走访内容' })
  @MaxLength(1000)
  note!: string;

  @Field(() => String, { nullable: true, description: 'The next step (unchanged when omitted). 下一步工作' })
  @IsOptional()
  @MaxLength(300)
  nextStep?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'When the next step is due. 下一步时间' })
  @IsOptional()
  nextStepDate?: string | null;
}

@InputType({ description: 'A signed lead turned into a key project with its secretary (招服一体). 转为重点项目' })
export class ConvertLeadInput {
  @Field(() => Int, { description: 'The version read. 版本' })
  version!: number;

  @Field(() => ID, { nullable: true, description: 'The district of the project (default: the lead’s area when it is a district). 所在区县' })
  @IsOptional()
  districtId?: string | null;

  @Field({ description: 'Project code in the ledger. 项目编码' })
  @MinLength(1)
  @MaxLength(32)
  code!: string;

  @Field(() => ProjectCategory, { defaultValue: ProjectCategory.INDUSTRIAL, description: 'Category. 项目类别' })
  category!: ProjectCategory;

  @Field(() => PeriodScalar, { description: 'First month of construction. 建设周期开始' })
  constructionStart!: string;

  @Field(() => PeriodScalar, { description: 'Last month of construction. 建设周期结束' })
  constructionEnd!: string;

  @Field({ description: 'Responsible leader (包保领导). 包保领导' })
  @MinLength(1)
  @MaxLength(64)
  responsibleLeader!: string;

  @Field(() => ID, { description: 'The service secretary who serves it from now on. 服务秘书' })
  secretaryId!: string;
}

@InputType({ description: 'The year’s signing targets. 年度签约目标' })
export class TargetsInput {
  @Field(() => Int, { description: 'Projects to sign. 签约项目数' })
  @Min(0)
  @Max(100000)
  signed!: number;

  @Field(() => Int, { description: 'Of them, over 20亿元. 20亿元以上' })
  @Min(0)
  @Max(100000)
  over2Billion!: number;

  @Field(() => Int, { description: 'Of them, over 50亿元. 50亿元以上' })
  @Min(0)
  @Max(100000)
  over5Billion!: number;
}

@InputType({ description: 'Which leads. 招商项目筛选' })
export class LeadFilter {
  @Field(() => ID, { nullable: true, description: 'Area (with its sub-areas). 区划' })
  @IsOptional()
  areaId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Chain. 产业链' })
  @IsOptional()
  chainId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Chain node. 产业链节点' })
  @IsOptional()
  nodeId?: string | null;

  @Field(() => LeadStage, { nullable: true, description: 'Stage. 阶段' })
  @IsOptional()
  stage?: LeadStage | null;

  @Field(() => LeadSource, { nullable: true, description: 'Source. 信息来源' })
  @IsOptional()
  source?: LeadSource | null;

  @Field(() => Boolean, { nullable: true, description: 'Only leads with no step for N days. 仅停滞项目' })
  @IsOptional()
  stalledOnly?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Part of the name. 项目名称' })
  @IsOptional()
  @MaxLength(64)
  search?: string | null;
}

@ArgsType()
export class BoardArgs {
  @Field(() => ID, { nullable: true, description: 'The area (default: your scope). 区划' })
  areaId?: string | null;

  @Field(() => Int, { nullable: true, description: 'The year (default: this year). 年度' })
  year?: number | null;

  @Field(() => ID, { nullable: true, description: 'Only this chain. 产业链' })
  chainId?: string | null;
}

@ArgsType()
export class MatchArgs {
  @Field(() => ID, { description: 'The target company. 目标企业' })
  companyId!: string;

  @Field(() => Int, { defaultValue: 10, description: 'How many suggestions, 1–100. 条数' })
  first!: number;
}
