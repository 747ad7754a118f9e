import { isCalendarDate, periodOfInstant, shanghaiDate } from '@kpd/domain';

/**
 * The service's one clock. Every "today" and "now" of the business — lights, report deadlines,
 * month close, overdue problems, vote and evaluation times, audit-free timestamps on rows — reads it.
 *
 * `KPD_TODAY=YYYY-MM-DD` sets the date (Asia/Shanghai calendar): the clock then runs at the real
 * time of day on that date, so timestamps still advance and order as they should. Unset, the clock
 * is the real one. Security durations (session expiry, sign-in lockout, throttling) stay on the real
 * time: they measure elapsed time, not the calendar.
 */

const SHANGHAI_OFFSET_MS = 8 * 3600_000;
const MS_PER_DAY = 86_400_000;

let override: string | null | undefined;

/**
 * The demo's day: Liaoning in autumn 2020, September 2020 the month just closed. `pnpm start`
 * runs at it outside production while the demo data is on, unless KPD_TODAY says otherwise.
 */
export const DEMO_TODAY = '2020-10-15';

/** `KPD_TODAY=real`: the real date, also where the demo clock would be the default. */
const REAL = 'real';

function configured(): string | null {
  if (override !== undefined) return override;
  const value = process.env.KPD_TODAY?.trim();
  if (!value || value === REAL) return null;
  if (!isCalendarDate(value)) throw new Error(`KPD_TODAY="${value}" is not a date written YYYY-MM-DD`);
  return value;
}

/** How far the service's clock runs from the real one (0 when KPD_TODAY is unset). */
function offsetMs(real: number): number {
  const today = configured();
  if (today === null) return 0;
  const realShanghaiDay = Math.floor((real + SHANGHAI_OFFSET_MS) / MS_PER_DAY);
  const wantedDay = Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1, Number(today.slice(8, 10))) / MS_PER_DAY;
  return (wantedDay - realShanghaiDay) * MS_PER_DAY;
}

/** The service's current instant. */
export function now(): Date {
  const real = Date.now();
  return new Date(real + offsetMs(real));
}

/** The service's date today on the Asia/Shanghai calendar, YYYY-MM-DD. */
export function today(): string {
  return shanghaiDate(now());
}

/** The service's current month, YYYY-MM (Asia/Shanghai). */
export function currentPeriod(): string {
  return periodOfInstant(now());
}

/**
 * The started service's default (main.ts, before any process forks): outside production, with the
 * demo data on (SEED_DEMO not `false`) and KPD_TODAY unset, the clock is the demo's day. Tests and
 * production keep the real date. Returns the date it set, or null.
 */
export function applyDemoClockDefault(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.KPD_TODAY?.trim()) return null;
  if (env.NODE_ENV === 'production' || env.SEED_DEMO === 'false') return null;
  env.KPD_TODAY = DEMO_TODAY;
  return DEMO_TODAY;
}

/** Which clock runs: `KPD_TODAY` (a set date), or `real`. */
export function clockSource(): 'KPD_TODAY' | 'real' {
  return configured() === null ? 'real' : 'KPD_TODAY';
}

/** Checks KPD_TODAY at start, so a typo stops the service instead of the first request. */
export function checkClockConfiguration(): void {
  configured();
}

/** Tests only: sets the date (null = the real one) without touching the environment; undefined goes back to KPD_TODAY. */
export function setTodayForTesting(date: string | null | undefined): void {
  if (date !== null && date !== undefined && !isCalendarDate(date)) throw new Error(`not a date: ${date}`);
  override = date;
}
