import { toFen, type Fen } from '@kpd/domain';
import type { ValueTransformer } from 'typeorm';

/**
 * Money columns are BIGINT 分 (fen) on every driver: exact, summable by the database, and portable
 * (SQLite has no DECIMAL; MySQL returns BIGINT as a string, SQLite as a number).
 */
export const fenTransformer: ValueTransformer = {
  to: (value: Fen | null | undefined) => (value === null || value === undefined ? value : value.toString()),
  from: (value: unknown) => (value === null || value === undefined ? null : toFen(value)),
};

export const moneyColumn = { type: 'bigint' as const, transformer: fenTransformer };

/** A database sum of 分 (a string on MySQL, possibly with decimals; a number on SQLite; null over no rows). */
export function fen(value: unknown): bigint {
  if (value === null || value === undefined) return 0n;
  const s = String(value);
  return BigInt(s.includes('.') ? s.slice(0, s.indexOf('.')) : s);
}

/** Integer ids come back from MySQL aggregate queries as strings; this reads either. */
export function toInt(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string') return Number.parseInt(value, 10);
  if (value === null || value === undefined) return 0;
  throw new TypeError(`not a number: ${String(value)}`);
}

/** JSON that can carry bigints (as decimal strings) — for audit before/after images. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? v.toString() : v));
}
