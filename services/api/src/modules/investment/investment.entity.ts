import type { Fen, LeadStage as DomainLeadStage } from '@kpd/domain';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { moneyColumn } from '../../core/columns';
import { LocalDateScalar, MoneyScalar } from '../../core/scalars';

export enum ChainLink {
  UPSTREAM = 'UPSTREAM',
  MIDSTREAM = 'MIDSTREAM',
  DOWNSTREAM = 'DOWNSTREAM',
}

registerEnumType(ChainLink, {
  name: 'ChainLink',
  description: 'The link of an industry chain a node belongs to. 产业链环节',
  valuesConfig: {
    UPSTREAM: { description: 'Upstream: materials, equipment, design. 上游' },
    MIDSTREAM: { description: 'Midstream: making and assembly. 中游' },
    DOWNSTREAM: { description: 'Downstream: products, applications, services. 下游' },
  },
});

export enum CompanySize {
  LARGE = 'LARGE',
  MEDIUM = 'MEDIUM',
  SMALL = 'SMALL',
  MICRO = 'MICRO',
}

registerEnumType(CompanySize, {
  name: 'CompanySize',
  description: 'Size of a company (统计上大中小微型企业划分). 企业规模',
  valuesConfig: {
    LARGE: { description: 'Large. 大型' },
    MEDIUM: { description: 'Medium. 中型' },
    SMALL: { description: 'Small. 小型' },
    MICRO: { description: 'Micro. 微型' },
  },
});

export enum LeadSource {
  PLATFORM = 'PLATFORM',
  MATCHMAKING = 'MATCHMAKING',
  BUSINESS_REFERRAL = 'BUSINESS_REFERRAL',
  VISIT = 'VISIT',
  EXPO = 'EXPO',
  OTHER = 'OTHER',
}

registerEnumType(LeadSource, {
  name: 'LeadSource',
  description: 'Where a lead or a target company came from. 信息来源',
  valuesConfig: {
    PLATFORM: { description: 'The industry-chain platform (补链补图筛选). 产业链图谱平台' },
    MATCHMAKING: { description: 'Matchmaking of companies on the chain. 撮合招商' },
    BUSINESS_REFERRAL: { description: 'Introduced by a company already here. 以商招商' },
    VISIT: { description: 'Visits by leaders and teams. 走访招商' },
    EXPO: { description: 'Fairs and promotion events. 展会推介' },
    OTHER: { description: 'Other. 其他' },
  },
});

export enum LeadStage {
  LEAD = 'LEAD',
  CONTACTED = 'CONTACTED',
  VISITED = 'VISITED',
  NEGOTIATING = 'NEGOTIATING',
  SIGNED = 'SIGNED',
  REGISTERED = 'REGISTERED',
  STARTED = 'STARTED',
  KEY_PROJECT = 'KEY_PROJECT',
}

registerEnumType(LeadStage, {
  name: 'LeadStage',
  description: 'Stage of an investment-attraction project. 招商阶段',
  valuesConfig: {
    LEAD: { description: 'A lead. 线索' },
    CONTACTED: { description: 'Contacted. 已接洽' },
    VISITED: { description: 'Visited (考察). 已考察' },
    NEGOTIATING: { description: 'Negotiating. 洽谈中' },
    SIGNED: { description: 'Signed. 已签约' },
    REGISTERED: { description: 'Company registered here. 已注册' },
    STARTED: { description: 'Construction started. 已开工' },
    KEY_PROJECT: { description: 'In the key-project library (招服一体). 入重点项目库' },
  },
});

/** The GraphQL enum and the domain's stage are the same strings. */
export const asDomainStage = (s: LeadStage): DomainLeadStage => s as DomainLeadStage;

export enum LeadStepKind {
  CREATED = 'CREATED',
  STAGE = 'STAGE',
  VISIT = 'VISIT',
  CONVERTED = 'CONVERTED',
}

registerEnumType(LeadStepKind, {
  name: 'LeadStepKind',
  description: 'What a step of a lead records. 跟进类型',
  valuesConfig: {
    CREATED: { description: 'The lead was entered. 录入' },
    STAGE: { description: 'The lead moved to a stage. 推进' },
    VISIT: { description: 'A visit or meeting with the company (visit log). 走访' },
    CONVERTED: { description: 'Became a key project with its secretary (招服一体). 转入重点项目' },
  },
});

/** An industry chain of an area (集成电路, 新能源汽车 …): a tree of nodes in three links. */
@ObjectType('IndustryChain', { description: 'An industry chain a city or zone attracts investment along. 产业链' })
@Entity('industry_chains')
@Index(['areaId', 'name'], { unique: true })
export class IndustryChain {
  @Field(() => ID, { description: 'Id of the chain. 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  /** The city, zone or district whose chain it is (scope of the row). */
  @Column({ type: 'int' })
  areaId!: number;

  @Field({ description: 'Name, e.g. 集成电路. 产业链名称' })
  @Column({ type: 'varchar', length: 64 })
  name!: string;

  @Field({ description: 'What the area wants of it. 说明' })
  @Column({ type: 'varchar', length: 500, default: '' })
  description!: string;

  @Field({ description: 'When it was entered. 录入时间' })
  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;
}

/** A node of a chain: a product or capability, under a parent node or at the top of its link. */
@ObjectType('ChainNode', { description: 'A node of an industry chain: a product or capability. 产业链节点' })
@Entity('chain_nodes')
@Index(['chainId', 'link', 'sortOrder'])
@Index(['chainId', 'name'], { unique: true })
@Index(['areaId'])
export class ChainNode {
  @Field(() => ID, { description: 'Id of the node. 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  chainId!: number;

  @Column({ type: 'int' })
  areaId!: number;

  @Column({ type: 'int', nullable: true })
  parentId!: number | null;

  @Field(() => ChainLink, { description: 'Upstream, midstream or downstream. 环节' })
  @Column({ type: 'varchar', length: 12 })
  link!: ChainLink;

  @Field({ description: 'Product or capability, e.g. 光刻胶. 节点名称' })
  @Column({ type: 'varchar', length: 64 })
  name!: string;

  @Field(() => Int, { description: 'The area’s priority: 1 most pressing … 5 least. 优先级' })
  @Column({ type: 'int', default: 3 })
  priority!: number;

  @Column({ type: 'int', default: 0 })
  sortOrder!: number;
}

/** A company on the area's lists: a local company (what is here) or a target (where to find what is missing). */
@ObjectType('TargetCompany', { description: 'A company on the area’s investment lists: local, or a target. 目标企业' })
@Entity('target_companies')
@Index(['areaId', 'creditCode'], { unique: true })
@Index(['areaId', 'name'])
@Index(['areaId', 'local', 'source'])
export class TargetCompany {
  @Field(() => ID, { description: 'Id of the company. 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  /** The area whose list it is on (scope of the row). */
  @Column({ type: 'int' })
  areaId!: number;

  @Field({ description: 'Unified social credit code (GB 32100-2015). 统一社会信用代码' })
  @Column({ type: 'varchar', length: 18 })
  creditCode!: string;

  @Field({ description: 'Registered name. 企业名称' })
  @Column({ type: 'varchar', length: 128 })
  name!: string;

  @Field({ description: 'Industry. 所属行业' })
  @Column({ type: 'varchar', length: 64 })
  industry!: string;

  @Field(() => CompanySize, { description: 'Size. 企业规模' })
  @Column({ type: 'varchar', length: 8 })
  size!: CompanySize;

  @Field({ description: 'Where it is based, e.g. 上海市浦东新区. 所在地' })
  @Column({ type: 'varchar', length: 64, default: '' })
  location!: string;

  @Field({ description: 'A company already here (现有企业), not a target. 本地企业' })
  @Column({ type: 'boolean', default: false })
  local!: boolean;

  @Field(() => LeadSource, { description: 'Where the company came onto the list. 信息来源' })
  @Column({ type: 'varchar', length: 20 })
  source!: LeadSource;

  /** Tags joined by commas (GraphQL: a list). */
  @Column({ type: 'varchar', length: 300, default: '' })
  tagText!: string;

  @Field({ description: 'The person to talk to at the company. 企业联系人' })
  @Column({ type: 'varchar', length: 64, default: '' })
  contactPerson!: string;

  /** Their telephone (GraphQL: readable by those who read contacts). */
  @Column({ type: 'varchar', length: 32, default: '' })
  contactPhone!: string;

  @Field({ description: 'When it was entered. 录入时间' })
  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;
}

/** A company serving a chain node (its products or capabilities). */
@Entity('target_company_nodes')
@Index(['companyId', 'nodeId'], { unique: true })
@Index(['nodeId', 'local'])
@Index(['areaId'])
export class CompanyNode {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  companyId!: number;

  @Column({ type: 'int' })
  nodeId!: number;

  @Column({ type: 'int' })
  chainId!: number;

  @Column({ type: 'int' })
  areaId!: number;

  /** The company's `local` flag, kept here so a node's filled/missing count is one grouped read. */
  @Column({ type: 'boolean', default: false })
  local!: boolean;
}

/** An investment-attraction project (招商项目), from lead to key project. */
@ObjectType('InvestmentLead', { description: 'An investment-attraction project from lead to key project. 招商项目' })
@Entity('investment_leads')
@Index(['areaId', 'stage'])
@Index(['areaId', 'signedDate'])
@Index(['areaId', 'lastStepDate'])
@Index(['nodeId'])
@Index(['companyId'])
export class InvestmentLead {
  @Field(() => ID, { description: 'Id of the project. 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  areaId!: number;

  @Field({ description: 'Project name. 项目名称' })
  @Column({ type: 'varchar', length: 128 })
  name!: string;

  @Column({ type: 'int', nullable: true })
  companyId!: number | null;

  @Column({ type: 'int', nullable: true })
  chainId!: number | null;

  @Column({ type: 'int', nullable: true })
  nodeId!: number | null;

  @Field(() => LeadStage, { description: 'Stage. 阶段' })
  @Column({ type: 'varchar', length: 12 })
  stage!: LeadStage;

  @Field(() => MoneyScalar, { description: 'Planned investment in 元. 计划投资额' })
  @Column(moneyColumn)
  amount!: Fen;

  @Field(() => LeadSource, { description: 'Where the lead came from. 信息来源' })
  @Column({ type: 'varchar', length: 20 })
  source!: LeadSource;

  @Field({ description: 'Responsible person. 责任人' })
  @Column({ type: 'varchar', length: 64 })
  responsiblePerson!: string;

  @Field({ description: 'Responsible unit. 责任单位' })
  @Column({ type: 'varchar', length: 128 })
  responsibleUnit!: string;

  @Field({ description: 'The next step. 下一步工作' })
  @Column({ type: 'varchar', length: 300, default: '' })
  nextStep!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'When the next step is due. 下一步时间' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  nextStepDate!: string | null;

  @Field(() => LocalDateScalar, { description: 'Day of the last step (entry, move or visit). 最近跟进日期' })
  @Column({ type: 'varchar', length: 10 })
  lastStepDate!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Day of signing. 签约日期' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  signedDate!: string | null;

  /** The key project it became (招服一体). */
  @Column({ type: 'int', nullable: true })
  projectId!: number | null;

  @Field(() => Int, { description: 'Version for optimistic concurrency. 版本' })
  @Column({ type: 'int', default: 1 })
  version!: number;

  @Field({ description: 'When it was entered. 录入时间' })
  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;
}

/** One step of a lead: its entry, a move, a visit, its conversion. The history and the visit log. */
@ObjectType('LeadStep', { description: 'A step in a lead’s history: entry, move, visit, conversion. 跟进记录' })
@Entity('investment_lead_steps')
@Index(['leadId', 'date'])
@Index(['areaId', 'kind', 'date'])
export class LeadStep {
  @Field(() => ID, { description: 'Id of the step. 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  leadId!: number;

  @Column({ type: 'int' })
  areaId!: number;

  @Field(() => LeadStepKind, { description: 'What the step records. 类型' })
  @Column({ type: 'varchar', length: 12 })
  kind!: LeadStepKind;

  @Field(() => LeadStage, { nullable: true, description: 'Stage before a move. 原阶段' })
  @Column({ type: 'varchar', length: 12, nullable: true })
  fromStage!: LeadStage | null;

  @Field(() => LeadStage, { description: 'Stage after the step. 阶段' })
  @Column({ type: 'varchar', length: 12 })
  toStage!: LeadStage;

  @Field(() => LocalDateScalar, { description: 'The day. 日期' })
  @Column({ type: 'varchar', length: 10 })
  date!: string;

  @Field({ description: 'What was done or agreed. 内容' })
  @Column({ type: 'varchar', length: 1000, default: '' })
  note!: string;

  @Field(() => String, { nullable: true, description: 'Who recorded it. 记录人' })
  @Column({ type: 'varchar', length: 64, nullable: true })
  recordedBy!: string | null;

  @Field({ description: 'When it was recorded. 记录时间' })
  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;
}

/** The year's signing targets of an area (Dadong: 80 projects signed, 2 over 20亿元, 1 over 50亿元). */
@ObjectType('InvestmentTargets', { description: 'The year’s signing targets of an area. 年度签约目标' })
@Entity('investment_targets')
@Index(['areaId', 'year'], { unique: true })
export class InvestmentTargets {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  areaId!: number;

  @Field(() => Int, { description: 'Year. 年度' })
  @Column({ type: 'int' })
  year!: number;

  @Field(() => Int, { description: 'Projects to sign. 签约项目数' })
  @Column({ type: 'int' })
  signed!: number;

  @Field(() => Int, { description: 'Of them, over 20亿元. 20亿元以上项目数' })
  @Column({ type: 'int' })
  over2Billion!: number;

  @Field(() => Int, { description: 'Of them, over 50亿元. 50亿元以上项目数' })
  @Column({ type: 'int' })
  over5Billion!: number;
}

export const INVESTMENT_ENTITIES = [IndustryChain, ChainNode, TargetCompany, CompanyNode, InvestmentLead, LeadStep, InvestmentTargets];
