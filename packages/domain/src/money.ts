/**
 * Money is exact: amounts are held as integer 分 (fen, 1/100 元) in a bigint and
 * exchanged as decimal strings in 元 ("1234.50"), never as binary floats.
 */

export type Fen = bigint;

const DECIMAL_YUAN = /^(-)?(\d{1,16})(?:\.(\d{1,2}))?$/;

export class MoneyFormatError extends Error {
  constructor(readonly input: string) {
    super(`"${input}" is not an amount in 元 with at most two decimals`);
  }
}

/** Parses "1234.5" or "-3" (元) into fen. Rejects anything that is not a plain decimal with ≤2 decimals. */
export function parseYuan(input: string): Fen {
  const m = DECIMAL_YUAN.exec(input.trim());
  if (!m) throw new MoneyFormatError(input);
  const [, sign, whole, frac = ''] = m;
  const fen = BigInt(whole) * 100n + BigInt(frac.padEnd(2, '0'));
  return sign && fen !== 0n ? -fen : fen;
}

/** Formats fen as a decimal string in 元 with exactly two decimals: 123456n → "1234.56". */
export function formatYuan(fen: Fen): string {
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  const whole = abs / 100n;
  const frac = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${whole}.${frac}`;
}

/** Accepts what database drivers return for a BIGINT/SUM (number, string, bigint, null). */
export function toFen(value: unknown): Fen {
  if (value === null || value === undefined) return 0n;
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new RangeError(`unsafe integer amount ${value}`);
    return BigInt(value);
  }
  if (typeof value === 'string') {
    // MySQL returns SUM(bigint) as a DECIMAL string, possibly with a ".0000" scale.
    const m = /^(-?\d+)(?:\.0+)?$/.exec(value.trim());
    if (!m) throw new RangeError(`not an integer amount: ${value}`);
    return BigInt(m[1]);
  }
  throw new TypeError(`cannot read an amount from ${typeof value}`);
}

export const FEN_PER_YUAN = 100n;
export const FEN_PER_WAN = 1_000_000n; // 万元
export const FEN_PER_YI = 10_000_000_000n; // 亿元

export function yuan(amount: number | bigint): Fen {
  return BigInt(amount) * FEN_PER_YUAN;
}
export function wan(amount: number | bigint): Fen {
  return BigInt(amount) * FEN_PER_WAN;
}
export function yi(amount: number | bigint): Fen {
  return BigInt(amount) * FEN_PER_YI;
}

export function sumFen(values: Iterable<Fen>): Fen {
  let total = 0n;
  for (const v of values) total += v;
  return total;
}

/**
 * Rounds fen to a display unit (万元 or 亿元) with the given decimals, half away from zero.
 * Returns a decimal string: formatInUnit(wan(14800) , 'yi', 2) → "1.48".
 */
export function formatInUnit(fen: Fen, unit: 'yuan' | 'wan' | 'yi', decimals = 2): string {
  const divisor = unit === 'yuan' ? FEN_PER_YUAN : unit === 'wan' ? FEN_PER_WAN : FEN_PER_YI;
  const scale = 10n ** BigInt(decimals);
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  const scaled = (abs * scale * 2n + divisor) / (divisor * 2n);
  const whole = scaled / scale;
  const frac = decimals > 0 ? '.' + (scaled % scale).toString().padStart(decimals, '0') : '';
  return `${negative && scaled !== 0n ? '-' : ''}${whole}${frac}`;
}

/** Picks 亿元 from 1亿 up, else 万元 — the way the reports write amounts. */
export function formatChineseAmount(fen: Fen, decimals = 2): string {
  const abs = fen < 0n ? -fen : fen;
  return abs >= FEN_PER_YI ? `${formatInUnit(fen, 'yi', decimals)}亿元` : `${formatInUnit(fen, 'wan', decimals)}万元`;
}

/**
 * Exact amount in 万元 with thousands separators and no trailing zeros, for messages a user reads
 * next to a mismatch: "9,800万元", "0.5万元", "1,234.5678万元". Nothing is rounded away, so two
 * amounts that differ are never shown as the same figure.
 */
export function formatWanExact(fen: Fen): string {
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  const whole = (abs / FEN_PER_WAN).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const frac = (abs % FEN_PER_WAN).toString().padStart(6, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${frac ? '.' + frac : ''}万元`;
}
