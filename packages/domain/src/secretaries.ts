/**
 * Service secretaries (服务秘书), DESIGN.md "Secretaries" and report 001 (Dalian: 378 secretaries for
 * 719 major projects; secretaries "每周到项目单位走访一次", "每周至少与项目建设负责人…沟通一次").
 * The no-contact warning flags a project whose secretary has not been in touch for N days (a city
 * setting); coverage says how many key projects have a secretary at all.
 */
import { type CalendarDate, daysBetween, requireDate } from './dates';
import { DomainError } from './errors';
import { type Fraction, fraction, percentage } from './ratios';
import { requirePositiveInteger } from './validate';

/** Calendar days from the last contact to today (0 on the day of contact); null when never contacted. */
export function daysSinceContact(lastContactDate: CalendarDate | null, today: CalendarDate): number | null {
  requireDate(today, 'today');
  if (lastContactDate === null) return null;
  requireDate(lastContactDate, 'lastContactDate');
  if (lastContactDate > today)
    throw new DomainError('lastContactDate', `最近联系日期 ${lastContactDate} 晚于今天 ${today}`);
  return daysBetween(lastContactDate, today);
}

export interface QuietCheck {
  /** The last visit, call, meeting or approval help logged; null when none. */
  lastContactDate: CalendarDate | null;
  /** When the secretary was assigned: a project never contacted is measured from it. */
  assignedDate?: CalendarDate | null;
  today: CalendarDate;
  /** The city's N: warn after N days without contact. */
  quietDays: number;
}

/**
 * "No contact for N days": true once N or more calendar days have passed since the last contact
 * (contact on 1 March, N = 30 → quiet from 31 March). Never contacted: measured from the
 * assignment date when given, otherwise quiet at once (no contact on record).
 */
export function isQuiet(input: QuietCheck): boolean {
  requirePositiveInteger(input.quietDays, 'quietDays');
  const since = daysSinceContact(input.lastContactDate, input.today);
  if (since !== null) return since >= input.quietDays;
  if (input.assignedDate == null) return true;
  requireDate(input.assignedDate, 'assignedDate');
  if (input.assignedDate > input.today) return false;
  return daysBetween(input.assignedDate, input.today) >= input.quietDays;
}

export interface SecretaryAssignment {
  startDate: CalendarDate;
  /** Last day of the assignment; null while it runs. */
  endDate: CalendarDate | null;
}

/** An assignment runs from its start date to its end date, both included. */
export function isActiveAssignment(
  assignment: SecretaryAssignment,
  today: CalendarDate,
  at = 'assignment',
): boolean {
  requireDate(today, 'today');
  requireDate(assignment.startDate, `${at}.startDate`);
  if (assignment.endDate !== null) {
    requireDate(assignment.endDate, `${at}.endDate`);
    if (assignment.endDate < assignment.startDate)
      throw new DomainError(`${at}.endDate`, '结束日期不能早于开始日期');
  }
  return assignment.startDate <= today && (assignment.endDate === null || today <= assignment.endDate);
}

export interface KeyProjectAssignments {
  projectId: string;
  assignments: readonly SecretaryAssignment[];
}

export interface SecretaryCoverage {
  /** Key projects with at least one active assignment. */
  covered: number;
  /** Key projects. */
  total: number;
  fraction: Fraction | null;
  /** Percent with one decimal; null when there is no key project. */
  percent: number | null;
  /** Key projects without an active secretary, in the given order. */
  uncoveredProjectIds: string[];
}

/** Coverage = key projects with at least one active assignment ÷ key projects. */
export function secretaryCoverage(
  keyProjects: readonly KeyProjectAssignments[],
  today: CalendarDate,
): SecretaryCoverage {
  requireDate(today, 'today');
  const uncovered: string[] = [];
  keyProjects.forEach((p, i) => {
    const active = p.assignments.map((a, j) =>
      isActiveAssignment(a, today, `keyProjects[${i}].assignments[${j}]`),
    );
    if (!active.includes(true)) uncovered.push(p.projectId);
  });
  const total = keyProjects.length;
  const covered = total - uncovered.length;
  return {
    covered,
    total,
    fraction: total === 0 ? null : fraction(BigInt(covered), BigInt(total)),
    percent: percentage(BigInt(covered), BigInt(total)),
    uncoveredProjectIds: uncovered,
  };
}

/** "In the last N days": from today − (N − 1) to today, both included (a log entry of today counts). */
export function isWithinLastDays(date: CalendarDate, today: CalendarDate, days: number, field = 'date'): boolean {
  requireDate(today, 'today');
  requireDate(date, field);
  requirePositiveInteger(days, 'days');
  const age = daysBetween(date, today);
  return age >= 0 && age < days;
}

/** A third-party evaluation score (第三方评估): a whole number from 0 to 100. */
export function requireEvaluationScore(score: number, field = 'score'): number {
  if (!Number.isInteger(score) || score < 0 || score > 100) throw new DomainError(field, `评分须为 0–100 的整数 (got ${score})`);
  return score;
}

/** The secretary's place in the project's team: the only one, or the lead or a member of a reinforced team (加强型). */
export type TeamRole = 'SOLE' | 'LEAD' | 'MEMBER';

export interface TeamAssignment extends SecretaryAssignment {
  teamRole: TeamRole;
}

/** Two assignments overlap when some day falls in both (open ends run on for ever). */
export function assignmentsOverlap(a: SecretaryAssignment, b: SecretaryAssignment): boolean {
  const aEnd = a.endDate ?? '9999-12-31';
  const bEnd = b.endDate ?? '9999-12-31';
  return a.startDate <= bEnd && b.startDate <= aEnd;
}

/**
 * Whether a new assignment fits the project's team (DESIGN.md "a lead and members for a reinforced
 * team"): at any time a project has either one secretary (SOLE) or a team of one LEAD and MEMBERs.
 * Returns the reason it does not fit, or null.
 */
export function teamConflict(existing: readonly TeamAssignment[], added: TeamAssignment): string | null {
  if (added.endDate !== null && added.endDate < added.startDate) return '结束日期不能早于开始日期';
  const overlapping = existing.filter((e) => assignmentsOverlap(e, added));
  if (added.teamRole === 'SOLE' && overlapping.length > 0) return '该项目在此期间已有服务秘书；加强型团队请指定组长或组员 (the project already has a secretary then)';
  if (overlapping.some((e) => e.teamRole === 'SOLE')) return '该项目在此期间已有一名服务秘书；请先结束其任命或改为加强型团队 (a sole secretary serves it then)';
  if (added.teamRole === 'LEAD' && overlapping.some((e) => e.teamRole === 'LEAD')) return '加强型团队只能有一名组长 (the team already has a lead then)';
  return null;
}

/**
 * The secretary answerable for a problem of a project (问题责任秘书). A problem raised by a secretary
 * is that secretary's; one raised by anyone else (an admin, a dispatch-meeting decision) belongs to
 * the project's lead secretary on the day it was raised: the lead of a reinforced team, else its sole
 * secretary. Members of a team are never answerable on their own; null when the project had no
 * secretary that day.
 */
export function responsibleSecretary<Id>(
  raisedBySecretary: Id | null,
  assignments: readonly (TeamAssignment & { secretaryId: Id })[],
  raisedDate: CalendarDate,
): Id | null {
  if (raisedBySecretary !== null) return raisedBySecretary;
  const running = assignments.filter((a, i) => isActiveAssignment(a, raisedDate, `assignments[${i}]`));
  return (running.find((a) => a.teamRole === 'LEAD') ?? running.find((a) => a.teamRole === 'SOLE'))?.secretaryId ?? null;
}
