/**
 * Calendar dates written "YYYY-MM-DD" on the Asia/Shanghai calendar (the project's convention for
 * deadlines, milestone dates and contact dates). Arithmetic is on the calendar alone: a date has
 * no time of day and no time zone, so it runs in UTC internally and never shifts by a day.
 */
import { DomainError } from './errors';
import { daysInPeriod, type Period, period as makePeriod, parsePeriod } from './period';

export type CalendarDate = string;

const DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const MS_PER_DAY = 86_400_000;

/** True for a real calendar date in the form YYYY-MM-DD ("2021-02-29" is not one). */
export function isCalendarDate(value: string): boolean {
  const m = typeof value === 'string' ? DATE.exec(value) : null;
  if (!m) return false;
  const day = Number(m[3]);
  return day <= daysInPeriod(`${m[1]}-${m[2]}`);
}

/** Checks the form and the calendar, or throws a DomainError naming `field`. */
export function requireDate(value: string, field: string): CalendarDate {
  if (!isCalendarDate(value)) throw new DomainError(field, `"${value}" 不是 YYYY-MM-DD 格式的有效日期`);
  return value;
}

/** Days since 1970-01-01 (the date's ordinal), for arithmetic. */
export function dayNumber(date: CalendarDate, field = 'date'): number {
  requireDate(date, field);
  return (
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY
  );
}

export function fromDayNumber(n: number): CalendarDate {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: CalendarDate, n: number, field = 'date'): CalendarDate {
  return fromDayNumber(dayNumber(date, field) + n);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier): 2020-09-30 → 2020-10-01 is 1. */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return dayNumber(to, 'to') - dayNumber(from, 'from');
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: CalendarDate, field = 'date'): number {
  const d = new Date(dayNumber(date, field) * MS_PER_DAY).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The month a date falls in. */
export function periodOfDate(date: CalendarDate, field = 'date'): Period {
  requireDate(date, field);
  return date.slice(0, 7);
}

export function firstDayOf(p: Period): CalendarDate {
  parsePeriod(p);
  return `${p}-01`;
}

export function lastDayOf(p: Period): CalendarDate {
  const { year, month } = parsePeriod(p);
  return `${makePeriod(year, month)}-${String(daysInPeriod(p)).padStart(2, '0')}`;
}
