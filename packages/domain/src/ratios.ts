/**
 * Ratios on exact integers. Investment figures are bigint fen (money.ts), so a growth or
 * completion rate is first an exact fraction of two bigints; it becomes a decimal number only at
 * the very end, rounded half away from zero (四舍五入, the way statistical reports round).
 * The seeds' forms print rates with one decimal ("同比增长20.6%", report 000).
 */
import { DomainError } from './errors';

/** An exact fraction, reduced, with a positive denominator. */
export interface Fraction {
  numerator: bigint;
  denominator: bigint;
}

function abs(n: bigint): bigint {
  return n < 0n ? -n : n;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = abs(a);
  let y = abs(b);
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** numerator ÷ denominator, reduced. A zero denominator is refused (callers decide what "no base" means). */
export function fraction(numerator: bigint, denominator: bigint): Fraction {
  if (denominator === 0n) throw new RangeError('a fraction needs a non-zero denominator');
  const sign = denominator < 0n ? -1n : 1n;
  const g = gcd(numerator, denominator) || 1n;
  return { numerator: (sign * numerator) / g, denominator: (sign * denominator) / g };
}

export function addFractions(a: Fraction, b: Fraction): Fraction {
  return fraction(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator);
}

export function multiplyFractions(a: Fraction, b: Fraction): Fraction {
  return fraction(a.numerator * b.numerator, a.denominator * b.denominator);
}

export function compareFractions(a: Fraction, b: Fraction): number {
  const left = a.numerator * b.denominator;
  const right = b.numerator * a.denominator;
  return left < right ? -1 : left > right ? 1 : 0;
}

function requireDecimals(decimals: number): bigint {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 12) {
    throw new DomainError('decimals', '小数位数必须是 0 到 12 之间的整数');
  }
  return 10n ** BigInt(decimals);
}

/** The fraction times 10^decimals, rounded half away from zero, as an integer. */
function roundScaled(f: Fraction, scale: bigint): bigint {
  const scaled = abs(f.numerator) * scale;
  let q = scaled / f.denominator;
  if ((scaled % f.denominator) * 2n >= f.denominator) q += 1n;
  return f.numerator < 0n ? -q : q;
}

/** The fraction as a decimal string with exactly `decimals` decimals: 1/3 → "0.33". */
export function formatFraction(f: Fraction, decimals: number): string {
  const scale = requireDecimals(decimals);
  const q = roundScaled(f, scale);
  const digits = abs(q)
    .toString()
    .padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const frac = decimals > 0 ? '.' + digits.slice(digits.length - decimals) : '';
  return `${q < 0n ? '-' : ''}${whole}${frac}`;
}

/** The fraction as a number rounded (half away from zero) to `decimals` decimals — the only float step. */
export function roundFraction(f: Fraction, decimals: number): number {
  const n = Number(formatFraction(f, decimals));
  return Object.is(n, -0) ? 0 : n;
}

/** numerator ÷ denominator rounded to `decimals` decimals; null when the denominator is 0. */
export function ratio(numerator: bigint, denominator: bigint, decimals: number): number | null {
  if (denominator === 0n) return null;
  return roundFraction(fraction(numerator, denominator), decimals);
}

/** numerator ÷ denominator as a percentage rounded to `decimals` decimals (default one); null on a zero base. */
export function percentage(numerator: bigint, denominator: bigint, decimals = 1): number | null {
  if (denominator === 0n) return null;
  return roundFraction(fraction(numerator * 100n, denominator), decimals);
}

/**
 * A rate: the exact fraction and its percentage with one decimal, or null with the reason it
 * cannot be computed (never Infinity or NaN, which would poison sums and charts).
 */
export type RateResult =
  | { fraction: Fraction; percent: number; reasonCode: null; reason: null }
  | { fraction: null; percent: null; reasonCode: RateUnavailableCode; reason: string };

export type RateUnavailableCode = 'ZERO_BASE' | 'BOTH_ZERO' | 'NO_PLAN';

function rate(f: Fraction): RateResult {
  return {
    fraction: f,
    percent: roundFraction({ numerator: f.numerator * 100n, denominator: f.denominator }, 1),
    reasonCode: null,
    reason: null,
  };
}

function requireNonNegative(value: bigint, field: string): void {
  if (typeof value !== 'bigint') throw new DomainError(field, '必须是整数（金额以分计）');
  if (value < 0n) throw new DomainError(field, '不能为负数');
}

/**
 * Change on the same period last year (同比) or the previous period (环比): (current − previous) ÷ previous.
 * A zero base has no growth rate: null with ZERO_BASE, or BOTH_ZERO when nothing happened in either.
 * Report 000: September 2020 14.8亿元, "同比增长20.6%".
 */
export function growthRate(current: bigint, previous: bigint): RateResult {
  requireNonNegative(current, 'current');
  requireNonNegative(previous, 'previous');
  if (previous === 0n && current === 0n) {
    return {
      fraction: null,
      percent: null,
      reasonCode: 'BOTH_ZERO',
      reason: '本期与上年同期均为零，不计算增长率',
    };
  }
  if (previous === 0n) {
    return { fraction: null, percent: null, reasonCode: 'ZERO_BASE', reason: '上年同期为零，无法计算增长率' };
  }
  return rate(fraction(current - previous, previous));
}

/** Completion rate actual ÷ plan (may exceed 100 %); null with NO_PLAN when nothing was planned. */
export function completionRate(actual: bigint, planned: bigint): RateResult {
  requireNonNegative(actual, 'actual');
  requireNonNegative(planned, 'planned');
  if (planned === 0n) {
    return { fraction: null, percent: null, reasonCode: 'NO_PLAN', reason: '计划为零，无法计算完成率' };
  }
  return rate(fraction(actual, planned));
}
