/**
 * What clears a light (转绿条件): for a yellow or red project, what it needs next month to be green
 * under its city's rule, and — while it is yellow — the month it turns red if it stays behind. The
 * same arithmetic as the lights themselves (lights.ts), looked at one month ahead.
 */
import { daysBetween, lastDayOf, type CalendarDate } from './dates';
import { DomainError } from './errors';
import { formatWanExact, type Fen } from './money';
import { addMonths, type Period } from './period';
import { percentToBasisPoints, requirePeriod } from './validate';
import type { LightColor, Milestone } from './lights';

export interface InvestmentClearingInput {
  /** The month lit, its colour and its run of consecutive months behind plan (figures.behindRun). */
  period: Period;
  color: LightColor;
  behindRun: number;
  /** Next month's planned investment in fen (null: nothing planned). */
  nextPlannedFen: Fen | null;
  tolerancePercent?: number;
}

export interface InvestmentClearing {
  /** The month that can turn it green. */
  nextPeriod: Period;
  /** The least actual investment next month that is green (0 with nothing planned: a report on time is enough). */
  neededFen: Fen;
  /** The month it turns red if it stays behind plan (null: it is red already, or green). */
  redBy: Period | null;
  explanation: string;
}

/** ⌈a / b⌉ for non-negative bigints. */
const ceilDiv = (a: bigint, b: bigint) => (a + b - 1n) / b;

/**
 * Under the investment rule a month is green when its actual reaches plan × (1 − t/100), reported by
 * the deadline; the third consecutive month behind plan is red. So next month needs at least that
 * share of its plan, and a yellow month with a run of k months behind turns red k − 3 months on.
 */
export function investmentClearing(input: InvestmentClearingInput): InvestmentClearing | null {
  requirePeriod(input.period, 'period');
  if (input.color === 'GREEN') return null;
  if (!Number.isInteger(input.behindRun) || input.behindRun < 0) throw new DomainError('behindRun', '连续落后月数应为非负整数');
  const toleranceBp = percentToBasisPoints(input.tolerancePercent ?? 0, 'tolerancePercent');
  if (toleranceBp >= 10_000n) throw new DomainError('tolerancePercent', '容差必须小于100%');
  const nextPeriod = addMonths(input.period, 1);
  const planned = input.nextPlannedFen ?? 0n;
  if (planned < 0n) throw new DomainError('nextPlannedFen', '计划投资不能为负');
  const neededFen = planned === 0n ? 0n : ceilDiv(planned * (10_000n - toleranceBp), 10_000n);
  const redBy = input.color === 'YELLOW' && input.behindRun >= 1 && input.behindRun < 3 ? addMonths(input.period, 3 - input.behindRun) : null;
  const need =
    planned === 0n
      ? `${nextPeriod}无计划投资，按时报送即可转为绿灯`
      : `${nextPeriod}完成投资不少于${formatWanExact(neededFen)}（计划${formatWanExact(planned)}${toleranceBp > 0n ? `，含${input.tolerancePercent}%容差` : ''}）并按时报送，即可转为绿灯`;
  const red = redBy ? `；若继续落后于计划，${redBy}将亮红灯（连续第3个月）` : input.color === 'RED' ? '；否则继续亮红灯' : '';
  return { nextPeriod, neededFen, redBy, explanation: need + red };
}

export interface MilestoneClearingInput {
  period: Period;
  color: LightColor;
  milestones: readonly Milestone[];
  tolerancePercent?: number;
}

export interface MilestoneNeed {
  name: string;
  dueDate: CalendarDate;
  /** The progress in percent it needs by the end of next month (100: it must be met). */
  neededProgress: number;
  progress: number;
}

export interface MilestoneClearing {
  nextPeriod: Period;
  /** Unmet milestones and the progress each needs by the end of next month to be on schedule. */
  needs: MilestoneNeed[];
  /** The month a milestone not yet due passes its due date unmet if nothing changes (null: red already or none). */
  redBy: Period | null;
  explanation: string;
}

/**
 * Under the milestone rule next month is green when every milestone due by its end is met and every
 * one in progress has at least its share of elapsed time (× (1 − t/100)); it turns red the month an
 * unmet milestone's due date passes.
 */
export function milestoneClearing(input: MilestoneClearingInput): MilestoneClearing | null {
  requirePeriod(input.period, 'period');
  if (input.color === 'GREEN') return null;
  const toleranceBp = percentToBasisPoints(input.tolerancePercent ?? 0, 'tolerancePercent');
  if (toleranceBp >= 10_000n) throw new DomainError('tolerancePercent', '容差必须小于100%');
  const nextPeriod = addMonths(input.period, 1);
  const monthEnd = lastDayOf(input.period);
  const nextEnd = lastDayOf(nextPeriod);
  const needs: MilestoneNeed[] = [];
  let redBy: Period | null = null;
  for (const m of input.milestones) {
    if (m.metDate) continue;
    if (m.dueDate <= nextEnd) {
      needs.push({ name: m.name, dueDate: m.dueDate, neededProgress: 100, progress: m.progress });
    } else if (m.startDate && m.startDate < nextEnd) {
      const total = daysBetween(m.startDate, m.dueDate);
      const elapsed = daysBetween(m.startDate, nextEnd);
      // The least whole percent at or above elapsed share × (1 − t), as the light compares it.
      const share = Number(ceilDiv(BigInt(elapsed) * (10_000n - toleranceBp) * 100n, BigInt(total) * 10_000n));
      if (m.progress < share) needs.push({ name: m.name, dueDate: m.dueDate, neededProgress: Math.min(100, share), progress: m.progress });
    }
    if (m.dueDate > monthEnd) {
      const due = m.dueDate.slice(0, 7);
      if (redBy === null || due < redBy) redBy = due;
    }
  }
  if (input.color === 'RED') redBy = null;
  const list = needs.map((n) => (n.neededProgress === 100 ? `“${n.name}”在${n.dueDate}前完成` : `“${n.name}”进度达到${n.neededProgress}%（现${n.progress}%）`));
  const explanation =
    (list.length ? `${nextPeriod}底前${list.join('，')}，即可转为绿灯` : `${nextPeriod}保持各节点按期推进，即可转为绿灯`) +
    (redBy ? `；若节点逾期未完成，${redBy}将亮红灯` : '');
  return { nextPeriod, needs, redBy, explanation };
}
