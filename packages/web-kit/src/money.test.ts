import { formatDate, formatDateTime, formatPeriod } from './dates';
import { formatMoney, formatMoneyIn, moneyToWanNumber, sumMoney, wanInputToYuan, yuanToWanInput } from './money';

describe('formatMoney: 亿元 from one 亿 up, else 万元, exact', () => {
  test.each([
    ['148000000.00', '1.48亿元'],
    ['100000000.00', '1.00亿元'],
    ['99999999.99', '10,000.00万元'], // rounds half away from zero in 万元; never shown as 1亿 by a float
    ['50000000.00', '5,000.00万元'],
    ['12345.67', '1.23万元'],
    ['0.00', '0.00万元'],
    ['-3500000.00', '-350.00万元'],
    ['930000000000.00', '9,300.00亿元'],
    ['9007199254740993.00', '90,071,992.55亿元'], // past 2^53: integer arithmetic keeps every digit
  ])('%s → %s', (value, text) => expect(formatMoney(value)).toBe(text));

  test('no amount shows a dash', () => {
    expect(formatMoney(null)).toBe('—');
    expect(formatMoney(undefined)).toBe('—');
    expect(formatMoney('')).toBe('—');
  });

  test('a value that is not an amount is refused, not guessed', () => {
    expect(() => formatMoney('1.234')).toThrow(/not an amount/);
    expect(() => formatMoney('1e8')).toThrow(/not an amount/);
  });
});

describe('formatMoneyIn: one unit for a column', () => {
  test.each([
    ['148000000.00', 'wan', 2, '14,800.00'],
    ['148000000.00', 'yi', 2, '1.48'],
    ['12345.67', 'wan', 4, '1.2346'],
    ['5000.00', 'yi', 2, '0.00'],
  ] as const)('%s in %s (%d) → %s', (value, unit, decimals, text) => expect(formatMoneyIn(value, unit, decimals)).toBe(text));
});

test('moneyToWanNumber gives chart values in 万元', () => {
  expect(moneyToWanNumber('148000000.00')).toBe(14800);
  expect(moneyToWanNumber('12345.67')).toBe(1.23);
  expect(moneyToWanNumber(null)).toBe(0);
});

describe('dates are shown in Asia/Shanghai whatever the browser zone', () => {
  test.each([
    ['2020-10-09T16:30:00.000Z', '2020-10-10 00:30', '2020-10-10'],
    ['2020-12-31T15:59:59.000Z', '2020-12-31 23:59', '2020-12-31'],
    ['2020-12-31T16:00:00.000Z', '2021-01-01 00:00', '2021-01-01'],
  ])('%s → %s', (iso, dateTime, date) => {
    expect(formatDateTime(iso)).toBe(dateTime);
    expect(formatDate(iso)).toBe(date);
  });

  test('missing or broken instants show a dash', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('not a date')).toBe('—');
  });

  test('months in both languages', () => {
    expect(formatPeriod('2020-09', 'zh')).toBe('2020年9月');
    expect(formatPeriod('2020-09', 'en')).toBe('Sep 2020');
    expect(formatPeriod('2020-9', 'zh')).toBe('—');
  });
});

describe('sumMoney: exact on 分, blanks ignored', () => {
  test.each([
    [['0.10', '0.20'], '0.30'], // 0.1 + 0.2 on floats would not be 0.3
    [['148000000.00', null, '', '2.05'], '148000002.05'],
    [[], '0.00'],
    [['-1.50', '1.00'], '-0.50'],
    [['9007199254740993.00', '1.00'], '9007199254740994.00'],
  ])('%p → %s', (values, sum) => expect(sumMoney(values)).toBe(sum));
});

describe('amounts typed in 万元, exactly', () => {
  test.each<[string | number | null, string | null]>([
    ['5000', '50000000.00'],
    [5000, '50000000.00'],
    ['1,234.5', '12345000.00'],
    ['0.000001', '0.01'],
    ['0', '0.00'],
    ['9007199254740.993', null], // too many digits for the field
    ['1.0000001', null], // below one 分
    ['-5', null],
    ['abc', null],
    ['', null],
    [null, null],
  ])('%p 万元 → %p 元', (text, yuan) => expect(wanInputToYuan(text)).toBe(yuan));

  test.each([
    ['50000000.00', '5000'],
    ['12345000.00', '1234.5'],
    ['0.01', '0.000001'],
    ['0.00', '0'],
  ])('%s 元 is typed as %s 万元, and back', (yuan, wanText) => {
    expect(yuanToWanInput(yuan)).toBe(wanText);
    expect(wanInputToYuan(wanText)).toBe(yuan);
  });
});
