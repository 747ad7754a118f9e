/**
 * The plan table (一表) of a project, DESIGN.md "Plan table" and report 000: (1) the annual plan
 * across the construction period, (2) this year by month, (3) the monthly completion report.
 * "The years add up to the total, the months to the year (a mismatch is a validation error the
 * user can read, not a silent fix). A report for a future month, a negative amount or a month
 * outside the period is rejected."
 *
 * The validators return every problem at once (field path + Chinese reason), so the person filling
 * in the table sees all mismatches in one go; `throwIfProblems` (errors.ts) turns them into an error.
 */
import { DomainError, type Problem } from './errors';
import type { LightColor } from './lights';
import { type Fen, formatWanExact, sumFen } from './money';
import { isPeriod, type Period, parsePeriod, period as makePeriod } from './period';
import { fraction, roundFraction } from './ratios';
import { percentToBasisPoints, requireNonNegativeFen, requirePeriod } from './validate';

/** One year of the construction-period plan (建设周期年度计划分解表). */
export interface AnnualPlanRow {
  year: number;
  /** Planned investment in fen. */
  plannedInvestment: Fen;
  /** Planned image progress (形象进度), free text. */
  plannedImageProgress?: string | null;
}

/** One month of this year's plan (本年度计划分解表). */
export interface MonthlyPlanRow {
  /** 1–12 */
  month: number;
  /** Planned investment in fen. */
  plannedInvestment: Fen;
  /** Planned milestone (节点), free text. */
  plannedMilestone?: string | null;
}

export interface PlanTableInput {
  /** The project's total investment in fen. */
  totalInvestment: Fen;
  /** First and last month of the construction period. */
  constructionStart: Period;
  constructionEnd: Period;
  years: readonly AnnualPlanRow[];
  /** The year broken down by month; required with `months`. */
  currentYear?: number | null;
  months?: readonly MonthlyPlanRow[] | null;
}

function isAmount(value: unknown): value is Fen {
  return typeof value === 'bigint' && value >= 0n;
}

function amountProblem(value: unknown, field: string): Problem | null {
  if (typeof value !== 'bigint') return { field, reason: '金额必须是以分为单位的整数' };
  if (value < 0n) return { field, reason: '金额不能为负数' };
  return null;
}

/**
 * Every problem of a plan table: amounts non-negative, years inside the construction period and
 * each year present once, the years adding up to the total, the months 1–12 once each, no
 * investment planned in a month outside the construction period, the months adding up to their year.
 */
export function validatePlanTable(input: PlanTableInput): Problem[] {
  const problems: Problem[] = [];
  const add = (field: string, reason: string) => problems.push({ field, reason });

  const totalProblem = amountProblem(input.totalInvestment, 'totalInvestment');
  if (totalProblem) problems.push(totalProblem);
  else if (input.totalInvestment === 0n) add('totalInvestment', '总投资必须大于0');

  const periodsValid = isPeriod(input.constructionStart ?? '') && isPeriod(input.constructionEnd ?? '');
  if (!isPeriod(input.constructionStart ?? ''))
    add('constructionStart', '建设周期开始月份必须是 YYYY-MM 格式');
  if (!isPeriod(input.constructionEnd ?? '')) add('constructionEnd', '建设周期结束月份必须是 YYYY-MM 格式');
  const ordered = periodsValid && input.constructionStart <= input.constructionEnd;
  if (periodsValid && !ordered) add('constructionEnd', '建设周期结束月份早于开始月份');
  const span = `${input.constructionStart} 至 ${input.constructionEnd}`;
  const firstYear = ordered ? parsePeriod(input.constructionStart).year : null;
  const lastYear = ordered ? parsePeriod(input.constructionEnd).year : null;
  const inSpan = (year: number) =>
    firstYear !== null && lastYear !== null && year >= firstYear && year <= lastYear;

  // (1) Annual plan across the construction period.
  const byYear = new Map<number, Fen>();
  input.years.forEach((row, i) => {
    const at = `years[${i}]`;
    if (!Number.isInteger(row.year)) {
      add(`${at}.year`, '年度必须是整数年份');
    } else if (byYear.has(row.year)) {
      add(`${at}.year`, `${row.year}年度重复`);
    } else {
      if (ordered && !inSpan(row.year)) add(`${at}.year`, `${row.year}年不在建设周期（${span}）内`);
      byYear.set(row.year, isAmount(row.plannedInvestment) ? row.plannedInvestment : 0n);
    }
    const p = amountProblem(row.plannedInvestment, `${at}.plannedInvestment`);
    if (p) problems.push(p);
  });
  if (ordered) {
    for (let y = firstYear!; y <= lastYear!; y++) {
      if (!byYear.has(y)) add('years', `缺少${y}年度的计划（建设周期 ${span}），没有投资也请填0`);
    }
  }
  const yearsTotal = sumFen(
    input.years.map((r) => (isAmount(r.plannedInvestment) ? r.plannedInvestment : 0n)),
  );
  if (isAmount(input.totalInvestment) && yearsTotal !== input.totalInvestment) {
    add(
      'years',
      `各年度计划投资之和 ${formatWanExact(yearsTotal)} 与总投资 ${formatWanExact(input.totalInvestment)} 不符`,
    );
  }

  // (2) This year by month.
  const months = input.months ?? null;
  if (months !== null) {
    const year = input.currentYear;
    const yearKnown = typeof year === 'number' && Number.isInteger(year);
    const yearInSpan = yearKnown && ordered && inSpan(year);
    if (!yearKnown) add('currentYear', '按月分解计划须注明年度');
    else if (ordered && !yearInSpan) add('currentYear', `${year}年不在建设周期（${span}）内`);
    else if (!byYear.has(year)) add('currentYear', `${year}年度不在年度计划中`);
    const seen = new Set<number>();
    months.forEach((row, i) => {
      const at = `months[${i}]`;
      if (!Number.isInteger(row.month) || row.month < 1 || row.month > 12) {
        add(`${at}.month`, '月份必须是 1 到 12');
      } else if (seen.has(row.month)) {
        add(`${at}.month`, `${row.month}月重复`);
      } else {
        seen.add(row.month);
        if (yearInSpan && isAmount(row.plannedInvestment) && row.plannedInvestment > 0n) {
          const p = makePeriod(year, row.month);
          if (p < input.constructionStart || p > input.constructionEnd) {
            add(`${at}.plannedInvestment`, `${p} 不在建设周期（${span}）内，不能安排计划投资`);
          }
        }
      }
      const p = amountProblem(row.plannedInvestment, `${at}.plannedInvestment`);
      if (p) problems.push(p);
    });
    if (yearKnown && byYear.has(year)) {
      const monthsTotal = sumFen(
        months.map((r) => (isAmount(r.plannedInvestment) ? r.plannedInvestment : 0n)),
      );
      const yearTotal = byYear.get(year)!;
      if (monthsTotal !== yearTotal) {
        add(
          'months',
          `各月计划投资之和 ${formatWanExact(monthsTotal)} 与${year}年度计划投资 ${formatWanExact(yearTotal)} 不符`,
        );
      }
    }
  }
  return problems;
}

/** A monthly completion report (月度计划完成表) as submitted. */
export interface MonthlyReportInput {
  period: Period;
  /** Actual investment of the month in fen. */
  actualInvestment: Fen;
  /** The current month (Asia/Shanghai): reports for later months are refused. */
  now: Period;
  constructionStart: Period;
  constructionEnd: Period;
}

/** Every problem of a monthly report: a future month, a month outside the construction period, a negative amount. */
export function validateMonthlyReport(input: MonthlyReportInput): Problem[] {
  const problems: Problem[] = [];
  requirePeriod(input.now, 'now');
  requirePeriod(input.constructionStart, 'constructionStart');
  requirePeriod(input.constructionEnd, 'constructionEnd');
  if (!isPeriod(input.period ?? '')) {
    problems.push({ field: 'period', reason: '填报月份必须是 YYYY-MM 格式' });
  } else if (input.period > input.now) {
    problems.push({
      field: 'period',
      reason: `不能填报未来月份（${input.period} 晚于当前月份 ${input.now}）`,
    });
  } else if (input.period < input.constructionStart || input.period > input.constructionEnd) {
    problems.push({
      field: 'period',
      reason: `${input.period} 不在建设周期（${input.constructionStart} 至 ${input.constructionEnd}）内`,
    });
  }
  const p = amountProblem(input.actualInvestment, 'actualInvestment');
  if (p) problems.push(p);
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Early warning (投资预警): report 000 credits the plan table with "投资预警"; the forecast below
// flags a year that will fall short before the monthly light turns yellow.
// ---------------------------------------------------------------------------------------------

/** A month of this year with its plan and its actual (null = not reported, counted as 0). */
export interface ForecastMonth {
  month: number;
  plannedInvestment: Fen;
  actualInvestment: Fen | null;
}

export interface YearEndForecastInput {
  /** The latest month reported: year to date runs from January to it. */
  period: Period;
  /** This year's months (any subset of 1–12, each once); their plans add up to the annual plan. */
  months: readonly ForecastMonth[];
  /** Warn when the forecast is below this percentage of the annual plan. Default 90. */
  riskThresholdPercent?: number;
  /** The light of `period`, when known: the early warning is raised only while it is green or unlit. */
  light?: LightColor | null;
}

export interface YearEndForecast {
  annualPlanned: Fen;
  ytdPlanned: Fen;
  ytdActual: Fen;
  remainingPlanned: Fen;
  /** Year-to-date actual ÷ year-to-date plan in percent, one decimal (null when nothing was planned so far). */
  runRatePercent: number | null;
  /** Forecast year-end actual in fen (rounded half up to the fen). */
  forecast: Fen;
  /** Forecast ÷ annual plan in percent, one decimal (null when the annual plan is 0). */
  forecastPercent: number | null;
  /** The forecast is below the threshold. */
  atRisk: boolean;
  /** At risk while the month's light is still green (or not yet lit): the warning comes before the yellow light. */
  earlyWarning: boolean;
  reason: string;
}

function validateMonths(months: readonly { month: number; plannedInvestment: Fen }[]): void {
  const seen = new Set<number>();
  months.forEach((m, i) => {
    if (!Number.isInteger(m.month) || m.month < 1 || m.month > 12)
      throw new DomainError(`months[${i}].month`, '月份必须是 1 到 12');
    if (seen.has(m.month)) throw new DomainError(`months[${i}].month`, `${m.month}月重复`);
    seen.add(m.month);
    requireNonNegativeFen(m.plannedInvestment, `months[${i}].plannedInvestment`);
  });
}

/**
 * Year-end forecast at the year-to-date run rate: forecast = actual so far + remaining plan ×
 * (actual so far ÷ plan so far). When nothing was planned so far the run rate is unknown and the
 * remaining plan is assumed to be delivered in full. At risk when forecast < threshold × annual plan.
 */
export function yearEndForecast(input: YearEndForecastInput): YearEndForecast {
  requirePeriod(input.period, 'period');
  validateMonths(input.months);
  input.months.forEach((m, i) => {
    if (m.actualInvestment !== null)
      requireNonNegativeFen(m.actualInvestment, `months[${i}].actualInvestment`);
  });
  const thresholdPercent = input.riskThresholdPercent ?? 90;
  const thresholdBp = percentToBasisPoints(thresholdPercent, 'riskThresholdPercent');
  const upTo = parsePeriod(input.period).month;

  const annualPlanned = sumFen(input.months.map((m) => m.plannedInvestment));
  const ytd = input.months.filter((m) => m.month <= upTo);
  const ytdPlanned = sumFen(ytd.map((m) => m.plannedInvestment));
  const ytdActual = sumFen(ytd.map((m) => m.actualInvestment ?? 0n));
  const remainingPlanned = annualPlanned - ytdPlanned;

  const forecast =
    ytdPlanned === 0n
      ? ytdActual + remainingPlanned
      : ytdActual + (remainingPlanned * ytdActual * 2n + ytdPlanned) / (2n * ytdPlanned);
  const runRatePercent = ytdPlanned === 0n ? null : roundFraction(fraction(ytdActual * 100n, ytdPlanned), 1);
  const forecastPercent =
    annualPlanned === 0n ? null : roundFraction(fraction(forecast * 100n, annualPlanned), 1);
  const atRisk = annualPlanned > 0n && forecast * 10_000n < annualPlanned * thresholdBp;
  const earlyWarning = atRisk && (input.light == null || input.light === 'GREEN');

  const basis =
    runRatePercent === null
      ? '年初至今无计划投资，按剩余计划全额完成推算'
      : `按年初至今完成率 ${runRatePercent.toFixed(1)}% 推算`;
  const outcome =
    forecastPercent === null
      ? `全年预计完成 ${formatWanExact(forecast)}（本年无计划投资）`
      : `全年预计完成 ${formatWanExact(forecast)}，为年度计划 ${formatWanExact(annualPlanned)} 的 ${forecastPercent.toFixed(1)}%`;
  const verdict = atRisk ? `，低于 ${thresholdPercent}% 预警线` : '';
  return {
    annualPlanned,
    ytdPlanned,
    ytdActual,
    remainingPlanned,
    runRatePercent,
    forecast,
    forecastPercent,
    atRisk,
    earlyWarning,
    reason: `${basis}，${outcome}${verdict}`,
  };
}

/**
 * A year whose plan is back-loaded: more than half (strictly) of the year's planned investment in
 * the last quarter (October–December). Such plans keep the monthly lights green for most of the
 * year while the risk piles up at its end. A year with nothing planned is not back-loaded.
 */
export function isBackLoaded(months: readonly { month: number; plannedInvestment: Fen }[]): boolean {
  validateMonths(months);
  const total = sumFen(months.map((m) => m.plannedInvestment));
  const lastQuarter = sumFen(months.filter((m) => m.month >= 10).map((m) => m.plannedInvestment));
  return total > 0n && lastQuarter * 2n > total;
}
