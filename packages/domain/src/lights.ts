/**
 * Monthly red/yellow/green lights (亮灯), DESIGN.md "Lights". Two rules, chosen per city:
 *
 * - the investment rule of Sujiatun (report 000: "对于按照计划完成进度的亮绿灯，未按照计划完成进度的
 *   亮黄灯，项目零进展或连续3次亮黄灯的亮红灯"): the month's actual investment against its plan;
 * - the milestone rule of Dalian (report 001: "项目按序时节点完成或超额完成的亮绿灯，节点推进较慢的亮
 *   黄灯，未按节点进度完成工作任务的亮红灯"): milestone timeliness.
 *
 * Every result carries the figures and the rule version that produced it, so a stored light can
 * always answer "why" and be recomputed when a report changes.
 */
import { type CalendarDate, dayNumber, firstDayOf, lastDayOf, requireDate } from './dates';
import { DomainError } from './errors';
import { type Fen, formatWanExact } from './money';
import { addMonths, type Period } from './period';
import { formatFraction, fraction } from './ratios';
import { percentToBasisPoints, requireNonEmptyText, requireNonNegativeFen, requirePeriod } from './validate';

export type LightColor = 'GREEN' | 'YELLOW' | 'RED';

export const LIGHT_COLORS: readonly LightColor[] = ['GREEN', 'YELLOW', 'RED'];

export const LIGHT_COLOR_LABELS: Readonly<Record<LightColor, string>> = {
  GREEN: '绿灯',
  YELLOW: '黄灯',
  RED: '红灯',
};

/** 0 for green, 1 for yellow, 2 for red: a higher number is a worse light. */
export function lightSeverity(color: LightColor): number {
  return LIGHT_COLORS.indexOf(color);
}

export type LightRuleName = 'INVESTMENT' | 'MILESTONE';

export const INVESTMENT_RULE_VERSION = 'investment-v1';
export const MILESTONE_RULE_VERSION = 'milestone-v1';

/**
 * A light, or no light yet (`color: null`, e.g. the report deadline has not passed), with the
 * reason in Chinese, a stable code, the figures it was computed from, and the rule version.
 */
export interface LightResult<Code extends string, Figures> {
  period: Period;
  color: LightColor | null;
  reasonCode: Code;
  reason: string;
  figures: Figures;
  ruleVersion: string;
}

// ---------------------------------------------------------------------------------------------
// Investment rule (Sujiatun)
// ---------------------------------------------------------------------------------------------

/** One month of a project's plan table (一表): plan, actual (null = not reported) and timeliness. */
export interface InvestmentMonth {
  period: Period;
  /** The month's planned investment in fen; null or 0 when nothing is planned. */
  plannedFen: Fen | null;
  /** The reported actual investment in fen; null while no report has been made. */
  actualFen: Fen | null;
  /** The report arrived by the report deadline. Ignored while the deadline has not passed. */
  reportedOnTime: boolean;
}

export interface InvestmentLightInput {
  /**
   * The project's months in order, consecutive, ending with the month to light. Earlier months
   * are judged as past their report deadline; only the last month can still be awaiting its report.
   * Pass at least the two months before the month to light so that a run of three can be seen.
   */
  months: readonly InvestmentMonth[];
  /** The month to light; must be the last of `months`. */
  period: Period;
  /** The report deadline of `period` has passed. */
  deadlinePassed: boolean;
  /**
   * The city's tolerance in percent (0 ≤ t < 100, two decimals at most): actual ≥ plan × (1 − t/100)
   * counts as on plan. Default 0.
   */
  tolerancePercent?: number;
}

export type InvestmentReasonCode =
  | 'ON_PLAN'
  | 'WITHIN_TOLERANCE'
  | 'NOTHING_PLANNED'
  | 'BEHIND_PLAN'
  | 'THIRD_MONTH_BEHIND'
  | 'ZERO_PROGRESS'
  | 'NOT_REPORTED'
  | 'REPORTED_LATE'
  | 'AWAITING_REPORT';

export interface InvestmentFigures {
  /** The month's plan in fen (null when none was entered). */
  planned: Fen | null;
  /** The month's reported actual in fen (null when not reported). */
  actual: Fen | null;
  /**
   * Consecutive months behind plan up to and including this one (0 when this month is on plan).
   * While the month awaits its report, the run of the months before it.
   */
  behindRun: number;
  tolerancePercent: number;
}

export type InvestmentLight = LightResult<InvestmentReasonCode, InvestmentFigures>;

/** How one month stands on its own, before the run of behind months is looked at. */
type MonthStanding =
  | { kind: 'PENDING'; code: 'AWAITING_REPORT' }
  | { kind: 'ON_PLAN'; code: 'ON_PLAN' | 'WITHIN_TOLERANCE' | 'NOTHING_PLANNED' }
  | { kind: 'BEHIND'; code: 'BEHIND_PLAN' }
  | { kind: 'ZERO'; code: 'ZERO_PROGRESS' | 'NOT_REPORTED' | 'REPORTED_LATE' };

/**
 * Decisions where DESIGN.md is silent:
 * - an unreported month is not lit while its report deadline has not passed, whatever its plan;
 *   once the deadline passes it is red ("no report by the report deadline"), even with nothing planned;
 * - a report that arrives after the deadline leaves the month red (there was no report by the
 *   deadline); the late figures are still shown;
 * - a month with no planned amount (null or 0) is green once reported on time, even with 0 actual.
 */
function standingOf(month: InvestmentMonth, deadlinePassed: boolean, toleranceBp: bigint): MonthStanding {
  const { plannedFen, actualFen } = month;
  if (actualFen === null) {
    return deadlinePassed
      ? { kind: 'ZERO', code: 'NOT_REPORTED' }
      : { kind: 'PENDING', code: 'AWAITING_REPORT' };
  }
  if (deadlinePassed && !month.reportedOnTime) return { kind: 'ZERO', code: 'REPORTED_LATE' };
  const planned = plannedFen ?? 0n;
  if (planned === 0n) return { kind: 'ON_PLAN', code: 'NOTHING_PLANNED' };
  if (actualFen === 0n) return { kind: 'ZERO', code: 'ZERO_PROGRESS' };
  if (actualFen >= planned) return { kind: 'ON_PLAN', code: 'ON_PLAN' };
  if (actualFen * 10_000n >= planned * (10_000n - toleranceBp))
    return { kind: 'ON_PLAN', code: 'WITHIN_TOLERANCE' };
  return { kind: 'BEHIND', code: 'BEHIND_PLAN' };
}

function validateInvestmentInput(input: InvestmentLightInput): bigint {
  requirePeriod(input.period, 'period');
  if (typeof input.deadlinePassed !== 'boolean')
    throw new DomainError('deadlinePassed', '必须说明报送期限是否已过');
  const toleranceBp = percentToBasisPoints(input.tolerancePercent ?? 0, 'tolerancePercent');
  if (toleranceBp >= 10_000n) throw new DomainError('tolerancePercent', '容差必须小于100%');
  const { months } = input;
  if (!Array.isArray(months) || months.length === 0)
    throw new DomainError('months', '至少需要要亮灯的这个月');
  months.forEach((m, i) => {
    requirePeriod(m.period, `months[${i}].period`);
    if (i > 0 && m.period !== addMonths(months[i - 1].period, 1)) {
      throw new DomainError(
        `months[${i}].period`,
        `月份须连续：${months[i - 1].period} 之后应为 ${addMonths(months[i - 1].period, 1)}`,
      );
    }
    if (m.plannedFen !== null) requireNonNegativeFen(m.plannedFen, `months[${i}].plannedFen`);
    if (m.actualFen !== null) requireNonNegativeFen(m.actualFen, `months[${i}].actualFen`);
    if (typeof m.reportedOnTime !== 'boolean')
      throw new DomainError(`months[${i}].reportedOnTime`, '必须说明是否按时报送');
  });
  const last = months[months.length - 1];
  if (last.period !== input.period) {
    throw new DomainError(`months[${months.length - 1}].period`, `最后一个月应为要亮灯的 ${input.period}`);
  }
  return toleranceBp;
}

function investmentReason(
  code: InvestmentReasonCode,
  month: InvestmentMonth,
  run: number,
  tolerancePercent: number,
): string {
  const planned = formatWanExact(month.plannedFen ?? 0n);
  const actual = month.actualFen === null ? '' : formatWanExact(month.actualFen);
  switch (code) {
    case 'ON_PLAN':
      return `本月计划投资${planned}，实际完成${actual}，按计划完成`;
    case 'WITHIN_TOLERANCE':
      return `本月计划投资${planned}，实际完成${actual}，在${tolerancePercent}%容差内，视为按计划完成`;
    case 'NOTHING_PLANNED':
      return `本月无计划投资，已按时报送（实际完成${actual}）`;
    case 'BEHIND_PLAN':
      return `本月计划投资${planned}，实际完成${actual}，未完成计划${run > 1 ? `（连续第${run}个月）` : ''}`;
    case 'THIRD_MONTH_BEHIND':
      return `本月计划投资${planned}，实际完成${actual}，连续第${run}个月未完成计划`;
    case 'ZERO_PROGRESS':
      return `本月计划投资${planned}，实际完成0万元，零进展`;
    case 'NOT_REPORTED':
      return `截至报送期限未报送本月完成情况（本月计划投资${planned}），按零进展处理`;
    case 'REPORTED_LATE':
      return `本月完成情况逾期报送（实际完成${actual}，计划投资${planned}），截至报送期限未报，按零进展处理`;
    case 'AWAITING_REPORT':
      return '本月完成情况尚未报送，报送期限未到，暂不亮灯';
  }
}

/**
 * The investment light of `input.period`. Green: actual ≥ plan (or within the tolerance; a month
 * with nothing planned is green once reported). Yellow: 0 < actual < plan. Red: zero progress (no
 * actual or 0 while something was planned, or no report by the deadline) or the third consecutive
 * month behind plan (and every further one). Red months count as behind in the run; a green month
 * ends it. The run crosses year ends: December, January and February behind make February red.
 */
export function investmentLight(input: InvestmentLightInput): InvestmentLight {
  const toleranceBp = validateInvestmentInput(input);
  const tolerancePercent = input.tolerancePercent ?? 0;
  const { months } = input;
  let run = 0;
  let standing: MonthStanding = { kind: 'PENDING', code: 'AWAITING_REPORT' };
  for (let i = 0; i < months.length; i++) {
    const isLast = i === months.length - 1;
    standing = standingOf(months[i], isLast ? input.deadlinePassed : true, toleranceBp);
    if (standing.kind === 'ON_PLAN') run = 0;
    else if (standing.kind !== 'PENDING') run += 1;
  }
  const month = months[months.length - 1];
  let color: LightColor | null;
  let code: InvestmentReasonCode = standing.code;
  switch (standing.kind) {
    case 'PENDING':
      color = null;
      break;
    case 'ON_PLAN':
      color = 'GREEN';
      break;
    case 'ZERO':
      color = 'RED';
      break;
    case 'BEHIND':
      color = run >= 3 ? 'RED' : 'YELLOW';
      if (run >= 3) code = 'THIRD_MONTH_BEHIND';
      break;
  }
  return {
    period: input.period,
    color,
    reasonCode: code,
    reason: investmentReason(code, month, run, tolerancePercent),
    figures: { planned: month.plannedFen, actual: month.actualFen, behindRun: run, tolerancePercent },
    ruleVersion: INVESTMENT_RULE_VERSION,
  };
}

// ---------------------------------------------------------------------------------------------
// Milestone rule (Dalian)
// ---------------------------------------------------------------------------------------------

/** A milestone (节点) of the project's monthly plan. */
export interface Milestone {
  name: string;
  dueDate: CalendarDate;
  /** When work on the milestone starts; without it the milestone's pace is not checked. */
  startDate?: CalendarDate | null;
  /** Relative weight (≥ 0) in the project's weighted progress. */
  weight: number;
  /** Reported progress in percent, 0–100 (two decimals at most). */
  progress: number;
  /** The date it was met, or null. */
  metDate: CalendarDate | null;
}

export interface MilestoneLightInput {
  milestones: readonly Milestone[];
  /** The month to light; milestones are judged as of the end of its last day. */
  period: Period;
  /**
   * The city's tolerance in percent: a milestone is behind when its progress is below
   * elapsed share × (1 − t/100). Default 0.
   */
  tolerancePercent?: number;
}

export type MilestoneReasonCode =
  | 'ALL_DUE_MET'
  | 'ON_SCHEDULE'
  | 'NOTHING_DUE'
  | 'NO_MILESTONES'
  | 'BEHIND_SCHEDULE'
  | 'MET_LATE'
  | 'OVERDUE';

export interface MilestoneFigures {
  /** Milestones due by the end of the month. */
  dueByMonthEnd: number;
  /** Of those, met by their due date. */
  metOnTime: number;
  /** Of those, met after their due date (this month or earlier). */
  metLate: number;
  /** Of those, not met by the end of the month. */
  overdue: number;
  /** Milestones not yet due whose progress is behind the elapsed share of their time. */
  behindSchedule: number;
  /** Weighted progress of all milestones in percent, one decimal (null when the weights add up to 0). */
  weightedProgress: number | null;
  overdueNames: string[];
  metLateThisMonthNames: string[];
  behindScheduleNames: string[];
  tolerancePercent: number;
}

export type MilestoneLight = LightResult<MilestoneReasonCode, MilestoneFigures>;

function validateMilestones(input: MilestoneLightInput): bigint {
  requirePeriod(input.period, 'period');
  const toleranceBp = percentToBasisPoints(input.tolerancePercent ?? 0, 'tolerancePercent');
  if (toleranceBp >= 10_000n) throw new DomainError('tolerancePercent', '容差必须小于100%');
  if (!Array.isArray(input.milestones)) throw new DomainError('milestones', '必须是节点列表');
  input.milestones.forEach((m, i) => {
    const at = `milestones[${i}]`;
    requireNonEmptyText(m.name, `${at}.name`, '节点名称');
    requireDate(m.dueDate, `${at}.dueDate`);
    if (m.startDate != null) {
      requireDate(m.startDate, `${at}.startDate`);
      if (m.startDate > m.dueDate) throw new DomainError(`${at}.startDate`, '开始日期不能晚于计划完成日期');
    }
    if (m.metDate !== null) requireDate(m.metDate, `${at}.metDate`);
    if (typeof m.weight !== 'number' || !Number.isFinite(m.weight) || m.weight < 0) {
      throw new DomainError(`${at}.weight`, '权重必须是非负数');
    }
    percentToBasisPoints(m.progress, `${at}.progress`);
  });
  return toleranceBp;
}

/**
 * The milestone light of `input.period`, judged as of the month's last day:
 * - red (OVERDUE) when a milestone due by then is not met by then;
 * - yellow (MET_LATE) when a milestone was met this month after its due date — it is done, so no
 *   longer red, but it was not on time, so not green; a late milestone met in an earlier month no
 *   longer affects the light;
 * - yellow (BEHIND_SCHEDULE) when a milestone not yet due is behind its expected share of elapsed
 *   time: progress% < elapsed% × (1 − tolerance), elapsed% = days from its start date to the month
 *   end ÷ days from its start date to its due date, both ends counted; milestones without a start
 *   date, or starting after the month, are not checked for pace;
 * - green otherwise (every milestone due by the month's end met — on time, or late in an earlier
 *   month that already carried the red and yellow lights for it — and the rest on schedule).
 * A project with no milestones at all is not lit (NO_MILESTONES): there is nothing to judge.
 */
export function milestoneLight(input: MilestoneLightInput): MilestoneLight {
  const toleranceBp = validateMilestones(input);
  const tolerancePercent = input.tolerancePercent ?? 0;
  const monthStart = firstDayOf(input.period);
  const monthEnd = lastDayOf(input.period);
  const end = dayNumber(monthEnd);

  const figures: MilestoneFigures = {
    dueByMonthEnd: 0,
    metOnTime: 0,
    metLate: 0,
    overdue: 0,
    behindSchedule: 0,
    weightedProgress: null,
    overdueNames: [],
    metLateThisMonthNames: [],
    behindScheduleNames: [],
    tolerancePercent,
  };
  const red: string[] = [];
  const yellow: string[] = [];
  let weightSum = 0;
  let weightedSum = 0;

  input.milestones.forEach((m, i) => {
    weightSum += m.weight;
    weightedSum += m.weight * m.progress;
    const metByMonthEnd = m.metDate !== null && m.metDate <= monthEnd;
    if (m.dueDate <= monthEnd) {
      figures.dueByMonthEnd += 1;
      if (!metByMonthEnd) {
        figures.overdue += 1;
        figures.overdueNames.push(m.name);
        red.push(`节点「${m.name}」应于${m.dueDate}完成，至月末未完成`);
      } else if (m.metDate! <= m.dueDate) {
        figures.metOnTime += 1;
      } else {
        figures.metLate += 1;
        if (m.metDate! >= monthStart) {
          figures.metLateThisMonthNames.push(m.name);
          yellow.push(`节点「${m.name}」逾期完成（应于${m.dueDate}完成，实际${m.metDate}完成）`);
        }
      }
      return;
    }
    if (metByMonthEnd || m.startDate == null) return;
    const start = dayNumber(m.startDate);
    if (start > end) return;
    const elapsedDays = BigInt(end - start + 1);
    const totalDays = BigInt(dayNumber(m.dueDate) - start + 1);
    const progressBp = percentToBasisPoints(m.progress, `milestones[${i}].progress`); // progress in 1/100 %
    // progress/100 < elapsed/total × (1 − bp/10000), in integers:
    if (progressBp * totalDays * 10_000n < elapsedDays * 10_000n * (10_000n - toleranceBp)) {
      figures.behindSchedule += 1;
      figures.behindScheduleNames.push(m.name);
      const expected = formatFraction(fraction(elapsedDays * 100n, totalDays), 1);
      yellow.push(`节点「${m.name}」进度${m.progress}%，低于按时间应达的${expected}%`);
    }
  });
  if (weightSum > 0) figures.weightedProgress = Math.round((weightedSum / weightSum) * 10) / 10;

  let color: LightColor | null;
  let code: MilestoneReasonCode;
  let reason: string;
  if (input.milestones.length === 0) {
    color = null;
    code = 'NO_MILESTONES';
    reason = '未录入节点任务，无法按节点亮灯';
  } else if (red.length > 0) {
    color = 'RED';
    code = 'OVERDUE';
    reason = [...red, ...yellow].join('；');
  } else if (yellow.length > 0) {
    color = 'YELLOW';
    code = figures.metLateThisMonthNames.length > 0 ? 'MET_LATE' : 'BEHIND_SCHEDULE';
    reason = yellow.join('；');
  } else {
    color = 'GREEN';
    if (figures.dueByMonthEnd > 0) {
      code = 'ALL_DUE_MET';
      reason =
        figures.metLate > 0
          ? `截至月末应完成的${figures.dueByMonthEnd}个节点均已完成（其中${figures.metLate}个此前逾期完成）`
          : `截至月末应完成的${figures.dueByMonthEnd}个节点均按时完成`;
    } else if (input.milestones.some((m) => m.metDate === null || m.metDate > monthEnd)) {
      code = 'ON_SCHEDULE';
      reason = '本月无到期节点，在建节点按序时推进';
    } else {
      code = 'NOTHING_DUE';
      reason = '本月无到期节点';
    }
  }
  return {
    period: input.period,
    color,
    reasonCode: code,
    reason,
    figures,
    ruleVersion: MILESTONE_RULE_VERSION,
  };
}

// ---------------------------------------------------------------------------------------------

/** Lights a project by the rule its city chose (DESIGN.md: "Two rules, chosen per city"). */
export function lightProject(ruleName: 'INVESTMENT', input: InvestmentLightInput): InvestmentLight;
export function lightProject(ruleName: 'MILESTONE', input: MilestoneLightInput): MilestoneLight;
export function lightProject(
  ruleName: LightRuleName,
  input: InvestmentLightInput | MilestoneLightInput,
): InvestmentLight | MilestoneLight;
export function lightProject(
  ruleName: LightRuleName,
  input: InvestmentLightInput | MilestoneLightInput,
): InvestmentLight | MilestoneLight {
  switch (ruleName) {
    case 'INVESTMENT':
      return investmentLight(input as InvestmentLightInput);
    case 'MILESTONE':
      return milestoneLight(input as MilestoneLightInput);
    default:
      throw new DomainError('ruleName', `未知的亮灯规则 "${String(ruleName)}"，应为 INVESTMENT 或 MILESTONE`);
  }
}
