import type { Problem } from './errors';
import { addDays, isCalendarDate, type CalendarDate } from './dates';
import { shanghaiDate } from './period';
import { workingDaysBetween } from './workdays';

/**
 * Cases (办件): one application of one item, with the times the window system records. The handling
 * time is counted in working days from the day of acceptance (day 0) to the day of decision, on the
 * Asia/Shanghai calendar, minus the working days of the pauses the item's guide allows (特别程序:
 * 专家评审, 公示 …), each at most as long as the guide allows. A case is on time when that count is
 * within the item's promised limit.
 */

export type CaseChannel = 'ONLINE' | 'WINDOW' | 'SELF_SERVICE' | 'MOBILE';
export const CASE_CHANNEL_LABELS: Readonly<Record<CaseChannel, string>> = {
  ONLINE: '网上办理',
  WINDOW: '窗口办理',
  SELF_SERVICE: '自助终端',
  MOBILE: '移动端',
};
export const CASE_CHANNELS = Object.keys(CASE_CHANNEL_LABELS) as CaseChannel[];
/** Channels that count as handled online (网上办理率): the web and the phone. */
export const ONLINE_CHANNELS: readonly CaseChannel[] = ['ONLINE', 'MOBILE'];

export type ApplicantType = 'PERSON' | 'ORGANIZATION';
export const APPLICANT_TYPE_LABELS: Readonly<Record<ApplicantType, string>> = {
  PERSON: '自然人',
  ORGANIZATION: '法人或其他组织',
};

export type CaseOutcome = 'APPROVED' | 'REJECTED' | 'WITHDRAWN';
export const CASE_OUTCOME_LABELS: Readonly<Record<CaseOutcome, string>> = {
  APPROVED: '准予',
  REJECTED: '不予',
  WITHDRAWN: '撤回',
};

/** A period the clock stood still, both days included. */
export interface CasePause {
  name: string;
  from: CalendarDate;
  to: CalendarDate;
}

/** What the guide allows: a pause's name and its longest length in working days. */
export interface AllowedPause {
  name: string;
  maxDays: number;
}

export interface CaseTimes {
  receivedAt: Date;
  acceptedAt: Date;
  decidedAt: Date | null;
  deliveredAt: Date | null;
  pauses: readonly CasePause[];
}

/** Below this many decided cases a figure says "样本过少" instead of a number. */
export const MIN_CASE_SAMPLE = 20;

/** Working days of [from, to] (both included) inside (accepted, decided]: the day of acceptance is day 0, never counted. */
function pauseWorkingDays(pause: CasePause, accepted: CalendarDate, decided: CalendarDate): number {
  const end = pause.to < decided ? pause.to : decided;
  if (pause.from <= accepted) return end <= accepted ? 0 : workingDaysBetween(accepted, end);
  return end < pause.from ? 0 : workingDaysBetween(addDays(pause.from, -1), end);
}

export interface Handling {
  /** Working days from acceptance to decision, before pauses. */
  grossDays: number;
  /** Working days taken out for allowed pauses (each at most its allowed length). */
  pausedDays: number;
  /** grossDays − pausedDays: what is compared with the promise. */
  days: number;
}

/** The handling time of a decided case; null while it is undecided. Pauses the guide does not allow count as handling time. */
export function handlingTime(times: CaseTimes, allowed: readonly AllowedPause[]): Handling | null {
  if (!times.decidedAt) return null;
  const accepted = shanghaiDate(times.acceptedAt);
  const decided = shanghaiDate(times.decidedAt);
  const grossDays = workingDaysBetween(accepted, decided);
  let pausedDays = 0;
  for (const p of times.pauses) {
    const rule = allowed.find((a) => a.name === p.name);
    if (!rule) continue;
    pausedDays += Math.min(rule.maxDays, pauseWorkingDays(p, accepted, decided));
  }
  pausedDays = Math.min(pausedDays, grossDays);
  return { grossDays, pausedDays, days: grossDays - pausedDays };
}

/** On time when the handling days are within the promise; null when either is unknown. */
export function onTime(days: number | null, promisedDays: number | null): boolean | null {
  return days === null || promisedDays === null ? null : days <= promisedDays;
}

/** Every problem of a case's times and pauses, each naming its field. */
export function caseProblems(times: CaseTimes, allowed: readonly AllowedPause[], at = 'input'): Problem[] {
  const problems: Problem[] = [];
  const add = (field: string, reason: string) => problems.push({ field: `${at}.${field}`, reason });
  const t = (d: Date | null) => (d ? d.getTime() : null);
  if (t(times.acceptedAt)! < t(times.receivedAt)!) add('acceptedAt', '受理时间不能早于收件时间');
  if (times.decidedAt && t(times.decidedAt)! < t(times.acceptedAt)!)
    add('decidedAt', '办结时间不能早于受理时间');
  if (times.deliveredAt && !times.decidedAt) add('deliveredAt', '尚未办结，不能有送达时间');
  else if (times.deliveredAt && t(times.deliveredAt)! < t(times.decidedAt)!)
    add('deliveredAt', '送达时间不能早于办结时间');
  const accepted = shanghaiDate(times.acceptedAt);
  const decided = times.decidedAt ? shanghaiDate(times.decidedAt) : null;
  const sorted = times.pauses.map((p, i) => ({ p, i })).sort((a, b) => (a.p.from < b.p.from ? -1 : 1));
  times.pauses.forEach((p, i) => {
    if (!allowed.some((a) => a.name === p.name))
      add(`pauses[${i}].name`, `办事指南未规定“${p.name}”可不计入时限`);
    if (!isCalendarDate(p.from)) add(`pauses[${i}].from`, '日期格式应为 YYYY-MM-DD');
    else if (!isCalendarDate(p.to)) add(`pauses[${i}].to`, '日期格式应为 YYYY-MM-DD');
    else if (p.to < p.from) add(`pauses[${i}].to`, '结束日期不能早于开始日期');
    else if (p.from < accepted || (decided !== null && p.to > decided))
      add(`pauses[${i}].from`, '暂停须在受理之后、办结之前');
  });
  for (let k = 1; k < sorted.length; k++) {
    if (sorted[k].p.from <= sorted[k - 1].p.to) add(`pauses[${sorted[k].i}].from`, '与另一段暂停重叠');
  }
  return problems;
}

/**
 * The nearest-rank percentile (p in 1..100) of values sorted ascending: the smallest value with at
 * least p% of the values at or below it. The database computes the same with ROW_NUMBER (rank k when
 * 100·k ≥ p·n > 100·(k − 1)); null for no values.
 */
export function nearestRankPercentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const k = Math.ceil((p * sorted.length) / 100);
  return sorted[Math.max(1, k) - 1];
}
