import { formatChineseAmount, formatInUnit, formatWanExact, formatYuan, parseYuan, sumFen, type Fen } from '@kpd/domain';

/** What the API sends for an amount: the Money scalar, a decimal string in 元 ("148000000.00"). */
export type MoneyValue = string | null | undefined;

function fenOf(value: MoneyValue): Fen | null {
  if (value === null || value === undefined || value === '') return null;
  return parseYuan(value);
}

/**
 * An amount the way the reports write it: 亿元 from one 亿 up, else 万元, two decimals
 * ("1.48亿元", "5,000.00万元"). Computed on integer 分, never on floats. Empty input shows "—".
 */
export function formatMoney(value: MoneyValue, decimals = 2): string {
  const fen = fenOf(value);
  if (fen === null) return '—';
  const text = formatChineseAmount(fen, decimals);
  return groupThousands(text);
}

/** An amount in one fixed unit, for table columns that must line up: formatMoneyIn("148000000.00", 'wan') → "14,800.00". */
export function formatMoneyIn(value: MoneyValue, unit: 'wan' | 'yi', decimals = 2): string {
  const fen = fenOf(value);
  if (fen === null) return '—';
  return groupThousands(formatInUnit(fen, unit, decimals));
}

/** A number of 万元 for a chart axis (charts take numbers; the label, not the sum, is rounded). */
export function moneyToWanNumber(value: MoneyValue): number {
  const fen = fenOf(value);
  return fen === null ? 0 : Number(formatInUnit(fen, 'wan', 2));
}

/** Whether an amount is above zero, compared on integer 分 (blanks are not). */
export function isPositiveMoney(value: MoneyValue): boolean {
  const fen = fenOf(value);
  return fen !== null && fen > 0n;
}

/** The sum of amounts as a Money string in 元, added on integer 分 (blanks count as nothing). */
export function sumMoney(values: Iterable<MoneyValue>): string {
  const fens: Fen[] = [];
  for (const v of values) {
    const fen = fenOf(v);
    if (fen !== null) fens.push(fen);
  }
  return formatYuan(sumFen(fens));
}

function groupThousands(text: string): string {
  return text.replace(/^(-?)(\d+)/, (_m, sign: string, whole: string) => sign + whole.replace(/\B(?=(\d{3})+(?!\d))/g, ','));
}

/** The unit every money column of a table is shown in, written in its header. */
export type MoneyUnit = 'wan' | 'yi';

export const MONEY_UNIT_LABELS: Readonly<Record<MoneyUnit, { zh: string; en: string }>> = {
  wan: { zh: '万元', en: '10k yuan' },
  yi: { zh: '亿元', en: '100m yuan' },
};

/**
 * An amount in a column's unit, two decimals, or "—" when there is none — and for a month that has
 * not come yet, whatever the server sent (a future month is not a zero).
 */
export function formatMoneyCell(value: MoneyValue, unit: MoneyUnit = 'wan', options: { future?: boolean } = {}): string {
  if (options.future) return '—';
  return formatMoneyIn(value, unit);
}

/** A percentage with one decimal ("12.3%"), "—" when there is none. */
export function formatPercent(value: number | null | undefined, decimals = 1): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : `${value.toFixed(decimals)}%`;
}

/** A signed change ("+3.2%", "-1.0%"), "—" when there is none. */
export function formatChange(value: number | null | undefined, decimals = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${value > 0 ? '+' : ''}${value.toFixed(decimals)}%`;
}

/**
 * Amounts written inside a text (a light's reason: "本月计划11,530.199154万元") shown with two decimals
 * at most, rounded half up on the digits themselves.
 */
export function tidyAmounts(text: string): string {
  return text.replace(/(-?)(\d[\d,]*)\.(\d{3,})(?=\s*(?:亿元|万元|元))/g, (_m, sign: string, whole: string, frac: string) => {
    const digits = BigInt(whole.replace(/,/g, '') + frac.slice(0, 2)) + (Number(frac[2]) >= 5 ? 1n : 0n);
    const text = digits.toString().padStart(3, '0');
    return sign + groupThousands(`${text.slice(0, -2)}.${text.slice(-2)}`);
  });
}

const WAN_INPUT = /^(\d{1,12})(?:\.(\d{1,6}))?$/;

/**
 * An amount typed in 万元 ("5000", "1234.5678", "1,234.5") as the API's Money string in 元, exactly:
 * "5000" → "50000000.00". Null when it is not a non-negative amount with at most six decimals (one 分).
 */
export function wanInputToYuan(text: string | number | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const m = WAN_INPUT.exec(String(text).trim().replace(/,/g, ''));
  if (!m) return null;
  const [, whole, frac = ''] = m;
  return formatYuan(BigInt(whole) * 1_000_000n + BigInt(frac.padEnd(6, '0')));
}

/** An amount in 元 as it is typed in a 万元 field, exactly, without separators or trailing zeros: "50000000.00" → "5000". */
export function yuanToWanInput(value: MoneyValue): string {
  const fen = fenOf(value);
  if (fen === null) return '';
  return formatWanExact(fen).replace(/万元$/, '').replace(/,/g, '');
}

/** A money column's header with its unit, stated once: "计划投资（万元）". */
export function moneyTitle(title: string, unit: MoneyUnit, locale: 'zh' | 'en' = 'zh'): string {
  return locale === 'zh' ? `${title}（${MONEY_UNIT_LABELS[unit].zh}）` : `${title} (${MONEY_UNIT_LABELS[unit].en})`;
}
