import { formatChineseAmount, formatInUnit, formatWanExact, formatYuan, parseYuan, toFen, wan, yi } from './money';

describe('parseYuan / formatYuan', () => {
  it.each([
    ['0', 0n, '0.00'],
    ['1', 100n, '1.00'],
    ['1.5', 150n, '1.50'],
    ['1.05', 105n, '1.05'],
    ['-3.2', -320n, '-3.20'],
    ['-0', 0n, '0.00'],
    ['9300000000', 930000000000n, '9300000000.00'],
    [' 12.34 ', 1234n, '12.34'],
  ])('%p → %p fen → %p', (input, fen, formatted) => {
    expect(parseYuan(input)).toBe(fen);
    expect(formatYuan(fen)).toBe(formatted);
  });

  it.each(['', 'abc', '1.234', '1e5', '0x10', '1,000', 'NaN', 'Infinity', '--1', '1.', '.5', '12345678901234567'])(
    'rejects %p',
    (input) => {
      expect(() => parseYuan(input)).toThrow(/not an amount/);
    },
  );

  it('keeps sums exact where floats drift', () => {
    const tenths = Array.from({ length: 10 }, () => parseYuan('0.10'));
    expect(formatYuan(tenths.reduce((a, b) => a + b, 0n))).toBe('1.00');
  });
});

describe('toFen reads driver values', () => {
  it.each<[unknown, bigint]>([
    [null, 0n],
    [undefined, 0n],
    [42, 42n],
    ['42', 42n],
    ['93000000000.0000', 93000000000n],
    ['-7', -7n],
    [5n, 5n],
  ])('%p → %p', (value, fen) => expect(toFen(value)).toBe(fen));

  it.each<[unknown]>([[1.5], ['1.5'], ['abc'], [Number.MAX_SAFE_INTEGER + 2], [{}]])('rejects %p', (value) => {
    expect(() => toFen(value)).toThrow();
  });
});

describe('display units', () => {
  it.each<[bigint, 'yuan' | 'wan' | 'yi', number, string]>([
    [yi(93), 'yi', 1, '93.0'],
    [wan(148000), 'yi', 1, '14.8'],
    [wan(5000), 'wan', 0, '5000'],
    [wan(5000), 'yi', 2, '0.50'],
    [149n, 'yuan', 0, '1'],
    [150n, 'yuan', 0, '2'],
    [-150n, 'yuan', 0, '-2'],
    [-1n, 'wan', 2, '0.00'],
  ])('%p in %s with %d decimals → %s', (fen, unit, decimals, text) => {
    expect(formatInUnit(fen, unit, decimals)).toBe(text);
  });

  it.each<[bigint, string]>([
    [yi(93), '93.00亿元'],
    [wan(5000), '5000.00万元'],
    [wan(12345), '1.23亿元'],
  ])('%p → %s', (fen, text) => expect(formatChineseAmount(fen)).toBe(text));
});

describe('formatWanExact', () => {
  it.each<[bigint, string]>([
    [wan(9800), '9,800万元'],
    [wan(10000), '10,000万元'],
    [0n, '0万元'],
    [500_000n, '0.5万元'],
    [wan(1234) + 5678n, '1,234.005678万元'],
    [-wan(1500), '-1,500万元'],
    [yi(93), '930,000万元'],
  ])('%p → %s', (fen, text) => expect(formatWanExact(fen)).toBe(text));
});
