import { isCalendarDate, isPeriod, MoneyFormatError, parseYuan, formatYuan, type Fen } from '@kpd/domain';

/** What a cell holds once Excel's wrappers (rich text, formulas, hyperlinks) are taken off. */
export type Plain = string | number | boolean | Date | null;

/** A cell that cannot be read; the import reports it with its row, column and header. */
export class CellError extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

export interface Column<R, K extends keyof R & string = keyof R & string> {
  key: K;
  /** The header as it stands in the sheet, e.g. 项目编码. */
  header: string;
  required?: boolean;
  width?: number;
  /** Help shown on the header cell of the template. */
  note?: string;
  /** Values offered in the template's drop-down. */
  options?: string[];
  /** Turns a non-empty cell into the row's value, or throws CellError. Empty cells never reach it. */
  parse(value: Exclude<Plain, null>): R[K];
  /** Turns a value into what the exported cell shows. */
  format(value: R[K]): Plain;
}

export interface SheetSpec<R> {
  /** The worksheet's name (an import reads this sheet, or the first one). */
  name: string;
  columns: Column<R>[];
  /** Refuse sheets with more data rows than this. */
  maxRows?: number;
}

type Base = { header: string; required?: boolean; width?: number; note?: string };

function asText(value: Exclude<Plain, null>): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

export function text<R, K extends keyof R & string>(key: K, o: Base & { max?: number; min?: number; pattern?: RegExp; patternReason?: string }): Column<R, K> {
  return {
    key,
    ...o,
    parse(value) {
      const s = asText(value);
      if (o.min !== undefined && s.length < o.min) throw new CellError(`至少 ${o.min} 个字 (at least ${o.min} characters)`);
      if (o.max !== undefined && s.length > o.max) throw new CellError(`最多 ${o.max} 个字 (at most ${o.max} characters)`);
      if (o.pattern && !o.pattern.test(s)) throw new CellError(o.patternReason ?? 'has the wrong form');
      return s as R[K];
    },
    format: (v) => (v === null || v === undefined ? null : String(v)),
  };
}

export function integer<R, K extends keyof R & string>(key: K, o: Base & { min?: number; max?: number }): Column<R, K> {
  return {
    key,
    ...o,
    parse(value) {
      const n = typeof value === 'number' ? value : /^-?\d+$/.test(asText(value)) ? Number(asText(value)) : NaN;
      if (!Number.isSafeInteger(n)) throw new CellError(`"${asText(value)}" 不是整数 (not a whole number)`);
      if (o.min !== undefined && n < o.min) throw new CellError(`不能小于 ${o.min} (must be at least ${o.min})`);
      if (o.max !== undefined && n > o.max) throw new CellError(`不能大于 ${o.max} (must be at most ${o.max})`);
      return n as R[K];
    },
    format: (v) => (v === null || v === undefined ? null : Number(v)),
  };
}

/**
 * An amount in 元, read exactly: a number typed in Excel is a binary double, but its shortest
 * decimal form is what the user typed (1234.56 → "1234.56"), so it is read through that text.
 */
export function money<R, K extends keyof R & string>(key: K, o: Base & { allowNegative?: boolean }): Column<R, K> {
  return {
    key,
    ...o,
    parse(value) {
      let s: string;
      if (typeof value === 'number') {
        if (!Number.isFinite(value)) throw new CellError('不是金额 (not an amount)');
        s = String(value);
        if (/e/i.test(s)) throw new CellError('金额过大或过小 (amount out of range)');
      } else {
        s = asText(value).replace(/,/g, '');
      }
      let fen: Fen;
      try {
        fen = parseYuan(s);
      } catch (e) {
        if (e instanceof MoneyFormatError) throw new CellError(`"${s}" 不是以元为单位、最多两位小数的金额 (not an amount in 元 with at most two decimals)`);
        throw e;
      }
      if (!o.allowNegative && fen < 0n) throw new CellError('金额不能为负 (must not be negative)');
      return fen as R[K];
    },
    format: (v) => (v === null || v === undefined ? null : Number(formatYuan(v as unknown as Fen))),
  };
}

function dateParts(value: Exclude<Plain, null>): { y: number; m: number; d: number } | null {
  // Excel date cells arrive as Date at UTC midnight of the calendar day shown.
  if (value instanceof Date) return { y: value.getUTCFullYear(), m: value.getUTCMonth() + 1, d: value.getUTCDate() };
  return null;
}

export function period<R, K extends keyof R & string>(key: K, o: Base): Column<R, K> {
  return {
    key,
    ...o,
    parse(value) {
      const parts = dateParts(value);
      const s = parts ? `${parts.y}-${String(parts.m).padStart(2, '0')}` : asText(value).replace(/[/.年]/g, '-').replace(/月$/, '');
      const normal = /^\d{4}-\d$/.test(s) ? `${s.slice(0, 5)}0${s.slice(5)}` : s;
      if (!isPeriod(normal)) throw new CellError(`"${asText(value)}" 不是年月，应写作 2020-09 (not a month like 2020-09)`);
      return normal as R[K];
    },
    format: (v) => (v === null || v === undefined ? null : String(v)),
  };
}

export function date<R, K extends keyof R & string>(key: K, o: Base): Column<R, K> {
  return {
    key,
    ...o,
    parse(value) {
      const parts = dateParts(value);
      const s = parts
        ? `${parts.y}-${String(parts.m).padStart(2, '0')}-${String(parts.d).padStart(2, '0')}`
        : asText(value).replace(/[/.]/g, '-');
      if (!isCalendarDate(s)) throw new CellError(`"${asText(value)}" 不是日期，应写作 2020-09-30 (not a date like 2020-09-30)`);
      return s as R[K];
    },
    format: (v) => (v === null || v === undefined ? null : String(v)),
  };
}

const DATE_TIME = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * A day and time on China's clock (UTC+8, no daylight saving), read as an instant: an Excel date cell
 * (which arrives as the wall time at UTC) or text like 2020-09-14 09:05[:30] (a day alone is 00:00).
 */
export function dateTime<R, K extends keyof R & string>(key: K, o: Base): Column<R, K> {
  const shanghai = (y: number, mo: number, d: number, h: number, mi: number, s: number) => new Date(Date.UTC(y, mo - 1, d, h - 8, mi, s));
  return {
    key,
    ...o,
    parse(value) {
      if (value instanceof Date)
        return shanghai(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate(), value.getUTCHours(), value.getUTCMinutes(), value.getUTCSeconds()) as R[K];
      const m = DATE_TIME.exec(asText(value));
      const [y, mo, d, h, mi, sec] = m ? m.slice(1).map((x) => Number(x ?? 0)) : [];
      const at = m ? shanghai(y, mo, d, h, mi, sec) : null;
      const sameDay = at && new Date(at.getTime() + 8 * 3600_000).getUTCDate() === d;
      if (!at || !sameDay || mo > 12 || h > 23 || mi > 59 || sec > 59)
        throw new CellError(`"${asText(value)}" 不是时间，应写作 2020-09-14 09:05 (not a time like 2020-09-14 09:05)`);
      return at as R[K];
    },
    format(v) {
      if (v === null || v === undefined) return null;
      const local = new Date((v as unknown as Date).getTime() + 8 * 3600_000).toISOString();
      return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
    },
  };
}

const TRUE = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓']);
const FALSE = new Set(['否', 'n', 'no', 'false', '0', '×', '✗']);

export function bool<R, K extends keyof R & string>(key: K, o: Base): Column<R, K> {
  return {
    key,
    ...o,
    options: ['是', '否'],
    parse(value) {
      if (typeof value === 'boolean') return value as R[K];
      const s = asText(value).toLowerCase();
      if (TRUE.has(s)) return true as R[K];
      if (FALSE.has(s)) return false as R[K];
      throw new CellError(`"${asText(value)}" 应填“是”或“否” (must be 是 or 否)`);
    },
    format: (v) => (v === null || v === undefined ? null : v ? '是' : '否'),
  };
}

/** A value from a fixed list, written in the sheet by its Chinese label (its code is accepted too). */
export function choice<R, K extends keyof R & string>(key: K, o: Base & { labels: Record<string, string> }): Column<R, K> {
  const byLabel = new Map(Object.entries(o.labels).map(([code, label]) => [label, code]));
  return {
    key,
    header: o.header,
    required: o.required,
    width: o.width,
    note: o.note,
    options: Object.values(o.labels),
    parse(value) {
      const s = asText(value);
      const code = byLabel.get(s) ?? (s in o.labels ? s : undefined);
      if (!code) throw new CellError(`"${s}" 不在可选值中：${Object.values(o.labels).join('、')} (not one of the allowed values)`);
      return code as R[K];
    },
    format: (v) => (v === null || v === undefined ? null : (o.labels[String(v)] ?? String(v))),
  };
}
