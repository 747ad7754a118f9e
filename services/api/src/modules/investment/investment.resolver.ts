import { DEFAULT_STALL_DAYS, daysBetween, gapWeight, isStalled } from '@kpd/domain';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { canReadContacts, FIGURE_READERS } from '../../core/auth/policy';
import { Role } from '../../core/auth/user.entity';
import { loader, type Context } from '../../core/context';
import { parseId } from '../../core/ids';
import { PageArgsType, type Page } from '../../core/pagination';
import { ImportResult } from '../../core/xlsx';
import { Area } from '../../core/areas/area.entity';
import { Project } from '../projects/project.entity';
import { projectLoader } from '../projects/projects.loaders';
import { investmentBoard } from './board.service';
import { asDomainStage, ChainNode, IndustryChain, InvestmentLead, InvestmentTargets, LeadStep, TargetCompany } from './investment.entity';
import {
  AddChainNodeInput,
  BoardArgs,
  CompanyFilter,
  ConvertLeadInput,
  CreateChainInput,
  CreateCompanyInput,
  CreateLeadInput,
  DuplicateArgs,
  LeadFilter,
  LeadVisitInput,
  MatchArgs,
  MoveLeadInput,
  TargetsInput,
} from './investment.inputs';
import { chainLoader, companyLoader, leadsOfCompanyLoader, nodeCountsLoader, nodeLoader, nodesOfChainLoader, nodesOfCompanyLoader, visitsOfCompanyLoader } from './investment.loaders';
import {
  addChainNode,
  chainById,
  companyById,
  convertLead,
  createChain,
  createCompany,
  createLead,
  findDuplicates,
  leadById,
  leadSteps,
  listChains,
  listCompanies,
  listLeads,
  logVisit,
  moveLead,
  setTargets,
  today,
} from './investment.service';
import { CompanyMatch, InvestmentBoard, InvestmentLeadConnection, LeadStepConnection, TargetCompanyConnection } from './investment.types';
import { importChains } from './investment.xlsx';
import { companyMatches } from './matchmaking.service';

@Resolver(() => IndustryChain)
export class IndustryChainResolver {
  @Authorized(FIGURE_READERS)
  @Query(() => [IndustryChain], { description: 'Industry chains of an area and its sub-areas (default: your scope). 产业链列表' })
  industryChains(@Arg('areaId', () => ID, { nullable: true, description: 'The area. 区划' }) areaId: string | null, @Ctx() ctx: Context): Promise<IndustryChain[]> {
    return listChains(ctx, areaId);
  }

  @Authorized(FIGURE_READERS)
  @Query(() => IndustryChain, { description: 'One industry chain with its nodes (the chain map). 产业链图谱' })
  industryChain(@Arg('id', () => ID, { description: 'Id of the chain' }) id: string, @Ctx() ctx: Context): Promise<IndustryChain> {
    return chainById(ctx, id);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => IndustryChain, { description: 'Enters an industry chain of an area in your scope. 新增产业链' })
  createIndustryChain(@Arg('input', () => CreateChainInput, { description: 'The chain' }) input: CreateChainInput, @Ctx() ctx: Context): Promise<IndustryChain> {
    return createChain(ctx, input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ImportResult, { description: 'Imports chains and nodes into an area from an uploaded .xlsx (the chain sheet; dry run first, then all or nothing). 导入产业链图谱' })
  importIndustryChains(
    @Arg('areaId', () => ID, { description: 'The area whose chains they are. 区划' }) areaId: string,
    @Arg('fileId', () => ID, { description: 'The uploaded workbook' }) fileId: string,
    @Arg('dryRun', { description: 'Only check, write nothing' }) dryRun: boolean,
    @Ctx() ctx: Context,
  ): Promise<ImportResult> {
    return importChains(ctx, areaId, fileId, dryRun);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ChainNode, { description: 'Adds a node (product or capability) to a chain. 新增产业链节点' })
  addChainNode(@Arg('input', () => AddChainNodeInput, { description: 'The node' }) input: AddChainNodeInput, @Ctx() ctx: Context): Promise<ChainNode> {
    return addChainNode(ctx, input);
  }

  @FieldResolver(() => Area, { description: 'The area whose chain it is. 所属区划' })
  area(@Root() c: IndustryChain, @Ctx() ctx: Context): Area {
    return ctx.areas.get(c.areaId)!;
  }

  @FieldResolver(() => [ChainNode], { description: 'Its nodes, link by link. 节点' })
  nodes(@Root() c: IndustryChain, @Ctx() ctx: Context): Promise<ChainNode[]> {
    return loader(ctx, nodesOfChainLoader).load(c.id);
  }
}

@Resolver(() => ChainNode)
export class ChainNodeResolver {
  @FieldResolver(() => ID, { nullable: true, description: 'The parent node; none at the top of its link. 上级节点' })
  parentId(@Root() n: ChainNode): string | null {
    return n.parentId === null ? null : String(n.parentId);
  }

  @FieldResolver(() => IndustryChain, { nullable: true, description: 'The chain. 产业链' })
  chain(@Root() n: ChainNode, @Ctx() ctx: Context): Promise<IndustryChain | null> {
    return loader(ctx, chainLoader).load(n.chainId);
  }

  @FieldResolver(() => Int, { description: 'Local companies serving it (现有). 本地企业数' })
  async localCompanies(@Root() n: ChainNode, @Ctx() ctx: Context): Promise<number> {
    return (await loader(ctx, nodeCountsLoader).load(n.id)).local;
  }

  @FieldResolver(() => Int, { description: 'Target companies that could fill it (再去哪找). 目标企业数' })
  async targetCompanies(@Root() n: ChainNode, @Ctx() ctx: Context): Promise<number> {
    return (await loader(ctx, nodeCountsLoader).load(n.id)).targets;
  }

  @FieldResolver(() => Int, { description: 'Leads on it, any stage. 招商项目数' })
  async leads(@Root() n: ChainNode, @Ctx() ctx: Context): Promise<number> {
    return (await loader(ctx, nodeCountsLoader).load(n.id)).leads;
  }

  @FieldResolver(() => Int, { description: 'Leads on it signed or later. 已签约项目数' })
  async signedLeads(@Root() n: ChainNode, @Ctx() ctx: Context): Promise<number> {
    return (await loader(ctx, nodeCountsLoader).load(n.id)).signed;
  }

  @FieldResolver(() => Boolean, { description: 'Served by a local company or a signed project (有); otherwise missing (缺). 已补齐' })
  async filled(@Root() n: ChainNode, @Ctx() ctx: Context): Promise<boolean> {
    const c = await loader(ctx, nodeCountsLoader).load(n.id);
    return c.local > 0 || c.signed > 0;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'How pressing a missing node is (priority first, then targets); null when filled. 补链权重' })
  async gapWeight(@Root() n: ChainNode, @Ctx() ctx: Context): Promise<number | null> {
    const c = await loader(ctx, nodeCountsLoader).load(n.id);
    return c.local > 0 || c.signed > 0 ? null : gapWeight(n.priority, c.targets);
  }
}

@Resolver(() => TargetCompany)
export class TargetCompanyResolver {
  @Authorized(FIGURE_READERS)
  @Query(() => TargetCompanyConnection, { description: 'Local and target companies in reach; with a node and local: false, the node’s target list. 目标企业库' })
  targetCompanies(
    @Arg('filter', () => CompanyFilter, { nullable: true, description: 'Which companies. 筛选' }) filter: CompanyFilter | null,
    @Args() page: PageArgsType,
    @Ctx() ctx: Context,
  ): Promise<Page<TargetCompany>> {
    return listCompanies(ctx, filter, page);
  }

  @Authorized(FIGURE_READERS)
  @Query(() => TargetCompany, { description: 'One company in reach. 企业' })
  targetCompany(@Arg('id', () => ID, { description: 'Id of the company' }) id: string, @Ctx() ctx: Context): Promise<TargetCompany> {
    return companyById(ctx, id);
  }

  @Authorized(FIGURE_READERS)
  @Query(() => [TargetCompany], { description: 'Companies of an area’s list with the same credit code or name: the duplicate check before entry. 查重' })
  companyDuplicates(@Args() args: DuplicateArgs, @Ctx() ctx: Context): Promise<TargetCompany[]> {
    return findDuplicates(ctx, args);
  }

  @Authorized(FIGURE_READERS)
  @Query(() => [CompanyMatch], { description: 'Matchmaking: local companies whose inputs or outputs meet a company’s on its chains, best first, with the reasons. 撮合建议' })
  companyMatches(@Args() args: MatchArgs, @Ctx() ctx: Context): Promise<CompanyMatch[]> {
    return companyMatches(ctx, args);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => TargetCompany, { description: 'Enters a local or target company (credit code checked, duplicates refused). 新增企业' })
  createTargetCompany(@Arg('input', () => CreateCompanyInput, { description: 'The company' }) input: CreateCompanyInput, @Ctx() ctx: Context): Promise<TargetCompany> {
    return createCompany(ctx, input);
  }

  @FieldResolver(() => [String], { description: 'Tags. 标签' })
  tags(@Root() c: TargetCompany): string[] {
    return c.tagText ? c.tagText.split(',') : [];
  }

  @FieldResolver(() => [ChainNode], { description: 'The chain nodes it serves. 对应节点' })
  nodes(@Root() c: TargetCompany, @Ctx() ctx: Context): Promise<ChainNode[]> {
    return loader(ctx, nodesOfCompanyLoader).load(c.id);
  }

  @FieldResolver(() => Area, { description: 'The area whose list it is on. 所属区划' })
  area(@Root() c: TargetCompany, @Ctx() ctx: Context): Area {
    return ctx.areas.get(c.areaId)!;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Telephone of the contact person; null unless you may read contacts of the area. 联系电话' })
  contactPhone(@Root() c: TargetCompany, @Ctx() ctx: Context): string | null {
    return canReadContacts(ctx.viewer, c.areaId) ? c.contactPhone : null;
  }

  @FieldResolver(() => [InvestmentLead], { description: 'Its investment-attraction projects, newest first. 招商项目' })
  leads(@Root() c: TargetCompany, @Ctx() ctx: Context): Promise<InvestmentLead[]> {
    return loader(ctx, leadsOfCompanyLoader).load(c.id);
  }

  @FieldResolver(() => [LeadStep], { description: 'Visits logged on its projects, newest first (at most 50): the visit history of its brief. 走访记录' })
  visits(@Root() c: TargetCompany, @Ctx() ctx: Context): Promise<LeadStep[]> {
    return loader(ctx, visitsOfCompanyLoader).load(c.id);
  }
}

@Resolver(() => InvestmentLead)
export class InvestmentLeadResolver {
  @Authorized(FIGURE_READERS)
  @Query(() => InvestmentLeadConnection, { description: 'The pipeline in reach, last step first (stalled only: longest silence first). 招商项目' })
  investmentLeads(
    @Arg('filter', () => LeadFilter, { nullable: true, description: 'Which projects. 筛选' }) filter: LeadFilter | null,
    @Args() page: PageArgsType,
    @Ctx() ctx: Context,
  ): Promise<Page<InvestmentLead>> {
    return listLeads(ctx, filter, page);
  }

  @Authorized(FIGURE_READERS)
  @Query(() => InvestmentLead, { description: 'One investment-attraction project with its history. 招商项目' })
  investmentLead(@Arg('id', () => ID, { description: 'Id of the project' }) id: string, @Ctx() ctx: Context): Promise<InvestmentLead> {
    return leadById(ctx, id);
  }

  @Authorized(FIGURE_READERS)
  @Query(() => InvestmentBoard, { description: 'The board: filled and missing nodes, the pipeline by stage, sources, signings against targets. 招商看板' })
  investmentBoard(@Args() args: BoardArgs, @Ctx() ctx: Context): Promise<InvestmentBoard> {
    return investmentBoard(ctx, args);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => InvestmentLead, { description: 'Enters a lead. 新增招商项目' })
  createInvestmentLead(@Arg('input', () => CreateLeadInput, { description: 'The lead' }) input: CreateLeadInput, @Ctx() ctx: Context): Promise<InvestmentLead> {
    return createLead(ctx, input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => InvestmentLead, { description: 'Moves a lead to a later stage, with the day and what happened. 推进招商项目' })
  moveInvestmentLead(
    @Arg('id', () => ID, { description: 'Id of the project' }) id: string,
    @Arg('input', () => MoveLeadInput, { description: 'The move' }) input: MoveLeadInput,
    @Ctx() ctx: Context,
  ): Promise<InvestmentLead> {
    return moveLead(ctx, parseId(id, 'id'), input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => LeadStep, { description: 'Logs a visit or meeting with the company of a lead (the visit log). 记录走访' })
  logInvestmentVisit(
    @Arg('leadId', () => ID, { description: 'Id of the project' }) leadId: string,
    @Arg('input', () => LeadVisitInput, { description: 'The visit' }) input: LeadVisitInput,
    @Ctx() ctx: Context,
  ): Promise<LeadStep> {
    return logVisit(ctx, parseId(leadId, 'leadId'), input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => InvestmentLead, { description: 'Turns a signed lead into a key project with its service secretary, in one step (招服一体). 转为重点项目' })
  convertLeadToKeyProject(
    @Arg('id', () => ID, { description: 'Id of the project' }) id: string,
    @Arg('input', () => ConvertLeadInput, { description: 'The ledger entry and the secretary' }) input: ConvertLeadInput,
    @Ctx() ctx: Context,
  ): Promise<InvestmentLead> {
    return convertLead(ctx, parseId(id, 'id'), input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => InvestmentTargets, { description: 'Sets an area’s signing targets of a year (count, over 20亿元, over 50亿元). 设置年度签约目标' })
  setInvestmentTargets(
    @Arg('areaId', () => ID, { description: 'The area. 区划' }) areaId: string,
    @Arg('year', () => Int, { description: 'The year. 年度' }) year: number,
    @Arg('input', () => TargetsInput, { description: 'The targets' }) input: TargetsInput,
    @Ctx() ctx: Context,
  ): Promise<InvestmentTargets> {
    return setTargets(ctx, areaId, year, input);
  }

  @FieldResolver(() => Area, { description: 'The area that attracts it. 所属区划' })
  area(@Root() l: InvestmentLead, @Ctx() ctx: Context): Area {
    return ctx.areas.get(l.areaId)!;
  }

  @FieldResolver(() => TargetCompany, { nullable: true, description: 'The company behind it. 投资企业' })
  company(@Root() l: InvestmentLead, @Ctx() ctx: Context): Promise<TargetCompany | null> | null {
    return l.companyId === null ? null : loader(ctx, companyLoader).load(l.companyId);
  }

  @FieldResolver(() => ChainNode, { nullable: true, description: 'The chain node it fills. 产业链节点' })
  node(@Root() l: InvestmentLead, @Ctx() ctx: Context): Promise<ChainNode | null> | null {
    return l.nodeId === null ? null : loader(ctx, nodeLoader).load(l.nodeId);
  }

  @FieldResolver(() => Project, { nullable: true, description: 'The key project it became (招服一体). 重点项目' })
  project(@Root() l: InvestmentLead, @Ctx() ctx: Context): Promise<Project | null> | null {
    return l.projectId === null ? null : loader(ctx, projectLoader).load(l.projectId);
  }

  @FieldResolver(() => Int, { description: 'Calendar days since the last step. 距最近跟进天数' })
  daysSinceStep(@Root() l: InvestmentLead): number {
    const t = today();
    return l.lastStepDate > t ? 0 : daysBetween(l.lastStepDate, t);
  }

  @FieldResolver(() => Boolean, { description: 'Not yet signed and no step for N days (停滞预警). 停滞' })
  stalled(@Root() l: InvestmentLead): boolean {
    return isStalled({ stage: asDomainStage(l.stage), lastStepDate: l.lastStepDate, today: today(), stallDays: DEFAULT_STALL_DAYS });
  }

  @FieldResolver(() => LeadStepConnection, { description: 'Its history: entry, moves, visits, conversion; newest first. 跟进记录' })
  steps(@Root() l: InvestmentLead, @Args() page: PageArgsType, @Ctx() ctx: Context): Promise<Page<LeadStep>> {
    return leadSteps(ctx, l.id, page);
  }
}
