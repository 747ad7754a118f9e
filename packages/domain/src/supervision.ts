/**
 * Delegates' supervision of livelihood projects (人大监督): a supervision group's inspection ends in
 * advices (督办建议) the lead department answers within a number of working days.
 */
import type { CalendarDate } from './dates';
import { requireDate } from './dates';
import { DomainError } from './errors';
import { addWorkingDays } from './workdays';

/** Working days a lead department has to answer an advice unless the group sets another limit. */
export const DEFAULT_ADVICE_WORKING_DAYS = 15;
/** The longest limit a group may set. */
export const MAX_ADVICE_WORKING_DAYS = 60;

export type AdviceState = 'PENDING' | 'OVERDUE' | 'ANSWERED' | 'ANSWERED_LATE';
export const ADVICE_STATE_LABELS: Readonly<Record<AdviceState, string>> = {
  PENDING: '待答复',
  OVERDUE: '超期未答复',
  ANSWERED: '已答复',
  ANSWERED_LATE: '超期答复',
};

/** The day an advice issued on `issuedOn` must be answered by: `workingDays` working days later (1–60). */
export function adviceDueDate(issuedOn: CalendarDate, workingDays: number): CalendarDate {
  requireDate(issuedOn, 'issuedOn');
  if (!Number.isInteger(workingDays) || workingDays < 1 || workingDays > MAX_ADVICE_WORKING_DAYS) {
    throw new DomainError('workingDays', `答复期限须为 1–${MAX_ADVICE_WORKING_DAYS} 个工作日`);
  }
  try {
    return addWorkingDays(issuedOn, workingDays);
  } catch (e) {
    if (e instanceof DomainError) throw new DomainError(e.field === 'n' ? 'workingDays' : 'issuedOn', e.reason);
    throw e;
  }
}

/**
 * Where an advice stands on `today`: answered on or before its due day, answered after it, not yet
 * answered and still within the limit, or overdue (the day after the due day, unanswered).
 */
export function adviceState(advice: { dueDate: CalendarDate; answeredOn: CalendarDate | null }, today: CalendarDate): AdviceState {
  requireDate(advice.dueDate, 'dueDate');
  requireDate(today, 'today');
  if (advice.answeredOn !== null) {
    requireDate(advice.answeredOn, 'answeredOn');
    return advice.answeredOn > advice.dueDate ? 'ANSWERED_LATE' : 'ANSWERED';
  }
  return today > advice.dueDate ? 'OVERDUE' : 'PENDING';
}
