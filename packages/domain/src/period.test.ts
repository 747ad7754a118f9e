import {
  addMonths,
  daysInPeriod,
  isPeriod,
  monthsBetween,
  parsePeriod,
  periodEnd,
  periodOfInstant,
  periodRange,
  periodStart,
  quarterOf,
  samePeriodLastYear,
  shanghaiDate,
  yearToDate,
} from './period';

describe('periods', () => {
  it.each([
    ['2020-09', true],
    ['2020-12', true],
    ['2020-13', false],
    ['2020-00', false],
    ['2020-9', false],
    ['20-09', false],
    ['2020-09-01', false],
    ["2020-09' OR 1=1", false],
  ])('isPeriod(%p) = %p', (value, ok) => expect(isPeriod(value)).toBe(ok));

  it.each([
    ['2020-09', 1, '2020-10'],
    ['2020-12', 1, '2021-01'],
    ['2020-01', -1, '2019-12'],
    ['2020-09', -12, '2019-09'],
    ['2020-09', 36, '2023-09'],
  ])('addMonths(%p, %p) = %p', (p, n, expected) => expect(addMonths(p, n)).toBe(expected));

  it.each([
    ['2020-01', '2020-09', 8],
    ['2020-09', '2020-01', -8],
    ['2019-12', '2020-01', 1],
  ])('monthsBetween(%p, %p) = %p', (a, b, n) => expect(monthsBetween(a, b)).toBe(n));

  it.each([
    ['2020-01', 1],
    ['2020-03', 1],
    ['2020-04', 2],
    ['2020-09', 3],
    ['2020-12', 4],
  ])('quarterOf(%p) = %p', (p, q) => expect(quarterOf(p)).toBe(q));

  it.each([
    ['2020-02', 29],
    ['2021-02', 28],
    ['2020-09', 30],
    ['2020-12', 31],
  ])('daysInPeriod(%p) = %p', (p, d) => expect(daysInPeriod(p)).toBe(d));

  it('ranges, year to date and the same period last year', () => {
    expect(periodRange('2020-11', '2021-02')).toEqual(['2020-11', '2020-12', '2021-01', '2021-02']);
    expect(periodRange('2021-02', '2020-11')).toEqual([]);
    expect(yearToDate('2020-03')).toEqual(['2020-01', '2020-02', '2020-03']);
    expect(samePeriodLastYear('2020-09')).toBe('2019-09');
    expect(() => parsePeriod('2020/09')).toThrow(/YYYY-MM/);
  });

  it.each([
    // 2020-09-30T16:30Z is 00:30 on 1 October in Shanghai.
    ['2020-09-30T16:30:00Z', '2020-10', '2020-10-01'],
    ['2020-09-30T15:59:59Z', '2020-09', '2020-09-30'],
    ['2020-12-31T16:00:00Z', '2021-01', '2021-01-01'],
  ])('the instant %s falls in %s (%s) in Asia/Shanghai', (iso, p, day) => {
    expect(periodOfInstant(new Date(iso))).toBe(p);
    expect(shanghaiDate(new Date(iso))).toBe(day);
  });

  it('period bounds are Shanghai midnights', () => {
    expect(periodStart('2020-10').toISOString()).toBe('2020-09-30T16:00:00.000Z');
    expect(periodEnd('2020-09').toISOString()).toBe('2020-09-30T16:00:00.000Z');
  });
});
