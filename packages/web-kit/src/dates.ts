import { addMonths, period as makePeriod, periodOfInstant, periodRange, shanghaiDate } from '@kpd/domain';

export { addMonths, parsePeriod, yearOf, yearToDate } from '@kpd/domain';

/** Every instant is shown in China's time, whatever the browser's zone. */
export const TIME_ZONE = 'Asia/Shanghai';

const formats = new Map<string, Intl.DateTimeFormat>();

function format(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = locale + JSON.stringify(options);
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, hourCycle: 'h23', ...options });
    formats.set(key, f);
  }
  return f;
}

function parts(value: string | Date): Record<string, string> | null {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return null;
  const out: Record<string, string> = {};
  for (const p of format('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(date)) {
    out[p.type] = p.value;
  }
  return out;
}

/** "2020-10-09 16:30" in Asia/Shanghai, from an ISO instant. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '—';
  const p = parts(value);
  return p ? `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}` : '—';
}

/** "2020-10-09" in Asia/Shanghai, from an ISO instant. */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '—';
  const p = parts(value);
  return p ? `${p.year}-${p.month}-${p.day}` : '—';
}

/** A month (Period "2020-10") as 2020年10月 or Oct 2020. */
export function formatPeriod(period: string | null | undefined, locale: 'zh' | 'en'): string {
  const m = period ? /^(\d{4})-(\d{2})$/.exec(period) : null;
  if (!m) return '—';
  if (locale === 'zh') return `${m[1]}年${Number(m[2])}月`;
  return format('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 15)));
}

/** How far the service's clock (KPD_TODAY) runs from this browser's, once read from the server. */
let serviceOffsetMs = 0;

/** The service's current instant: the browser's clock moved to the service's date (KPD_TODAY). */
export function serviceNow(): Date {
  return new Date(Date.now() + serviceOffsetMs);
}

/** Sets the service's clock from an instant the server gave (its `now`). */
export function setServiceClock(serverNow: string | Date): void {
  const at = new Date(serverNow).getTime();
  if (Number.isFinite(at)) serviceOffsetMs = at - Date.now();
}

/**
 * Reads the service's clock once (GET /api/web/config) so that every page's "today" and "this month"
 * is the service's, not the browser's; the shell waits for it (briefly) before the first render.
 */
export async function syncServiceClock(timeoutMs = 3000): Promise<void> {
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, timeoutMs));
  const read = fetch('/api/web/config', { credentials: 'same-origin', cache: 'no-store' })
    .then((r) => (r.ok ? (r.json() as Promise<{ now?: string }>) : null))
    .then((c) => {
      if (c?.now) setServiceClock(c.now);
    })
    .catch(() => undefined);
  await Promise.race([read, timeout]);
}

/** Today on China's calendar, "2020-10-09" (by default the service's today). */
export function todayInChina(now: Date = serviceNow()): string {
  return shanghaiDate(now);
}

/** This month on China's calendar, "2020-10". */
export function thisMonthInChina(now: Date = serviceNow()): string {
  return periodOfInstant(now);
}

/** The month before a month ("2020-01" → "2019-12"); by default the month before this one in China. */
export function previousMonth(period: string = thisMonthInChina()): string {
  return addMonths(period, -1);
}

/** True for a month after this one in China: its figures cannot exist yet. */
export function isFutureMonth(period: string, now: Date = serviceNow()): boolean {
  return period > thisMonthInChina(now);
}

/** The twelve months of a year, "2020-01" … "2020-12". */
export function monthsOfYear(year: number | string): string[] {
  return periodRange(makePeriod(Number(year), 1), makePeriod(Number(year), 12));
}
