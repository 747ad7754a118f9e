/**
 * A period is a calendar month written "YYYY-MM" (Asia/Shanghai calendar).
 * Quarters and years are derived from it.
 */

export type Period = string;

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isPeriod(value: string): boolean {
  return PERIOD.test(value);
}

export function parsePeriod(value: string): { year: number; month: number } {
  const m = PERIOD.exec(value);
  if (!m) throw new RangeError(`"${value}" is not a month in the form YYYY-MM`);
  return { year: Number(m[1]), month: Number(m[2]) };
}

export function period(year: number, month: number): Period {
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12 || year < 1900 || year > 9999) {
    throw new RangeError(`no month ${year}-${month}`);
  }
  return `${year}-${String(month).padStart(2, '0')}`;
}

export function addMonths(p: Period, n: number): Period {
  const { year, month } = parsePeriod(p);
  const index = year * 12 + (month - 1) + n;
  return period(Math.floor(index / 12), (index % 12) + 1);
}

export function monthsBetween(from: Period, to: Period): number {
  const a = parsePeriod(from);
  const b = parsePeriod(to);
  return (b.year - a.year) * 12 + (b.month - a.month);
}

/** Inclusive list of periods from..to; empty when to < from. */
export function periodRange(from: Period, to: Period): Period[] {
  const n = monthsBetween(from, to);
  const out: Period[] = [];
  for (let i = 0; i <= n; i++) out.push(addMonths(from, i));
  return out;
}

export function quarterOf(p: Period): number {
  return Math.floor((parsePeriod(p).month - 1) / 3) + 1;
}

export function yearOf(p: Period): number {
  return parsePeriod(p).year;
}

/** The same month one year earlier (同期). */
export function samePeriodLastYear(p: Period): Period {
  return addMonths(p, -12);
}

/** January of the period's year up to the period (年初至今). */
export function yearToDate(p: Period): Period[] {
  const { year } = parsePeriod(p);
  return periodRange(period(year, 1), p);
}

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000; // China has had no daylight saving time since 1991.

/** The month an instant falls in, on the Asia/Shanghai calendar. */
export function periodOfInstant(instant: Date): Period {
  const local = new Date(instant.getTime() + SHANGHAI_OFFSET_MS);
  return period(local.getUTCFullYear(), local.getUTCMonth() + 1);
}

/** The calendar date (YYYY-MM-DD) of an instant in Asia/Shanghai. */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Midnight at the start of the period's first day, Asia/Shanghai, as a UTC instant. */
export function periodStart(p: Period): Date {
  const { year, month } = parsePeriod(p);
  return new Date(Date.UTC(year, month - 1, 1) - SHANGHAI_OFFSET_MS);
}

/** Midnight after the period's last day, Asia/Shanghai, as a UTC instant (exclusive end). */
export function periodEnd(p: Period): Date {
  return periodStart(addMonths(p, 1));
}

export function daysInPeriod(p: Period): number {
  const { year, month } = parsePeriod(p);
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function comparePeriods(a: Period, b: Period): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
