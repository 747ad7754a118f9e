import {
  addWorkingDays,
  assessNode,
  chainTotal,
  checkNodeChange,
  CONSTRUCTION_APPROVAL_LIMIT_DAYS,
  DomainError,
  DomainValidationError,
  holdUp,
  isCalendarDate,
  validateTemplate,
  type ProcedureTypeRule,
} from '@kpd/domain';
import DataLoader from 'dataloader';
import { In, type EntityManager } from 'typeorm';
import { canChangeCitySettings, requireThat, requireWriter } from '../../core/auth/policy';
import { AreaLevel, type Area } from '../../core/areas/area.entity';
import { queryArea } from '../../core/areas/areas.service';
import { toInt } from '../../core/columns';
import { loader, type Context } from '../../core/context';
import { ConflictError, NotFoundError, UserInputError } from '../../core/errors';
import { parseId, parseOptionalId } from '../../core/ids';
import { mutate } from '../../core/transaction';
import { insertProblem, today as serviceToday } from '../problems/problems.service';
import { ProblemCategory } from '../problems/problem.entity';
import { ProcedureNode, ProcedureState, ProcedureType } from './procedure.entity';
import type { ProcedureNodeInput, ProcedureTypeInput } from './procedures.inputs';
import type { ProcedureChain, ProcedureFigures, ProcedureTemplate, ProcedureTiming } from './procedures.types';
import { editableProject, reportableProject, restrictToScope } from './projects.scope';
import type { Project } from './project.entity';

// Pre-construction procedures (前期手续): the city's template, each project's chain of nodes, the
// node that holds a project up, raising an overdue node as a problem, and the area's figures.

const codesOf = (csv: string): string[] => (csv ? csv.split(',') : []);

function ruleOf(t: { code: string; name: string; legalDays: number; promisedDays: number; predecessorCodes: string }): ProcedureTypeRule {
  return { code: t.code, name: t.name, legalDays: t.legalDays, promisedDays: t.promisedDays, predecessors: codesOf(t.predecessorCodes) };
}

/** A rule's refusal as BAD_USER_INPUT, its fields under `prefix`. */
function asInputError(e: unknown, prefix: string, rename: (field: string) => string = (f) => f): never {
  if (e instanceof DomainValidationError) throw UserInputError.of(e.problems.map((p) => ({ field: `${prefix}.${rename(p.field)}`, reason: p.reason })));
  if (e instanceof DomainError) throw new UserInputError(`${prefix}.${rename(e.field)}`, e.reason);
  throw e;
}

function dayOrToday(value: string | null | undefined, field: string): string {
  if (value === null || value === undefined) return serviceToday();
  if (!isCalendarDate(value)) throw new UserInputError(field, '日期应写作 YYYY-MM-DD');
  return value;
}

/** The city an area belongs to (the area itself when it is one); the province has none. */
function cityOf(ctx: Context, area: Area, field: string): Area {
  const city = area.level === AreaLevel.CITY ? area : ctx.areas.cityOf(area.id);
  if (!city) throw new UserInputError(field, '请选择一个城市或其下的区县：前期手续模板由城市维护');
  return city;
}

function typesOfCity(ctx: Context, cityId: number): Promise<ProcedureType[]> {
  return ctx.db.getRepository(ProcedureType).find({ where: { cityId }, order: { sortOrder: 'ASC', id: 'ASC' } });
}

function templateOf(city: Area, types: ProcedureType[]): ProcedureTemplate {
  const total = chainTotal(types.map(ruleOf));
  return {
    cityId: city.id,
    cityName: city.name,
    types,
    totalPromisedDays: total.promisedDays,
    totalLegalDays: total.legalDays,
    criticalPath: total.criticalPath,
    limitDays: CONSTRUCTION_APPROVAL_LIMIT_DAYS,
    withinLimit: total.promisedDays <= CONSTRUCTION_APPROVAL_LIMIT_DAYS,
  };
}

/** The template of the city of an area in the viewer's scope (default: the viewer's own). */
export async function procedureTemplate(ctx: Context, areaIdArg: string | null): Promise<ProcedureTemplate> {
  const area = queryArea(ctx, parseOptionalId(areaIdArg, 'areaId'));
  const city = cityOf(ctx, area, 'areaId');
  return templateOf(city, await typesOfCity(ctx, city.id));
}

/**
 * A template department for one district: `{区县}` becomes the district's name (苏家屯区) and
 * `{简称}` its short name (苏家屯), so one city template names each district's own bodies.
 */
export function departmentFor(template: string, districtName: string): string {
  return template.replaceAll('{区县}', districtName).replaceAll('{简称}', districtName.replace(/(自治县|区|县|市)$/, ''));
}

/** The predecessor codes of a type, each known, none repeated. */
export function predecessorsOf(type: { predecessorCodes: string }): string[] {
  return codesOf(type.predecessorCodes);
}

/**
 * Adds or changes a procedure type of a city's template: a city admin (of the city or the
 * province). The whole template is checked with the change in it (known predecessors, no cycle).
 */
export async function saveProcedureType(ctx: Context, cityIdArg: string, input: ProcedureTypeInput): Promise<ProcedureTemplate> {
  requireWriter(ctx.viewer);
  const cityId = parseId(cityIdArg, 'cityId');
  const city = ctx.areas.get(cityId);
  if (!city || city.level !== AreaLevel.CITY) throw new NotFoundError('City', cityId);
  requireThat(ctx.viewer, canChangeCitySettings(ctx.viewer, cityId), 'Only an admin of the city or the province changes its procedure template');
  const id = parseOptionalId(input.id, 'input.id');
  return mutate(ctx, async (tx) => {
    const types = await tx.em.getRepository(ProcedureType).find({ where: { cityId }, order: { sortOrder: 'ASC', id: 'ASC' } });
    const before = id === null ? null : types.find((t) => t.id === id);
    if (before === undefined) throw new NotFoundError('ProcedureType', id!);
    if (before && before.version !== input.version) {
      throw new ConflictError(`手续事项已被他人修改（当前版本 ${before.version}），请刷新后再改`, { currentVersion: before.version });
    }
    const values = {
      code: input.code.trim(),
      name: input.name.trim(),
      department: input.department.trim(),
      legalDays: input.legalDays,
      promisedDays: input.promisedDays,
      predecessorCodes: [...new Set(input.predecessors.map((c) => c.trim()).filter(Boolean))].join(','),
      sortOrder: input.sortOrder ?? before?.sortOrder ?? (types.length ? Math.max(...types.map((t) => t.sortOrder)) + 10 : 10),
    };
    if (!values.department) throw new UserInputError('input.department', '须填写审批部门');
    const next = before ? types.map((t) => (t.id === before.id ? { ...t, ...values } : t)) : [...types, { ...values } as ProcedureType];
    const index = next.findIndex((t) => (before ? t.id === before.id : t.code === values.code && !t.id));
    try {
      validateTemplate(next.map(ruleOf));
    } catch (e) {
      // Problems of the changed type are the input's; a type the change breaks (a cycle through it) is named by its code.
      asInputError(e, 'input', (field) => field.replace(/^types\[(\d+)\]\./, (whole, i: string) => (Number(i) === index ? '' : `types.${next[Number(i)].code}.`)));
    }
    if (before && before.code !== values.code && types.some((t) => predecessorsOf(t).includes(before.code))) {
      throw new UserInputError('input.code', `「${before.code}」是其他手续的前置手续，不能改代码`);
    }
    let saved: ProcedureType;
    if (before) {
      const result = await tx.em.createQueryBuilder().update(ProcedureType).set({ ...values, version: before.version + 1 }).where('id = :id AND version = :v', { id: before.id, v: before.version }).execute();
      if (result.affected === 0) throw new ConflictError('手续事项刚被他人修改，请刷新后再改', { currentVersion: before.version + 1 });
      saved = { ...before, ...values, version: before.version + 1 };
    } else {
      if (types.some((t) => t.code === values.code)) throw new UserInputError('input.code', `代码「${values.code}」已存在`);
      saved = await tx.em.save(tx.em.create(ProcedureType, { ...values, cityId, version: 1 }));
    }
    await tx.audit({ action: before ? 'procedure-type.update' : 'procedure-type.create', entityType: 'ProcedureType', entityId: saved.id, areaId: cityId, before, after: saved });
    const all = await tx.em.getRepository(ProcedureType).find({ where: { cityId }, order: { sortOrder: 'ASC', id: 'ASC' } });
    return templateOf(city, all);
  });
}

/** The request's loader of procedure nodes by project (callers reach them through a readable project). */
export function nodesByProject(ctx: Context): DataLoader<number, ProcedureNode[]> {
  return new DataLoader<number, ProcedureNode[]>(async (ids) => {
    const rows = await ctx.db.getRepository(ProcedureNode).find({ where: { projectId: In([...ids]) }, order: { sortOrder: 'ASC', id: 'ASC' } });
    return ids.map((id) => rows.filter((r) => r.projectId === id));
  });
}

function ruleNode(n: ProcedureNode) {
  return { code: n.code, state: n.state, requestedDate: n.requestedDate, approvedDate: n.approvedDate, promisedDays: n.promisedDays, predecessors: predecessorsOf(n) };
}

/**
 * Procedure nodes past their promised time limit (on the working-day calendar) per project, for the
 * must-dispatch rule: only nodes applied for and not yet approved can be overdue, so only those are read.
 */
export async function overdueProcedureCounts(em: EntityManager, projectIds: number[], today = serviceToday()): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  if (projectIds.length === 0) return counts;
  const pending = await em.find(ProcedureNode, { where: { projectId: In(projectIds), state: ProcedureState.IN_PROGRESS } });
  for (const n of pending) if (assessNode(n, today).overdue) counts.set(n.projectId, (counts.get(n.projectId) ?? 0) + 1);
  return counts;
}

/** A project's chain on the service's today: its nodes, the one that holds it up, its total. */
export function chainOf(nodes: ProcedureNode[], today = serviceToday()): ProcedureChain {
  const held = holdUp(nodes.map(ruleNode), today);
  const total = nodes.length ? chainTotal(nodes.map(ruleOf)).promisedDays : 0;
  return {
    nodes,
    heldBy: nodes.find((n) => n.code === held.heldBy) ?? null,
    frontier: held.frontier,
    complete: nodes.length > 0 && held.complete,
    totalPromisedDays: total,
    today,
  };
}

/** The chain of a project the viewer has read (null when it has none yet). */
export async function projectChain(ctx: Context, project: Project): Promise<ProcedureChain | null> {
  const nodes = await loader(ctx, nodesByProject).load(project.id);
  return nodes.length ? chainOf(nodes) : null;
}

/** How a node stands today. */
export function timingOf(node: ProcedureNode, today = serviceToday()): ProcedureTiming {
  const a = assessNode(node, today);
  return { workingDaysTaken: a.workingDaysTaken, overdue: a.overdue, daysOverdue: a.daysOverdue, approvedLate: a.approvedLate };
}

/**
 * Starts a project's chain from its city's template: one node per type not yet in the chain (so a
 * type added to the template later is added by starting again), owned by the project's enterprise.
 */
export async function startProcedureChain(ctx: Context, projectIdArg: string): Promise<ProcedureChain> {
  requireWriter(ctx.viewer);
  const project = await editableProject(ctx, parseId(projectIdArg, 'projectId'));
  const types = await typesOfCity(ctx, project.cityId);
  if (!types.length) throw new UserInputError('projectId', '所在城市尚未维护前期手续模板，请先由市里维护模板');
  const district = ctx.areas.get(project.areaId)?.name ?? '';
  return mutate(ctx, async (tx) => {
    const existing = await tx.em.getRepository(ProcedureNode).find({ where: { projectId: project.id } });
    const have = new Set(existing.map((n) => n.code));
    const added = types.filter((t) => !have.has(t.code)).map((t) =>
      tx.em.create(ProcedureNode, {
        projectId: project.id,
        areaId: project.areaId,
        cityId: project.cityId,
        code: t.code,
        name: t.name,
        department: departmentFor(t.department, district),
        ownerUnit: project.enterprise,
        legalDays: t.legalDays,
        promisedDays: t.promisedDays,
        predecessorCodes: t.predecessorCodes,
        sortOrder: t.sortOrder,
        state: ProcedureState.NOT_STARTED,
        requestedDate: null,
        approvedDate: null,
        dueDate: null,
        documentNumber: null,
        workingDaysTaken: null,
        note: '',
        problemId: null,
        version: 1,
      }),
    );
    if (!added.length) {
      tx.unchanged();
    } else {
      await tx.em.save(added);
      await tx.audit({ action: 'procedure-chain.start', entityType: 'Project', entityId: project.id, areaId: project.areaId, after: added.map((n) => n.code) });
    }
    const nodes = await tx.em.getRepository(ProcedureNode).find({ where: { projectId: project.id }, order: { sortOrder: 'ASC', id: 'ASC' } });
    return chainOf(nodes);
  });
}

async function nodeWithProject(ctx: Context, id: number): Promise<{ node: ProcedureNode; project: Project }> {
  const node = await ctx.db.getRepository(ProcedureNode).findOne({ where: { id } });
  if (!node) throw new NotFoundError('ProcedureNode', id);
  const project = await reportableProject(ctx, node.projectId).catch((e: unknown) => {
    if (e instanceof NotFoundError) throw new NotFoundError('ProcedureNode', id);
    throw e;
  });
  return { node, project };
}

const DONE = new Set([ProcedureState.APPROVED, ProcedureState.NOT_REQUIRED]);

/**
 * Records where a node stands (applied for, approved with its document, not required): the
 * project's admins and secretaries. Checked against the chain: no application before every
 * predecessor is done, and no going back while a later node has been applied for.
 */
export async function updateProcedureNode(ctx: Context, idArg: string, input: ProcedureNodeInput): Promise<ProcedureNode> {
  requireWriter(ctx.viewer);
  const id = parseId(idArg, 'id');
  const { node, project } = await nodeWithProject(ctx, id);
  return mutate(ctx, async (tx) => {
    const chain = await tx.em.getRepository(ProcedureNode).find({ where: { projectId: project.id } });
    const current = chain.find((n) => n.id === id)!;
    if (current.version !== input.version) {
      throw new ConflictError(`手续已被他人修改（当前版本 ${current.version}），请刷新后再改`, { currentVersion: current.version });
    }
    const change = {
      state: input.state,
      requestedDate: input.requestedDate ?? null,
      approvedDate: input.approvedDate ?? null,
      documentNumber: input.documentNumber?.trim() || null,
    };
    const preds = predecessorsOf(current).map((code) => chain.find((n) => n.code === code)).filter((n): n is ProcedureNode => !!n);
    try {
      checkNodeChange(change, preds, serviceToday());
    } catch (e) {
      asInputError(e, 'input');
    }
    if (!input.ownerUnit.trim()) throw new UserInputError('input.ownerUnit', '须填写责任单位');
    if (!DONE.has(input.state)) {
      const started = chain.find((n) => predecessorsOf(n).includes(current.code) && n.state !== ProcedureState.NOT_STARTED && n.state !== ProcedureState.NOT_REQUIRED);
      if (started) throw new UserInputError('input.state', `后续手续「${started.name}」已申报，本手续不能改为未办结`);
    }
    let dueDate: string | null = null;
    let workingDaysTaken: number | null = null;
    try {
      const a = assessNode({ ...change, promisedDays: current.promisedDays }, serviceToday());
      dueDate = change.requestedDate ? addWorkingDays(change.requestedDate, current.promisedDays) : null;
      workingDaysTaken = input.state === ProcedureState.APPROVED ? a.workingDaysTaken : null;
    } catch (e) {
      asInputError(e, 'input', () => 'requestedDate');
    }
    const values = { ...change, ownerUnit: input.ownerUnit.trim(), note: input.note?.trim() ?? current.note, dueDate, workingDaysTaken, version: current.version + 1 };
    const result = await tx.em.createQueryBuilder().update(ProcedureNode).set(values).where('id = :id AND version = :v', { id, v: current.version }).execute();
    if (result.affected === 0) throw new ConflictError('手续刚被他人修改，请刷新后再改', { currentVersion: current.version + 1 });
    const after = { ...node, ...values };
    await tx.audit({ action: 'procedure-node.update', entityType: 'ProcedureNode', entityId: id, areaId: project.areaId, before: current, after });
    return after;
  });
}

/**
 * Raises an overdue node as a problem (问题清单) in one step: category 审批手续, owned by the
 * approving department, titled with the procedure and how late it is. A node is raised once: the
 * link is set by a conditional update, so two people pressing at once get one problem.
 */
export async function raiseProcedureProblem(ctx: Context, nodeIdArg: string, workingDays: number, dateArg: string | null) {
  requireWriter(ctx.viewer);
  const id = parseId(nodeIdArg, 'nodeId');
  const { node, project } = await nodeWithProject(ctx, id);
  const raisedDate = dayOrToday(dateArg, 'raisedDate');
  if (raisedDate > serviceToday()) throw new UserInputError('raisedDate', '不能是将来的日期');
  const timing = timingOf(node, raisedDate);
  if (!timing.overdue) throw new UserInputError('nodeId', `「${node.name}」未逾期，无需转为问题`);
  if (node.problemId !== null) throw new UserInputError('nodeId', `「${node.name}」已转为问题（编号 ${node.problemId}）`);
  return mutate(ctx, async (tx) => {
    const problem = await insertProblem(ctx, tx, project, {
      projectId: String(project.id),
      category: ProblemCategory.PERMITS,
      title: `前期手续「${node.name}」逾期 ${timing.daysOverdue} 个工作日`,
      description: `${node.department}办理，${node.requestedDate} 申报，承诺 ${node.promisedDays} 个工作日，应于 ${node.dueDate} 办结，至 ${raisedDate} 尚未批复。`,
      ownerUnit: node.department,
      workingDays,
      raisedDate,
    }, null, 'input');
    const result = await tx.em.createQueryBuilder().update(ProcedureNode).set({ problemId: problem.id, version: node.version + 1 })
      .where('id = :id AND problem_id IS NULL', { id }).execute();
    if (result.affected === 0) throw new ConflictError(`「${node.name}」刚被他人转为问题`);
    await tx.audit({ action: 'procedure-node.raise-problem', entityType: 'ProcedureNode', entityId: id, areaId: project.areaId, before: { problemId: null }, after: { problemId: problem.id } });
    return problem;
  });
}

/**
 * The area's procedure figures, counted by the database: overdue nodes and blocked projects by
 * department, average working days per procedure against its limits, and the city's template total.
 * Overdue is judged on `today` (default the service's), by the stored due dates.
 */
export async function procedureFigures(ctx: Context, areaIdArg: string | null, todayArg: string | null): Promise<ProcedureFigures> {
  const area = queryArea(ctx, parseOptionalId(areaIdArg, 'areaId'));
  const city = cityOf(ctx, area, 'areaId');
  const today = dayOrToday(todayArg, 'today');
  const areaIds = ctx.areas.subtree(area.id).map((a) => a.id);
  const base = () => {
    const qb = ctx.db.getRepository(ProcedureNode).createQueryBuilder('n').innerJoin('projects', 'p', 'p.id = n.project_id')
      .where('n.area_id IN (:...fAreas)', { fAreas: areaIds })
      .setParameters({ fProgress: ProcedureState.IN_PROGRESS, fApproved: ProcedureState.APPROVED, fToday: today });
    return restrictToScope(ctx, qb, 'p');
  };
  const overdue = 'n.state = :fProgress AND n.due_date < :fToday';
  const [totals, departments, byType, types] = await Promise.all([
    base()
      .select('COUNT(DISTINCT n.project_id)', 'projects')
      .addSelect(`COUNT(DISTINCT CASE WHEN ${overdue} THEN n.project_id END)`, 'blocked')
      .addSelect(`SUM(CASE WHEN ${overdue} THEN 1 ELSE 0 END)`, 'overdue')
      .getRawOne<Record<string, unknown>>(),
    base()
      .select('n.department', 'department')
      .addSelect('SUM(CASE WHEN n.state = :fProgress THEN 1 ELSE 0 END)', 'inProgress')
      .addSelect(`SUM(CASE WHEN ${overdue} THEN 1 ELSE 0 END)`, 'overdue')
      .addSelect(`COUNT(DISTINCT CASE WHEN ${overdue} THEN n.project_id END)`, 'blocked')
      .groupBy('n.department')
      .getRawMany<Record<string, unknown>>(),
    base()
      .select('n.code', 'code')
      .addSelect('MAX(n.promised_days)', 'promised')
      .addSelect('MAX(n.legal_days)', 'legal')
      .addSelect('MIN(n.sort_order)', 'sortOrder')
      .addSelect('SUM(CASE WHEN n.state = :fApproved THEN 1 ELSE 0 END)', 'approved')
      .addSelect('SUM(CASE WHEN n.state = :fApproved THEN n.working_days_taken ELSE 0 END)', 'days')
      .addSelect('SUM(CASE WHEN n.state = :fApproved AND n.working_days_taken > n.promised_days THEN 1 ELSE 0 END)', 'late')
      .addSelect(`SUM(CASE WHEN ${overdue} THEN 1 ELSE 0 END)`, 'overdue')
      .groupBy('n.code')
      .getRawMany<Record<string, unknown>>(),
    typesOfCity(ctx, city.id),
  ]);
  const byCode = new Map(byType.map((r) => [String(r.code), r]));
  // Every procedure of the template is listed (missing is not zero), then any the nodes have beyond it.
  const codes = [...types.map((t) => t.code), ...byType.sort((a, b) => toInt(a.sortOrder) - toInt(b.sortOrder)).map((r) => String(r.code)).filter((c) => !types.some((t) => t.code === c))];
  const names = new Map<string, { name: string; department: string }>();
  for (const t of types) names.set(t.code, t);
  const missingNames = codes.filter((c) => !names.has(c));
  if (missingNames.length) {
    const rows = await ctx.db.getRepository(ProcedureNode).find({ where: { code: In(missingNames), cityId: city.id }, select: { code: true, name: true, department: true } });
    for (const r of rows) if (!names.has(r.code)) names.set(r.code, r);
  }
  return {
    areaId: area.id,
    today,
    projects: toInt(totals?.projects ?? 0),
    blockedProjects: toInt(totals?.blocked ?? 0),
    overdueNodes: toInt(totals?.overdue ?? 0),
    byDepartment: departments
      .map((r) => ({ department: String(r.department), inProgress: toInt(r.inProgress ?? 0), overdue: toInt(r.overdue ?? 0), blockedProjects: toInt(r.blocked ?? 0) }))
      .sort((a, b) => b.overdue - a.overdue || b.blockedProjects - a.blockedProjects || a.department.localeCompare(b.department, 'zh')),
    byType: codes.map((code) => {
      const r = byCode.get(code);
      const t = types.find((x) => x.code === code);
      const approved = toInt(r?.approved ?? 0);
      return {
        code,
        name: names.get(code)?.name ?? code,
        department: names.get(code)?.department ?? '',
        promisedDays: t?.promisedDays ?? (r ? toInt(r.promised) : null),
        legalDays: t?.legalDays ?? (r ? toInt(r.legal) : null),
        approved,
        averageDays: approved ? Math.round((toInt(r!.days) / approved) * 10) / 10 : null,
        approvedLate: toInt(r?.late ?? 0),
        overdue: toInt(r?.overdue ?? 0),
      };
    }),
    template: templateOf(city, types),
  };
}
