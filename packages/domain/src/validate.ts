/**
 * Input checks shared by the rules. Each throws a DomainError naming the field, so a bad value is
 * reported where it came from instead of producing a wrong light, rank or tally.
 */
import { DomainError } from './errors';
import type { Fen } from './money';
import { isPeriod, type Period } from './period';

export function requireNonNegativeFen(value: Fen, field: string): Fen {
  if (typeof value !== 'bigint') throw new DomainError(field, '金额必须是以分为单位的整数');
  if (value < 0n) throw new DomainError(field, '金额不能为负数');
  return value;
}

export function requireNonNegativeInteger(value: number, field: string): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new DomainError(field, '必须是非负整数');
  return value;
}

export function requirePositiveInteger(value: number, field: string): number {
  if (!Number.isSafeInteger(value) || value <= 0) throw new DomainError(field, '必须是正整数');
  return value;
}

export function requirePeriod(value: string, field: string): Period {
  if (typeof value !== 'string' || !isPeriod(value))
    throw new DomainError(field, `"${value}" 不是 YYYY-MM 格式的月份`);
  return value;
}

export function requireNonEmptyText(value: string | null | undefined, field: string, what: string): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') throw new DomainError(field, `${what}不能为空`);
  return text;
}

/**
 * A percentage with at most two decimals (12.34 %) as an integer count of basis points (1234),
 * so that comparisons against it stay in integers.
 */
export function percentToBasisPoints(percent: number, field: string, { max = 100 } = {}): bigint {
  if (typeof percent !== 'number' || !Number.isFinite(percent) || percent < 0 || percent > max) {
    throw new DomainError(field, `必须是 0 到 ${max} 之间的百分数`);
  }
  const scaled = Math.round(percent * 100);
  if (Math.abs(scaled - percent * 100) > 1e-6) throw new DomainError(field, '百分数最多两位小数');
  return BigInt(scaled);
}

/** A fraction 0..1 given as a number (0.3) with at most four decimals, as basis points (3000). */
export function fractionToBasisPoints(fraction: number, field: string): bigint {
  if (typeof fraction !== 'number' || !Number.isFinite(fraction) || fraction < 0 || fraction > 1) {
    throw new DomainError(field, '必须是 0 到 1 之间的比例');
  }
  const scaled = Math.round(fraction * 10000);
  if (Math.abs(scaled - fraction * 10000) > 1e-6) throw new DomainError(field, '比例最多四位小数');
  return BigInt(scaled);
}
