/**
 * Reminders (提醒): the days a scheduled reminder is sent, on the working-day calendar, and the
 * backoff of an outbound notice that failed. A reminder falls on a working day only: a deadline on
 * a weekend or holiday is reminded on the last working day before it.
 */
import { addDays, daysBetween, requireDate, type CalendarDate } from './dates';
import { DomainError } from './errors';
import { addMonths, type Period } from './period';
import { requirePeriod } from './validate';
import { addWorkingDays, isWorkingDay } from './workdays';

/** Working days before a report's deadline that its first reminder goes out. */
export const REPORT_REMINDER_LEAD = 3;
/** Working days before a problem's deadline that its owner is reminded. */
export const PROBLEM_REMINDER_LEAD = 2;

/** The last working day on or before `date`. */
export function workingDayOnOrBefore(date: CalendarDate): CalendarDate {
  requireDate(date, 'date');
  let d = date;
  for (let i = 0; i < 40 && !isWorkingDay(d); i++) d = addDays(d, -1);
  return d;
}

/** The first working day on or after `date`. */
export function workingDayOnOrAfter(date: CalendarDate): CalendarDate {
  requireDate(date, 'date');
  let d = date;
  for (let i = 0; i < 40 && !isWorkingDay(d); i++) d = addDays(d, 1);
  return d;
}

/** The working day `n` working days before `date` (a working day itself). */
export function workingDaysBefore(date: CalendarDate, n: number): CalendarDate {
  if (!Number.isSafeInteger(n) || n < 0) throw new DomainError('n', '工作日数必须是非负整数');
  let d = workingDayOnOrBefore(date);
  for (let i = 0; i < n; i++) d = workingDayOnOrBefore(addDays(d, -1));
  return d;
}

/** The calendar day a month's report is due: the city's deadline day of the following month. */
export function reportDueDate(period: Period, deadlineDay: number): CalendarDate {
  requirePeriod(period, 'period');
  if (!Number.isInteger(deadlineDay) || deadlineDay < 1 || deadlineDay > 28) throw new DomainError('deadlineDay', '报送截止日必须是 1 到 28 之间的整数');
  return `${addMonths(period, 1)}-${String(deadlineDay).padStart(2, '0')}`;
}

export type ReportReminder = 'REPORT_DUE_SOON' | 'REPORT_DUE_TODAY';

/**
 * Which report reminder goes out on `today` for a report due on `dueDate` (still missing): three
 * working days before (REPORT_DUE_SOON), and on the deadline (REPORT_DUE_TODAY) — the last working
 * day on or before it when the deadline is a day off. Null on any other day.
 */
export function reportReminderOn(today: CalendarDate, dueDate: CalendarDate): ReportReminder | null {
  requireDate(today, 'today');
  requireDate(dueDate, 'dueDate');
  if (!isWorkingDay(today)) return null;
  if (today === workingDayOnOrBefore(dueDate)) return 'REPORT_DUE_TODAY';
  if (today === workingDaysBefore(dueDate, REPORT_REMINDER_LEAD)) return 'REPORT_DUE_SOON';
  return null;
}

export type ProblemReminder = 'PROBLEM_NEAR_DEADLINE' | 'PROBLEM_OVERDUE';

/**
 * Which reminder the owner of a live problem due on `deadline` gets on `today`: two working days
 * before (PROBLEM_NEAR_DEADLINE), and on the first working day after the deadline (PROBLEM_OVERDUE).
 */
export function problemReminderOn(today: CalendarDate, deadline: CalendarDate): ProblemReminder | null {
  requireDate(today, 'today');
  requireDate(deadline, 'deadline');
  if (!isWorkingDay(today)) return null;
  if (today === workingDaysBefore(deadline, PROBLEM_REMINDER_LEAD)) return 'PROBLEM_NEAR_DEADLINE';
  if (today === addWorkingDays(deadline, 1)) return 'PROBLEM_OVERDUE';
  return null;
}

/**
 * Whether a project's secretary is reminded of no contact on `today`: on the first working day on
 * or after the day the project has gone `quietDays` days without a contact (counted from the last
 * contact, or from the assignment when there was none), once per quiet stretch.
 */
export function quietReminderOn(today: CalendarDate, since: CalendarDate, quietDays: number): boolean {
  requireDate(today, 'today');
  requireDate(since, 'since');
  if (!Number.isSafeInteger(quietDays) || quietDays < 1) throw new DomainError('quietDays', '未联系天数必须是正整数');
  if (!isWorkingDay(today) || daysBetween(since, today) < quietDays) return false;
  return today === workingDayOnOrAfter(addDays(since, quietDays));
}

/**
 * The wait before the next try of a failed delivery: `baseSeconds` doubled for every try made
 * (1 try made: base; 2: 2×base; 3: 4×base …), never more than `capSeconds`.
 */
export function retryDelaySeconds(attemptsMade: number, baseSeconds: number, capSeconds: number): number {
  if (!Number.isSafeInteger(attemptsMade) || attemptsMade < 1) throw new DomainError('attemptsMade', '尝试次数必须是正整数');
  if (!(baseSeconds >= 0) || !(capSeconds >= 0)) throw new DomainError('baseSeconds', '重试间隔不能为负');
  return Math.min(capSeconds, baseSeconds * 2 ** Math.min(attemptsMade - 1, 30));
}
