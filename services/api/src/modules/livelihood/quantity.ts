import type { ValueTransformer } from 'typeorm';
import { UserInputError } from '../../core/errors';

/**
 * Physical quantities of livelihood targets (222万平方米, 20 公里) are held exactly as integer
 * thousandths (bigint) and exchanged as decimal strings ("222", "0.5"): never a float in a sum.
 */
export type Milli = bigint;

export const milliTransformer: ValueTransformer = {
  to: (value: Milli | null | undefined) => (value === null || value === undefined ? value : value.toString()),
  from: (value: unknown) => (value === null || value === undefined ? null : BigInt(value as string | number)),
};

export const quantityColumn = { type: 'bigint' as const, transformer: milliTransformer };

/** "222.5" → 222500n; refuses anything but a non-negative decimal with at most three decimals. */
export function parseQuantity(text: string, field: string): Milli {
  const s = text.trim();
  const m = /^(\d{1,12})(?:\.(\d{1,3}))?$/.exec(s);
  if (!m) throw new UserInputError(field, `"${s.slice(0, 20)}" 不是最多三位小数的非负数量 (not a quantity with at most three decimals)`);
  return BigInt(m[1]) * 1000n + BigInt((m[2] ?? '').padEnd(3, '0'));
}

/** 222500n → "222.5". */
export function formatQuantity(value: Milli): string {
  const whole = value / 1000n;
  const frac = (value % 1000n).toString().padStart(3, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : `${whole}`;
}

/** Done ÷ target in percent with one decimal, capped at 100; null without a target. */
export function percentDone(done: Milli, target: Milli | null): number | null {
  if (target === null || target === 0n) return null;
  const tenths = (done * 1000n) / target;
  return Math.min(1000, Number(tenths)) / 10;
}
