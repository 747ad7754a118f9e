/**
 * Problem lists (问题清单), DESIGN.md "Problems" and report 001: a two-level mechanism — the district
 * solves what it can within a time limit (限时解决); what needs the city is listed for supervision
 * (挂牌督办) with a city leader; problems are followed monthly and closed out (销号) with evidence
 * (report 000: "挂图作战、限时销号").
 *
 * Life cycle: OPEN → IN_PROGRESS → RESOLVED → CLOSED_OUT. A problem may be resolved straight from
 * OPEN. REOPEN takes a RESOLVED or CLOSED_OUT problem back to OPEN (not IN_PROGRESS): the owner must
 * take it up again (START), so the reopening is seen by the owner and counted as not yet handled.
 */
import { type CalendarDate, requireDate } from './dates';
import { DomainError } from './errors';
import { percentage } from './ratios';
import { requireNonEmptyText, requireNonNegativeInteger } from './validate';
import { addWorkingDays } from './workdays';

export type ProblemStatus = 'OPEN' | 'IN_PROGRESS' | 'RESOLVED' | 'CLOSED_OUT';
export const PROBLEM_STATUS_LABELS: Readonly<Record<ProblemStatus, string>> = {
  OPEN: '待办理',
  IN_PROGRESS: '办理中',
  RESOLVED: '已解决',
  CLOSED_OUT: '已销号',
};

export type ProblemCategory =
  'LAND' | 'PLANNING' | 'PERMITS' | 'POWER' | 'DEMOLITION' | 'UTILITIES' | 'FINANCING' | 'OTHER';
export const PROBLEM_CATEGORIES: readonly ProblemCategory[] = [
  'LAND',
  'PLANNING',
  'PERMITS',
  'POWER',
  'DEMOLITION',
  'UTILITIES',
  'FINANCING',
  'OTHER',
];
/** The kinds of bottleneck report 001 lists: 林地调规, 动迁, 市政管网配套, 林地手续 … */
export const PROBLEM_CATEGORY_LABELS: Readonly<Record<ProblemCategory, string>> = {
  LAND: '土地',
  PLANNING: '规划',
  PERMITS: '审批手续',
  POWER: '电力',
  DEMOLITION: '征收动迁',
  UTILITIES: '市政配套',
  FINANCING: '融资',
  OTHER: '其他',
};

export type ProblemLevel = 'DISTRICT' | 'CITY';
export const PROBLEM_LEVEL_LABELS: Readonly<Record<ProblemLevel, string>> = {
  DISTRICT: '区级限时解决',
  CITY: '市级挂牌督办',
};

export type ProblemAction = 'START' | 'RESOLVE' | 'CLOSE_OUT' | 'REOPEN' | 'ESCALATE' | 'REQUEST_ESCALATION';
export const PROBLEM_ACTION_LABELS: Readonly<Record<ProblemAction, string>> = {
  START: '开始办理',
  RESOLVE: '标记已解决',
  CLOSE_OUT: '销号',
  REOPEN: '重新打开',
  ESCALATE: '提级为市级挂牌督办',
  REQUEST_ESCALATION: '申请市级协调',
};

/** The rule-relevant state of a problem. */
export interface ProblemState {
  status: ProblemStatus;
  level: ProblemLevel;
  /** The city leader of a listed (CITY) problem; null at district level. */
  cityLeader: string | null;
  raisedDate: CalendarDate;
  /** Due by the end of this day. */
  deadline: CalendarDate;
  resolvedDate: CalendarDate | null;
  closedOutDate: CalendarDate | null;
  /** Evidence of the close-out (attachment ids or descriptions); empty until closed out. */
  evidence: readonly string[];
  /** The district asked for the city's help. */
  escalationRequested: boolean;
  reopenCount: number;
}

export interface TransitionPayload {
  /** The day the action is taken (Asia/Shanghai calendar). */
  date: CalendarDate;
  /** CLOSE_OUT: at least one piece of evidence. */
  evidence?: readonly string[];
  /** REOPEN and REQUEST_ESCALATION: why. */
  reason?: string;
  /** ESCALATE: the city leader in charge. */
  cityLeader?: string;
  /** ESCALATE or REOPEN: a new deadline, on or after `date`. */
  deadline?: CalendarDate;
}

export interface NewProblemInput {
  category: ProblemCategory;
  level: ProblemLevel;
  cityLeader?: string | null;
  raisedDate: CalendarDate;
  deadline: CalendarDate;
}

const LIVE: readonly ProblemStatus[] = ['OPEN', 'IN_PROGRESS'];

function requireCityLeader(name: string | null | undefined): string {
  return requireNonEmptyText(name, 'cityLeader', '市级挂牌督办须明确牵头市领导，市领导姓名');
}

/** A new problem, OPEN, checked: known category and level, a city leader for CITY, deadline not before raising. */
export function openProblem(input: NewProblemInput): ProblemState {
  if (!PROBLEM_CATEGORIES.includes(input.category))
    throw new DomainError('category', `未知的问题类别 "${input.category}"`);
  if (input.level !== 'DISTRICT' && input.level !== 'CITY')
    throw new DomainError('level', `未知的督办层级 "${input.level}"`);
  requireDate(input.raisedDate, 'raisedDate');
  requireDate(input.deadline, 'deadline');
  if (input.deadline < input.raisedDate) throw new DomainError('deadline', '办结期限不能早于提出日期');
  const cityLeader = input.level === 'CITY' ? requireCityLeader(input.cityLeader) : null;
  return {
    status: 'OPEN',
    level: input.level,
    cityLeader,
    raisedDate: input.raisedDate,
    deadline: input.deadline,
    resolvedDate: null,
    closedOutDate: null,
    evidence: [],
    escalationRequested: false,
    reopenCount: 0,
  };
}

function refuse(state: ProblemState, action: ProblemAction, why?: string): never {
  throw new DomainError(
    'action',
    why ?? `「${PROBLEM_STATUS_LABELS[state.status]}」的问题不能${PROBLEM_ACTION_LABELS[action] ?? action}`,
  );
}

function newDeadline(payload: TransitionPayload, current: CalendarDate): CalendarDate {
  if (payload.deadline === undefined) return current;
  requireDate(payload.deadline, 'deadline');
  if (payload.deadline < payload.date) throw new DomainError('deadline', '新的办结期限不能早于操作日期');
  return payload.deadline;
}

/**
 * Applies an action and returns the new state, or throws a DomainError: on `action` when the
 * action is not allowed in the current state, on the payload field when something it needs is
 * missing (evidence to close out, a reason to reopen, a city leader to escalate).
 */
export function transition(
  state: ProblemState,
  action: ProblemAction,
  payload: TransitionPayload,
): ProblemState {
  requireDate(payload?.date, 'date');
  if (payload.date < state.raisedDate) throw new DomainError('date', '操作日期不能早于问题提出日期');
  switch (action) {
    case 'START':
      if (state.status !== 'OPEN') refuse(state, action);
      return { ...state, status: 'IN_PROGRESS' };
    case 'RESOLVE':
      if (!LIVE.includes(state.status)) refuse(state, action);
      return { ...state, status: 'RESOLVED', resolvedDate: payload.date };
    case 'CLOSE_OUT': {
      if (state.status !== 'RESOLVED') refuse(state, action);
      const evidence = (payload.evidence ?? [])
        .map((e) => (typeof e === 'string' ? e.trim() : ''))
        .filter((e) => e !== '');
      if (evidence.length === 0) throw new DomainError('evidence', '销号须提供佐证材料');
      if (state.resolvedDate !== null && payload.date < state.resolvedDate) {
        throw new DomainError('date', '销号日期不能早于解决日期');
      }
      return { ...state, status: 'CLOSED_OUT', closedOutDate: payload.date, evidence };
    }
    case 'REOPEN':
      if (state.status !== 'RESOLVED' && state.status !== 'CLOSED_OUT') refuse(state, action);
      requireNonEmptyText(payload.reason, 'reason', '重新打开的原因');
      return {
        ...state,
        status: 'OPEN',
        deadline: newDeadline(payload, state.deadline),
        resolvedDate: null,
        closedOutDate: null,
        evidence: [],
        reopenCount: state.reopenCount + 1,
      };
    case 'ESCALATE':
      if (!LIVE.includes(state.status)) refuse(state, action);
      if (state.level === 'CITY') refuse(state, action, '问题已是市级挂牌督办');
      return {
        ...state,
        level: 'CITY',
        cityLeader: requireCityLeader(payload.cityLeader),
        deadline: newDeadline(payload, state.deadline),
      };
    case 'REQUEST_ESCALATION':
      if (!LIVE.includes(state.status)) refuse(state, action);
      if (state.level === 'CITY') refuse(state, action, '问题已是市级挂牌督办');
      requireNonEmptyText(payload.reason, 'reason', '申请市级协调的原因');
      return { ...state, escalationRequested: true };
    default:
      throw new DomainError('action', `未知的操作 "${String(action)}"`);
  }
}

const ACTIONS: readonly ProblemAction[] = ['START', 'RESOLVE', 'REQUEST_ESCALATION', 'ESCALATE', 'CLOSE_OUT', 'REOPEN'];

/**
 * The actions the state machine allows from a problem's state (whoever may take them), found by
 * asking `transition` itself with every piece an action may need supplied, so the rule lives once.
 */
export function allowedProblemActions(state: ProblemState): ProblemAction[] {
  const date = state.resolvedDate && state.resolvedDate > state.raisedDate ? state.resolvedDate : state.raisedDate;
  return ACTIONS.filter((action) => {
    try {
      transition(state, action, { date, evidence: ['-'], reason: '-', cityLeader: '-' });
      return action !== 'REQUEST_ESCALATION' || !state.escalationRequested;
    } catch (e) {
      if (e instanceof DomainError && e.field === 'action') return false;
      throw e;
    }
  });
}

/** The deadline n working days after the day a problem was raised (限时解决), via the working-day calendar. */
export function deadlineFromWorkingDays(raisedDate: CalendarDate, workingDays: number): CalendarDate {
  requireDate(raisedDate, 'raisedDate');
  requireNonNegativeInteger(workingDays, 'workingDays');
  try {
    return addWorkingDays(raisedDate, workingDays);
  } catch (e) {
    if (e instanceof DomainError)
      throw new DomainError(e.field === 'n' ? 'workingDays' : 'raisedDate', e.reason);
    throw e;
  }
}

/** Still open or in progress after its deadline day. */
export function isOverdue(problem: ProblemState, today: CalendarDate): boolean {
  requireDate(today, 'today');
  return LIVE.includes(problem.status) && today > problem.deadline;
}

export type EscalationReason = 'DEADLINE_PASSED' | 'DISTRICT_REQUESTED';

/**
 * Why a district-level problem should go to the city (DESIGN.md: "escalation when the district
 * cannot solve it or the deadline passes"): its deadline passed while unresolved, or the district
 * asked. Empty for city-level, resolved and closed-out problems.
 */
export function escalationReasons(problem: ProblemState, today: CalendarDate): EscalationReason[] {
  requireDate(today, 'today');
  if (problem.level !== 'DISTRICT' || !LIVE.includes(problem.status)) return [];
  const reasons: EscalationReason[] = [];
  if (today > problem.deadline) reasons.push('DEADLINE_PASSED');
  if (problem.escalationRequested) reasons.push('DISTRICT_REQUESTED');
  return reasons;
}

export function shouldEscalate(problem: ProblemState, today: CalendarDate): boolean {
  return escalationReasons(problem, today).length > 0;
}

/** Resolved on or before its deadline; null while not resolved (after a reopening: the latest resolution). */
export function resolvedOnTime(problem: ProblemState): boolean | null {
  if (problem.resolvedDate === null) return null;
  return problem.resolvedDate <= problem.deadline;
}

export interface ProblemFigures {
  total: number;
  /** Open or in progress. */
  live: number;
  overdue: number;
  /** Resolved or closed out. */
  resolved: number;
  closedOut: number;
  resolvedOnTime: number;
  /** Resolved on time ÷ resolved, percent with one decimal; null when none is resolved. */
  onTimeRate: number | null;
  listedForSupervision: number;
}

/** The overdue and on-time figures of a problem list (DESIGN.md "overdue and on-time figures"). */
export function problemFigures(problems: readonly ProblemState[], today: CalendarDate): ProblemFigures {
  requireDate(today, 'today');
  const resolved = problems.filter((p) => p.status === 'RESOLVED' || p.status === 'CLOSED_OUT');
  const onTime = resolved.filter((p) => resolvedOnTime(p) === true).length;
  return {
    total: problems.length,
    live: problems.filter((p) => LIVE.includes(p.status)).length,
    overdue: problems.filter((p) => isOverdue(p, today)).length,
    resolved: resolved.length,
    closedOut: problems.filter((p) => p.status === 'CLOSED_OUT').length,
    resolvedOnTime: onTime,
    onTimeRate: percentage(BigInt(onTime), BigInt(resolved.length)),
    listedForSupervision: problems.filter((p) => p.level === 'CITY').length,
  };
}
