/**
 * The monthly report deadline (报送期限): a month's completion report is due by the end of the
 * city's deadline day of the following month (Asia/Shanghai). A report submitted by then is on
 * time; once it has passed, a month without a report is lit as no report by the deadline.
 */
import { DomainError } from './errors';
import { addMonths, periodStart, type Period } from './period';
import { requirePeriod } from './validate';

const DAY_MS = 24 * 3600 * 1000;

/** The instant the deadline ends: midnight after the deadline day of the following month (exclusive). */
export function reportDeadline(period: Period, deadlineDay: number): Date {
  requirePeriod(period, 'period');
  if (!Number.isInteger(deadlineDay) || deadlineDay < 1 || deadlineDay > 28) {
    throw new DomainError('deadlineDay', '报送截止日必须是 1 到 28 之间的整数');
  }
  return new Date(periodStart(addMonths(period, 1)).getTime() + deadlineDay * DAY_MS);
}

/** The deadline of `period` has passed at `now`. */
export function reportDeadlinePassed(period: Period, deadlineDay: number, now: Date): boolean {
  return now.getTime() >= reportDeadline(period, deadlineDay).getTime();
}

/** A report submitted at `submittedAt` is on time for `period`. */
export function reportedOnTime(period: Period, deadlineDay: number, submittedAt: Date): boolean {
  return submittedAt.getTime() < reportDeadline(period, deadlineDay).getTime();
}
