import { addDays, canBecomeKeyProject, creditCodeProblem, DEFAULT_STALL_DAYS, DomainError, isCalendarDate, requireCreditCode, shanghaiDate, stageMoveProblem } from '@kpd/domain';
import type { SelectQueryBuilder } from 'typeorm';
import { In } from 'typeorm';
import { AreaLevel } from '../../core/areas/area.entity';
import { queryArea } from '../../core/areas/areas.service';
import { now as clockNow } from '../../core/clock';
import type { Context } from '../../core/context';
import { ConflictError, UserInputError, type FieldProblem } from '../../core/errors';
import { parseId } from '../../core/ids';
import { containsPattern, LIKE_ESCAPE } from '../../core/like';
import { paginate, type Page, type PageArgs } from '../../core/pagination';
import { mutate } from '../../core/transaction';
import { ProjectStage } from '../projects/project.entity';
import { createProject } from '../projects/projects.service';
import { assignSecretary } from '../secretaries/secretaries.service';
import { readableSecretary } from '../secretaries/secretaries.scope';
import { TeamRole } from '../secretaries/secretary.entity';
import type { AddChainNodeInput, CompanyFilter, ConvertLeadInput, CreateChainInput, CreateCompanyInput, CreateLeadInput, DuplicateArgs, LeadFilter, LeadVisitInput, MoveLeadInput, TargetsInput } from './investment.inputs';
import { asDomainStage, ChainNode, CompanyNode, IndustryChain, InvestmentLead, InvestmentTargets, LeadStage, LeadStep, LeadStepKind, TargetCompany } from './investment.entity';
import { readableChain, readableCompany, readableLead, readableNode, requireManager, scopedChains, scopedCompanies, scopedLeads, scopedSteps } from './investment.scope';

/** Today on the Asia/Shanghai calendar (the service's clock). */
export function today(): string {
  return shanghaiDate(clockNow());
}

/** The stages a lead is still worked in (before signing): the ones the stall warning watches. */
export const OPEN_STAGES = [LeadStage.LEAD, LeadStage.CONTACTED, LeadStage.VISITED, LeadStage.NEGOTIATING];

function checkDay(value: string | null | undefined, field: string, notAfterToday = false): void {
  if (value == null) return;
  if (!isCalendarDate(value)) throw new UserInputError(field, '不是有效日期（YYYY-MM-DD）');
  if (notAfterToday && value > today()) throw new UserInputError(field, `不能晚于今天 ${today()}`);
}

function areaIdsUnder(ctx: Context, rawId: string, field: string): number[] {
  const area = queryArea(ctx, parseId(rawId, field));
  return ctx.areas.subtree(area.id).map((a) => a.id);
}

// ───────────────────────────── chains and nodes ─────────────────────────────

export async function listChains(ctx: Context, areaId: string | null): Promise<IndustryChain[]> {
  const qb = scopedChains(ctx);
  if (areaId != null) qb.andWhere('c.areaId IN (:...fArea)', { fArea: areaIdsUnder(ctx, areaId, 'areaId') });
  return qb.orderBy('c.areaId', 'ASC').addOrderBy('c.id', 'ASC').take(200).getMany();
}

export function chainById(ctx: Context, id: string): Promise<IndustryChain> {
  return readableChain(ctx, parseId(id, 'id'));
}

export async function createChain(ctx: Context, input: CreateChainInput): Promise<IndustryChain> {
  const area = queryArea(ctx, parseId(input.areaId, 'input.areaId'));
  requireManager(ctx, area.id);
  const name = input.name.trim();
  if (!name) throw new UserInputError('input.name', '产业链名称不能为空');
  const taken = await ctx.db.getRepository(IndustryChain).findOneBy({ areaId: area.id, name });
  if (taken) throw new UserInputError('input.name', `${area.name}已有产业链“${name}”`);
  return mutate(ctx, async (tx) => {
    const chain = await tx.em.save(tx.em.create(IndustryChain, { areaId: area.id, name, description: input.description.trim() }));
    await tx.audit({ action: 'investment.chain.create', entityType: 'IndustryChain', entityId: chain.id, areaId: area.id, after: chain });
    return chain;
  });
}

export async function addChainNode(ctx: Context, input: AddChainNodeInput): Promise<ChainNode> {
  const chain = await readableChain(ctx, parseId(input.chainId, 'input.chainId'));
  requireManager(ctx, chain.areaId);
  const problems: FieldProblem[] = [];
  const name = input.name.trim();
  if (!name) problems.push({ field: 'input.name', reason: '节点名称不能为空' });
  if (!Number.isInteger(input.priority) || input.priority < 1 || input.priority > 5) problems.push({ field: 'input.priority', reason: '优先级应为 1–5（1 最优先）' });
  let parentId: number | null = null;
  if (input.parentId) {
    const parent = await ctx.db.getRepository(ChainNode).findOneBy({ id: parseId(input.parentId, 'input.parentId'), chainId: chain.id });
    if (!parent) problems.push({ field: 'input.parentId', reason: '上级节点不在这条产业链上' });
    else if (parent.link !== input.link) problems.push({ field: 'input.parentId', reason: '上级节点须在同一环节' });
    else parentId = parent.id;
  }
  if (name && (await ctx.db.getRepository(ChainNode).findOneBy({ chainId: chain.id, name }))) problems.push({ field: 'input.name', reason: `这条产业链已有节点“${name}”` });
  if (problems.length) throw UserInputError.of(problems);
  return mutate(ctx, async (tx) => {
    const last = await tx.em.createQueryBuilder(ChainNode, 'n').select('MAX(n.sortOrder)', 'm').where('n.chainId = :c', { c: chain.id }).getRawOne<{ m: unknown }>();
    const node = await tx.em.save(
      tx.em.create(ChainNode, { chainId: chain.id, areaId: chain.areaId, parentId, link: input.link, name, priority: input.priority, sortOrder: Number(last?.m ?? 0) + 1 }),
    );
    await tx.audit({ action: 'investment.node.create', entityType: 'ChainNode', entityId: node.id, areaId: chain.areaId, after: node });
    return node;
  });
}

// ───────────────────────────── companies ─────────────────────────────

function companyQuery(ctx: Context, filter: CompanyFilter | null): SelectQueryBuilder<TargetCompany> {
  const qb = scopedCompanies(ctx);
  const f = filter ?? {};
  if (f.areaId != null) qb.andWhere('tc.areaId IN (:...fArea)', { fArea: areaIdsUnder(ctx, f.areaId, 'filter.areaId') });
  if (f.local != null) qb.andWhere('tc.local = :fLocal', { fLocal: f.local });
  if (f.source != null) qb.andWhere('tc.source = :fSource', { fSource: f.source });
  if (f.nodeId != null) qb.andWhere('tc.id IN (SELECT cn.company_id FROM target_company_nodes cn WHERE cn.node_id = :fNode)', { fNode: parseId(f.nodeId, 'filter.nodeId') });
  if (f.chainId != null) qb.andWhere('tc.id IN (SELECT cn2.company_id FROM target_company_nodes cn2 WHERE cn2.chain_id = :fChain)', { fChain: parseId(f.chainId, 'filter.chainId') });
  if (f.search) qb.andWhere(`(tc.name LIKE :q ${LIKE_ESCAPE} OR tc.creditCode LIKE :q ${LIKE_ESCAPE})`, { q: containsPattern(f.search.trim()) });
  return qb;
}

/** Companies in reach; with a node and `local: false`, the target list of that node, largest companies first. */
export function listCompanies(ctx: Context, filter: CompanyFilter | null, page: PageArgs): Promise<Page<TargetCompany>> {
  return paginate(companyQuery(ctx, filter), [
    { expression: 'tc.size', property: 'size', direction: 'ASC' },
    { expression: 'tc.name', property: 'name', direction: 'ASC' },
    { expression: 'tc.id', property: 'id', direction: 'ASC' },
  ], page);
}

export function companyById(ctx: Context, id: string): Promise<TargetCompany> {
  return readableCompany(ctx, parseId(id, 'id'));
}

/** Companies of an area's list with the same credit code or the same name (after trimming): the duplicate check. */
export async function findDuplicates(ctx: Context, args: DuplicateArgs): Promise<TargetCompany[]> {
  const area = queryArea(ctx, parseId(args.areaId, 'areaId'));
  const code = args.creditCode?.trim().toUpperCase() || null;
  const name = args.name?.trim() || null;
  if (!code && !name) return [];
  const qb = scopedCompanies(ctx).andWhere('tc.areaId = :dArea', { dArea: area.id });
  if (code && name) qb.andWhere('(tc.creditCode = :dCode OR tc.name = :dName)', { dCode: code, dName: name });
  else if (code) qb.andWhere('tc.creditCode = :dCode', { dCode: code });
  else qb.andWhere('tc.name = :dName', { dName: name });
  return qb.orderBy('tc.id', 'ASC').take(20).getMany();
}

export async function createCompany(ctx: Context, input: CreateCompanyInput): Promise<TargetCompany> {
  const area = queryArea(ctx, parseId(input.areaId, 'input.areaId'));
  requireManager(ctx, area.id);
  const problems: FieldProblem[] = [];
  let creditCode = '';
  try {
    creditCode = requireCreditCode(input.creditCode, 'input.creditCode');
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    problems.push({ field: e.field, reason: e.message });
  }
  const name = input.name.trim();
  const tags = [...new Set(input.tags.map((t) => t.trim()).filter(Boolean))];
  if (tags.some((t) => t.includes(',') || t.length > 20)) problems.push({ field: 'input.tags', reason: '每个标签至多 20 字，且不含逗号' });
  if (tags.join(',').length > 300) problems.push({ field: 'input.tags', reason: '标签总长不能超过 300 字' });
  const nodeIds = [...new Set(input.nodeIds.map((id, i) => parseId(id, `input.nodeIds[${i}]`)))];
  const nodes = nodeIds.length ? await ctx.db.getRepository(ChainNode).findBy({ id: In(nodeIds) }) : [];
  const foreign = nodeIds.filter((id) => !nodes.some((n) => n.id === id && ctx.areas.isWithin(n.areaId, area.id)));
  if (foreign.length) problems.push({ field: 'input.nodeIds', reason: `节点 ${foreign.join('、')} 不是本区划产业链的节点` });
  if (!problems.some((p) => p.field === 'input.creditCode')) {
    const same = await ctx.db.getRepository(TargetCompany).findOneBy({ areaId: area.id, creditCode });
    if (same) problems.push({ field: 'input.creditCode', reason: `与已录入的“${same.name}”统一社会信用代码重复` });
  }
  const sameName = await ctx.db.getRepository(TargetCompany).findOneBy({ areaId: area.id, name });
  if (sameName) problems.push({ field: 'input.name', reason: `已有同名企业（统一社会信用代码 ${sameName.creditCode}），请核对是否重复录入` });
  if (problems.length) throw UserInputError.of(problems);
  return mutate(ctx, async (tx) => {
    const company = await tx.em.save(
      tx.em.create(TargetCompany, {
        areaId: area.id,
        creditCode,
        name,
        industry: input.industry.trim(),
        size: input.size,
        location: input.location.trim(),
        local: input.local,
        source: input.source,
        tagText: tags.join(','),
        contactPerson: input.contactPerson.trim(),
        contactPhone: input.contactPhone.trim(),
      }),
    );
    if (nodes.length) await tx.em.insert(CompanyNode, nodes.map((n) => ({ companyId: company.id, nodeId: n.id, chainId: n.chainId, areaId: area.id, local: input.local })));
    await tx.audit({ action: 'investment.company.create', entityType: 'TargetCompany', entityId: company.id, areaId: area.id, after: { ...company, nodeIds } });
    return company;
  });
}

/** Whether a typed credit code is valid, for the form as it is typed (the same rule the server applies). */
export function creditCodeCheck(code: string): string | null {
  return creditCodeProblem(code);
}

// ───────────────────────────── the pipeline ─────────────────────────────

export function stallCutoff(stallDays = DEFAULT_STALL_DAYS): string {
  return addDays(today(), -stallDays);
}

export async function listLeads(ctx: Context, filter: LeadFilter | null, page: PageArgs): Promise<Page<InvestmentLead>> {
  const qb = scopedLeads(ctx);
  const f = filter ?? {};
  if (f.areaId != null) qb.andWhere('l.areaId IN (:...fArea)', { fArea: areaIdsUnder(ctx, f.areaId, 'filter.areaId') });
  if (f.chainId != null) qb.andWhere('l.chainId = :fChain', { fChain: parseId(f.chainId, 'filter.chainId') });
  if (f.nodeId != null) qb.andWhere('l.nodeId = :fNode', { fNode: parseId(f.nodeId, 'filter.nodeId') });
  if (f.stage != null) qb.andWhere('l.stage = :fStage', { fStage: f.stage });
  if (f.source != null) qb.andWhere('l.source = :fSource', { fSource: f.source });
  if (f.search) qb.andWhere(`l.name LIKE :q ${LIKE_ESCAPE}`, { q: containsPattern(f.search.trim()) });
  if (f.stalledOnly) qb.andWhere('l.stage IN (:...fOpen) AND l.lastStepDate <= :fCut', { fOpen: OPEN_STAGES, fCut: stallCutoff() });
  return paginate(qb, [
    { expression: 'l.lastStepDate', property: 'lastStepDate', direction: f.stalledOnly ? 'ASC' : 'DESC' },
    { expression: 'l.id', property: 'id', direction: 'DESC' },
  ], page);
}

export function leadById(ctx: Context, id: string): Promise<InvestmentLead> {
  return readableLead(ctx, parseId(id, 'id'));
}

export async function leadSteps(ctx: Context, leadId: number, page: PageArgs): Promise<Page<LeadStep>> {
  return paginate(scopedSteps(ctx).andWhere('s.leadId = :lead', { lead: leadId }), [
    { expression: 's.date', property: 'date', direction: 'DESC' },
    { expression: 's.id', property: 'id', direction: 'DESC' },
  ], page);
}

export async function createLead(ctx: Context, input: CreateLeadInput): Promise<InvestmentLead> {
  const area = queryArea(ctx, parseId(input.areaId, 'input.areaId'));
  requireManager(ctx, area.id);
  const problems: FieldProblem[] = [];
  const inArea = (id: number) => ctx.areas.isWithin(id, area.id);
  let companyId: number | null = null;
  if (input.companyId) {
    const company = await readableCompany(ctx, parseId(input.companyId, 'input.companyId')).catch(() => null);
    if (!company || !inArea(company.areaId)) problems.push({ field: 'input.companyId', reason: '企业不在本区划的名单上' });
    else companyId = company.id;
  }
  let node: ChainNode | null = null;
  if (input.nodeId) {
    node = await readableNode(ctx, parseId(input.nodeId, 'input.nodeId')).catch(() => null);
    if (!node || !inArea(node.areaId)) {
      problems.push({ field: 'input.nodeId', reason: '节点不是本区划产业链的节点' });
      node = null;
    }
  }
  if (input.amount <= 0n) problems.push({ field: 'input.amount', reason: '计划投资额须大于 0' });
  const date = input.date ?? today();
  try {
    checkDay(input.date, 'input.date', true);
    checkDay(input.nextStepDate, 'input.nextStepDate');
  } catch (e) {
    if (e instanceof UserInputError) problems.push({ field: String(e.extensions.field), reason: String(e.extensions.reason) });
    else throw e;
  }
  if (problems.length) throw UserInputError.of(problems);
  return mutate(ctx, async (tx) => {
    const lead = await tx.em.save(
      tx.em.create(InvestmentLead, {
        areaId: area.id,
        name: input.name.trim(),
        companyId,
        chainId: node?.chainId ?? null,
        nodeId: node?.id ?? null,
        stage: LeadStage.LEAD,
        amount: input.amount,
        source: input.source,
        responsiblePerson: input.responsiblePerson.trim(),
        responsibleUnit: input.responsibleUnit.trim(),
        nextStep: input.nextStep.trim(),
        nextStepDate: input.nextStepDate ?? null,
        lastStepDate: date,
        signedDate: null,
        projectId: null,
        version: 1,
      }),
    );
    await tx.em.insert(LeadStep, { leadId: lead.id, areaId: area.id, kind: LeadStepKind.CREATED, fromStage: null, toStage: LeadStage.LEAD, date, note: '录入线索', recordedBy: ctx.viewer.username });
    await tx.audit({ action: 'investment.lead.create', entityType: 'InvestmentLead', entityId: lead.id, areaId: area.id, after: lead });
    return lead;
  });
}

/** Writes a step and the lead's new state under the version read: a stale version is CONFLICT, nothing changes. */
async function stepLead(
  ctx: Context,
  lead: InvestmentLead,
  version: number,
  step: { kind: LeadStepKind; toStage: LeadStage; date: string; note: string },
  changes: Partial<InvestmentLead>,
  action: string,
): Promise<InvestmentLead> {
  return mutate(ctx, async (tx) => {
    const res = await tx.em
      .createQueryBuilder()
      .update(InvestmentLead)
      .set({ ...changes, lastStepDate: step.date > lead.lastStepDate ? step.date : lead.lastStepDate, version: () => 'version + 1' })
      .where('id = :id AND version = :v', { id: lead.id, v: version })
      .execute();
    if (!res.affected) throw new ConflictError('招商项目已被他人更新，请刷新后重试 (changed in between; reload it)');
    await tx.em.insert(LeadStep, { leadId: lead.id, areaId: lead.areaId, kind: step.kind, fromStage: lead.stage, toStage: step.toStage, date: step.date, note: step.note, recordedBy: ctx.viewer.username });
    const after = await tx.em.findOneByOrFail(InvestmentLead, { id: lead.id });
    await tx.audit({ action, entityType: 'InvestmentLead', entityId: lead.id, areaId: lead.areaId, before: lead, after });
    return after;
  });
}

export async function moveLead(ctx: Context, id: number, input: MoveLeadInput): Promise<InvestmentLead> {
  const lead = await readableLead(ctx, id);
  requireManager(ctx, lead.areaId);
  if (lead.version !== input.version) throw new ConflictError('招商项目已被他人更新，请刷新后重试 (changed in between; reload it)', { currentVersion: lead.version });
  const problem = stageMoveProblem(asDomainStage(lead.stage), asDomainStage(input.stage));
  if (problem) throw new UserInputError('input.stage', problem);
  checkDay(input.date, 'input.date', true);
  checkDay(input.nextStepDate, 'input.nextStepDate');
  const changes: Partial<InvestmentLead> = { stage: input.stage };
  if (input.stage === LeadStage.SIGNED || (lead.signedDate === null && [LeadStage.REGISTERED, LeadStage.STARTED].includes(input.stage))) changes.signedDate = lead.signedDate ?? input.date;
  if (input.nextStep != null) changes.nextStep = input.nextStep.trim();
  if (input.nextStepDate !== undefined) changes.nextStepDate = input.nextStepDate ?? null;
  return stepLead(ctx, lead, input.version, { kind: LeadStepKind.STAGE, toStage: input.stage, date: input.date, note: input.note.trim() }, changes, 'investment.lead.move');
}

export async function logVisit(ctx: Context, leadId: number, input: LeadVisitInput): Promise<LeadStep> {
  const lead = await readableLead(ctx, leadId);
  requireManager(ctx, lead.areaId);
  checkDay(input.date, 'input.date', true);
  checkDay(input.nextStepDate, 'input.nextStepDate');
  const note = input.note.trim();
  if (!note) throw new UserInputError('input.note', '走访内容不能为空');
  const changes: Partial<InvestmentLead> = {};
  if (input.nextStep != null) changes.nextStep = input.nextStep.trim();
  if (input.nextStepDate !== undefined) changes.nextStepDate = input.nextStepDate ?? null;
  await stepLead(ctx, lead, lead.version, { kind: LeadStepKind.VISIT, toStage: lead.stage, date: input.date, note }, changes, 'investment.lead.visit');
  return ctx.db.getRepository(LeadStep).findOneOrFail({ where: { leadId: lead.id, kind: LeadStepKind.VISIT }, order: { id: 'DESC' } });
}

/**
 * 招服一体: a signed lead becomes a key project in one step. The ledger entry is opened through the projects
 * module (pre-filled from the lead: name, amount, company, responsible unit), the secretary is assigned through
 * the secretaries module, then the lead is marked under the version read. Everything is checked before the
 * first write; a second conversion of the same lead is refused by the version.
 */
export async function convertLead(ctx: Context, id: number, input: ConvertLeadInput): Promise<InvestmentLead> {
  const lead = await readableLead(ctx, id);
  requireManager(ctx, lead.areaId);
  if (lead.version !== input.version) throw new ConflictError('招商项目已被他人更新，请刷新后重试 (changed in between; reload it)', { currentVersion: lead.version });
  if (!canBecomeKeyProject(asDomainStage(lead.stage))) {
    throw new UserInputError('input.version', lead.stage === LeadStage.KEY_PROJECT ? '该项目已转为重点项目' : '签约后才能转为重点项目');
  }
  const leadArea = ctx.areas.get(lead.areaId)!;
  let districtId: number;
  if (input.districtId) {
    districtId = parseId(input.districtId, 'input.districtId');
    const district = ctx.areas.get(districtId);
    if (!district || district.level !== AreaLevel.DISTRICT || !ctx.areas.isWithin(districtId, lead.areaId)) {
      throw new UserInputError('input.districtId', `须为${leadArea.name}的区县`);
    }
  } else if (leadArea.level === AreaLevel.DISTRICT) {
    districtId = leadArea.id;
  } else {
    throw new UserInputError('input.districtId', '请选择项目所在区县');
  }
  const secretary = await readableSecretary(ctx, parseId(input.secretaryId, 'input.secretaryId')).catch(() => null);
  if (!secretary || !ctx.areas.isWithin(secretary.areaId, districtId)) throw new UserInputError('input.secretaryId', '请选择项目所在区县的服务秘书');
  const company = lead.companyId ? await ctx.db.getRepository(TargetCompany).findOneBy({ id: lead.companyId }) : null;
  const start = today();
  // The lead is claimed first under the version read (a version bump, no other change), so of two conversions
  // of one lead only one opens a ledger entry; the other hears CONFLICT before writing anything. A refusal
  // by the ledger (a code in use, a bad period) releases the claim, so the form can be sent again as it is.
  const claimed = await ctx.db
    .createQueryBuilder()
    .update(InvestmentLead)
    .set({ version: () => 'version + 1' })
    .where('id = :id AND version = :v', { id: lead.id, v: input.version })
    .execute();
  if (!claimed.affected) throw new ConflictError('招商项目已被他人更新，请刷新后重试 (changed in between; reload it)');
  let project: Awaited<ReturnType<typeof createProject>>;
  try {
    project = await createProject(ctx, {
      districtId: String(districtId),
      code: input.code,
      name: lead.name,
      category: input.category,
      stage: ProjectStage.NEW,
      totalInvestment: lead.amount,
      constructionStart: input.constructionStart,
      constructionEnd: input.constructionEnd,
      enterprise: company?.name ?? '',
      responsibleLeader: input.responsibleLeader,
      responsibleUnit: lead.responsibleUnit,
      keyPush: false,
      majorGovernmentInvestment: false,
    });
  } catch (e) {
    await ctx.db.createQueryBuilder().update(InvestmentLead).set({ version: input.version }).where('id = :id AND version = :v', { id: lead.id, v: input.version + 1 }).execute();
    throw e;
  }
  await assignSecretary(ctx, { secretaryId: input.secretaryId, projectId: String(project.id), startDate: start, endDate: null, teamRole: TeamRole.SOLE });
  return stepLead(
    ctx,
    { ...lead, version: input.version + 1 },
    input.version + 1,
    { kind: LeadStepKind.CONVERTED, toStage: LeadStage.KEY_PROJECT, date: start, note: `转为重点项目 ${project.code}（招服一体）` },
    { stage: LeadStage.KEY_PROJECT, projectId: project.id, signedDate: lead.signedDate ?? start },
    'investment.lead.convert',
  );
}

// ───────────────────────────── targets ─────────────────────────────

export async function setTargets(ctx: Context, areaId: string, year: number, input: TargetsInput): Promise<InvestmentTargets> {
  const area = queryArea(ctx, parseId(areaId, 'areaId'));
  requireManager(ctx, area.id);
  const problems: FieldProblem[] = [];
  if (!Number.isInteger(year) || year < 2000 || year > 2100) problems.push({ field: 'year', reason: '年度应在 2000–2100 之间' });
  if (input.over2Billion > input.signed) problems.push({ field: 'input.over2Billion', reason: '20亿元以上项目数不能多于签约项目数' });
  if (input.over5Billion > input.over2Billion) problems.push({ field: 'input.over5Billion', reason: '50亿元以上项目数不能多于20亿元以上项目数' });
  if (problems.length) throw UserInputError.of(problems);
  return mutate(ctx, async (tx) => {
    const before = await tx.em.findOneBy(InvestmentTargets, { areaId: area.id, year });
    const values = { signed: input.signed, over2Billion: input.over2Billion, over5Billion: input.over5Billion };
    if (before && before.signed === values.signed && before.over2Billion === values.over2Billion && before.over5Billion === values.over5Billion) {
      tx.unchanged();
      return before;
    }
    if (before) await tx.em.update(InvestmentTargets, { id: before.id }, values);
    else await tx.em.insert(InvestmentTargets, { areaId: area.id, year, ...values });
    const after = await tx.em.findOneByOrFail(InvestmentTargets, { areaId: area.id, year });
    await tx.audit({ action: 'investment.targets.set', entityType: 'InvestmentTargets', entityId: after.id, areaId: area.id, before, after });
    return after;
  });
}

export async function targetsOf(ctx: Context, areaId: number, year: number): Promise<InvestmentTargets | null> {
  return ctx.db.getRepository(InvestmentTargets).findOneBy({ areaId, year });
}
