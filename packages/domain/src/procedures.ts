/**
 * Pre-construction procedures (前期手续): a city's template of procedure types, each with the
 * department that issues it, its legal and promised time limits in working days and its
 * predecessors; and per project a chain of nodes, one per type, with their dates.
 *
 * Predecessors make the chain serial or parallel: a node may be applied for once every predecessor
 * is approved; nodes sharing the same predecessors run side by side (并联审批). The chain's total is
 * its critical path: the longest run of promised limits from a node with no predecessor to the end,
 * so parallel nodes count once (Sujiatun: 立项 to 竣工验收 within 50 working days, report 000).
 */
import type { CalendarDate } from './dates';
import { requireDate } from './dates';
import { DomainError, throwIfProblems, type Problem } from './errors';
import { addWorkingDays, workingDaysBetween } from './workdays';

/** The construction-approval total Sujiatun promises: 50 working days (report 000). */
export const CONSTRUCTION_APPROVAL_LIMIT_DAYS = 50;

export type ProcedureState = 'NOT_STARTED' | 'IN_PROGRESS' | 'APPROVED' | 'NOT_REQUIRED';

/** A procedure type of the city's template. */
export interface ProcedureTypeRule {
  code: string;
  name: string;
  legalDays: number;
  promisedDays: number;
  /** Codes of the types that must be approved first. */
  predecessors: readonly string[];
}

/** Checks a whole template: limits, known predecessors, no cycle. Every problem at once, `types[i].field`. */
export function validateTemplate(types: readonly ProcedureTypeRule[], at = 'types'): void {
  const problems: Problem[] = [];
  const codes = new Map<string, number>();
  types.forEach((t, i) => {
    if (!/^[A-Z][A-Z0-9_]{0,31}$/.test(t.code)) problems.push({ field: `${at}[${i}].code`, reason: '代码应为大写字母、数字或下划线（至多32位），以字母开头' });
    if (codes.has(t.code)) problems.push({ field: `${at}[${i}].code`, reason: `代码「${t.code}」重复` });
    codes.set(t.code, i);
    if (!t.name.trim()) problems.push({ field: `${at}[${i}].name`, reason: '手续名称不能为空' });
    if (!Number.isSafeInteger(t.legalDays) || t.legalDays < 1 || t.legalDays > 365) problems.push({ field: `${at}[${i}].legalDays`, reason: '法定时限应为 1–365 个工作日' });
    if (!Number.isSafeInteger(t.promisedDays) || t.promisedDays < 1 || t.promisedDays > 365) problems.push({ field: `${at}[${i}].promisedDays`, reason: '承诺时限应为 1–365 个工作日' });
    else if (t.promisedDays > t.legalDays) problems.push({ field: `${at}[${i}].promisedDays`, reason: '承诺时限不能超过法定时限' });
  });
  types.forEach((t, i) => {
    for (const p of t.predecessors) {
      if (p === t.code) problems.push({ field: `${at}[${i}].predecessors`, reason: '前置手续不能是它自己' });
      else if (!codes.has(p)) problems.push({ field: `${at}[${i}].predecessors`, reason: `前置手续「${p}」不在模板中` });
    }
  });
  throwIfProblems(problems);
  const cycle = findCycle(types);
  if (cycle) throw new DomainError(`${at}[${codes.get(cycle[0])}].predecessors`, `前置关系成环：${cycle.join(' → ')}`);
}

function findCycle(types: readonly ProcedureTypeRule[]): string[] | null {
  const byCode = new Map(types.map((t) => [t.code, t]));
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (code: string): string[] | null => {
    if (state.get(code) === 'done') return null;
    if (state.get(code) === 'visiting') return [...path.slice(path.indexOf(code)), code];
    state.set(code, 'visiting');
    path.push(code);
    for (const p of byCode.get(code)?.predecessors ?? []) {
      const found = visit(p);
      if (found) return found;
    }
    path.pop();
    state.set(code, 'done');
    return null;
  };
  for (const t of types) {
    const found = visit(t.code);
    if (found) return found;
  }
  return null;
}

export interface ChainTotal {
  /** Critical path of promised limits, in working days. */
  promisedDays: number;
  /** Critical path of legal limits, in working days. */
  legalDays: number;
  /** The codes on the promised critical path, first to last. */
  criticalPath: string[];
}

/** The chain's total: the longest path of promised (and of legal) limits; parallel nodes count once. */
export function chainTotal(types: readonly ProcedureTypeRule[]): ChainTotal {
  validateTemplate(types);
  const byCode = new Map(types.map((t) => [t.code, t]));
  const memo = new Map<string, { promised: number; legal: number; path: string[] }>();
  const longest = (code: string): { promised: number; legal: number; path: string[] } => {
    const known = memo.get(code);
    if (known) return known;
    const t = byCode.get(code)!;
    let best = { promised: 0, legal: 0, path: [] as string[] };
    let legal = 0;
    for (const p of t.predecessors) {
      const before = longest(p);
      if (before.promised > best.promised) best = before;
      legal = Math.max(legal, before.legal);
    }
    const result = { promised: best.promised + t.promisedDays, legal: legal + t.legalDays, path: [...best.path, code] };
    memo.set(code, result);
    return result;
  };
  let total: ChainTotal = { promisedDays: 0, legalDays: 0, criticalPath: [] };
  for (const t of types) {
    const r = longest(t.code);
    if (r.promised > total.promisedDays) total = { promisedDays: r.promised, legalDays: total.legalDays, criticalPath: r.path };
    total.legalDays = Math.max(total.legalDays, r.legal);
  }
  return total;
}

/** A project's node as the rule sees it. */
export interface ProcedureNodeState {
  code: string;
  state: ProcedureState;
  requestedDate: CalendarDate | null;
  approvedDate: CalendarDate | null;
  promisedDays: number;
  predecessors: readonly string[];
}

export interface NodeAssessment {
  /** Requested plus the promised limit in working days; null before it is requested. */
  dueDate: CalendarDate | null;
  /** Working days from the request to approval (or to today while in progress). */
  workingDaysTaken: number | null;
  /** In progress past its due date. */
  overdue: boolean;
  /** Working days past the due date (0 when not overdue). */
  daysOverdue: number;
  /** Approved later than promised. */
  approvedLate: boolean;
}

/** Due date, working days taken and overdue for one node, on `today`. */
export function assessNode(node: Pick<ProcedureNodeState, 'state' | 'requestedDate' | 'approvedDate' | 'promisedDays'>, today: CalendarDate): NodeAssessment {
  if (!node.requestedDate || node.state === 'NOT_STARTED' || node.state === 'NOT_REQUIRED') {
    return { dueDate: null, workingDaysTaken: null, overdue: false, daysOverdue: 0, approvedLate: false };
  }
  const dueDate = addWorkingDays(node.requestedDate, node.promisedDays);
  if (node.state === 'APPROVED' && node.approvedDate) {
    const taken = workingDaysBetween(node.requestedDate, node.approvedDate);
    return { dueDate, workingDaysTaken: taken, overdue: false, daysOverdue: 0, approvedLate: taken > node.promisedDays };
  }
  const taken = Math.max(0, workingDaysBetween(node.requestedDate, today));
  const daysOverdue = today > dueDate ? workingDaysBetween(dueDate, today) : 0;
  return { dueDate, workingDaysTaken: taken, overdue: today > dueDate, daysOverdue, approvedLate: false };
}

const DONE: ReadonlySet<ProcedureState> = new Set(['APPROVED', 'NOT_REQUIRED']);

export interface HoldUp {
  /** The nodes the project waits on now: not done, every predecessor done. */
  frontier: string[];
  /** The one that holds the project up most (most working days overdue, then in progress with the earliest due date, then not yet applied for), or null when the chain is done. */
  heldBy: string | null;
  /** The chain is complete: every node approved or not required. */
  complete: boolean;
}

/**
 * Which nodes hold a project up on `today`. A node waits on its predecessors, so only the frontier
 * (not done, its predecessors done) can hold the project: the one most overdue first; with none
 * overdue, the in-progress node due first; with none in progress, the first not yet applied for.
 */
export function holdUp(nodes: readonly ProcedureNodeState[], today: CalendarDate): HoldUp {
  const byCode = new Map(nodes.map((n) => [n.code, n]));
  const done = (code: string) => {
    const n = byCode.get(code);
    return !n || DONE.has(n.state);
  };
  const frontier = nodes.filter((n) => !DONE.has(n.state) && n.predecessors.every(done));
  const ranked = frontier
    .map((n, order) => ({ n, order, a: assessNode(n, today) }))
    .sort((x, y) =>
      y.a.daysOverdue - x.a.daysOverdue
      || Number(y.n.state === 'IN_PROGRESS') - Number(x.n.state === 'IN_PROGRESS')
      || (x.a.dueDate ?? '9999').localeCompare(y.a.dueDate ?? '9999')
      || x.order - y.order);
  return {
    frontier: frontier.map((n) => n.code),
    heldBy: ranked[0]?.n.code ?? null,
    complete: nodes.every((n) => DONE.has(n.state)),
  };
}

export interface NodeChange {
  state: ProcedureState;
  requestedDate: CalendarDate | null;
  approvedDate: CalendarDate | null;
  documentNumber: string | null;
}

/**
 * Checks a change to one node against its chain: the dates a state needs, none in the future,
 * approval not before the request, and no application before every predecessor is done.
 * `predecessorStates` are the states of the node's predecessors (code → state).
 */
export function checkNodeChange(
  change: NodeChange,
  predecessors: readonly { code: string; name: string; state: ProcedureState; approvedDate: CalendarDate | null }[],
  today: CalendarDate,
): void {
  const problems: Problem[] = [];
  const dated = (value: CalendarDate | null, field: string, label: string, needed: boolean) => {
    if (value === null) {
      if (needed) problems.push({ field, reason: `须填写${label}` });
      return;
    }
    try {
      requireDate(value, field);
    } catch (e) {
      if (e instanceof DomainError) problems.push({ field, reason: e.reason });
      return;
    }
    if (value > today) problems.push({ field, reason: `${label}不能是将来的日期` });
  };
  const started = change.state === 'IN_PROGRESS' || change.state === 'APPROVED';
  dated(change.requestedDate, 'requestedDate', '申报日期', started);
  dated(change.approvedDate, 'approvedDate', '批复日期', change.state === 'APPROVED');
  if (change.state === 'APPROVED' && !change.documentNumber?.trim()) problems.push({ field: 'documentNumber', reason: '已办结的手续须填写批复文号' });
  if (!started && change.requestedDate) problems.push({ field: 'requestedDate', reason: '未启动或无需办理的手续不填申报日期' });
  if (change.state !== 'APPROVED' && change.approvedDate) problems.push({ field: 'approvedDate', reason: '尚未办结的手续不填批复日期' });
  if (change.requestedDate && change.approvedDate && change.approvedDate < change.requestedDate) problems.push({ field: 'approvedDate', reason: '批复日期不能早于申报日期' });
  if (started) {
    for (const p of predecessors) {
      if (p.state === 'NOT_REQUIRED') continue;
      if (p.state !== 'APPROVED') problems.push({ field: 'state', reason: `前置手续「${p.name}」尚未办结，不能申报` });
      else if (change.requestedDate && p.approvedDate && change.requestedDate < p.approvedDate) problems.push({ field: 'requestedDate', reason: `申报日期不能早于前置手续「${p.name}」的批复日期 ${p.approvedDate}` });
    }
  }
  throwIfProblems(problems);
}
