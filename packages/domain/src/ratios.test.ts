import fc from 'fast-check';
import { DomainError } from './errors';
import { wan, yi } from './money';
import {
  addFractions,
  compareFractions,
  completionRate,
  formatFraction,
  fraction,
  growthRate,
  multiplyFractions,
  percentage,
  ratio,
  roundFraction,
} from './ratios';

describe('fractions', () => {
  it.each([
    [6n, 4n, 3n, 2n],
    [-6n, 4n, -3n, 2n],
    [6n, -4n, -3n, 2n],
    [0n, 5n, 0n, 1n],
  ])('%p/%p reduces to %p/%p', (n, d, rn, rd) => {
    expect(fraction(n, d)).toEqual({ numerator: rn, denominator: rd });
  });

  it('adds and multiplies exactly', () => {
    expect(addFractions(fraction(1n, 3n), fraction(1n, 6n))).toEqual(fraction(1n, 2n));
    expect(multiplyFractions(fraction(2n, 3n), fraction(3n, 4n))).toEqual(fraction(1n, 2n));
  });

  it('refuses a zero denominator', () => expect(() => fraction(1n, 0n)).toThrow(RangeError));

  it('compares exactly', () => {
    expect(compareFractions(fraction(1n, 3n), fraction(333n, 1000n))).toBe(1);
    expect(compareFractions(fraction(2n, 4n), fraction(1n, 2n))).toBe(0);
    expect(compareFractions(fraction(-1n, 2n), fraction(0n, 1n))).toBe(-1);
  });

  it.each([
    [1n, 3n, 2, '0.33', 0.33],
    [2n, 3n, 2, '0.67', 0.67],
    [1n, 8n, 2, '0.13', 0.13], // 0.125 rounds half away from zero
    [-1n, 8n, 2, '-0.13', -0.13],
    [1n, 200n, 2, '0.01', 0.01], // 0.005
    [-1n, 300n, 2, '0.00', 0],
    [7n, 2n, 0, '4', 4],
    [-7n, 2n, 0, '-4', -4],
    [12345678901234567891n, 100n, 2, '123456789012345678.91', Number('123456789012345678.91')],
  ])('%p/%p to %d decimals = %s', (n, d, decimals, text, value) => {
    expect(formatFraction(fraction(n, d), decimals)).toBe(text);
    expect(roundFraction(fraction(n, d), decimals)).toBe(value);
  });

  it('refuses silly decimals', () => {
    expect(() => formatFraction(fraction(1n, 3n), -1)).toThrow(DomainError);
    expect(() => formatFraction(fraction(1n, 3n), 1.5)).toThrow(DomainError);
  });

  it('ratio and percentage never divide by zero', () => {
    expect(ratio(1n, 3n, 4)).toBe(0.3333);
    expect(ratio(1n, 0n, 2)).toBeNull();
    expect(percentage(1n, 3n)).toBe(33.3);
    expect(percentage(2n, 3n, 2)).toBe(66.67);
    expect(percentage(5n, 0n)).toBeNull();
  });

  it('rounds half up on the exact quotient at any size (property)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 30n }),
        fc.bigInt({ min: 1n, max: 10n ** 15n }),
        (n, d) => {
          const text = formatFraction(fraction(n, d), 6);
          const expected = (n * 10n ** 6n * 2n + d) / (2n * d);
          expect(BigInt(text.replace('.', ''))).toBe(expected);
        },
      ),
    );
  });
});

describe('growthRate', () => {
  it('Sujiatun, September 2020: 14.8亿元 vs 12.27亿元 → +20.6%', () => {
    const september2020 = wan(148_000);
    const september2019 = wan(122_700);
    const g = growthRate(september2020, september2019);
    expect(g.percent).toBe(20.6);
    expect(g.fraction).toEqual(fraction(25_300n, 122_700n));
  });

  it.each<[bigint, bigint, number]>([
    [yi(93), yi(93), 0],
    [wan(10_205), wan(10_000), 2.1], // 2.05 % rounds up
    [wan(10_204), wan(10_000), 2], // 2.04 % rounds down
    [wan(9_795), wan(10_000), -2.1], // −2.05 % rounds away from zero
    [wan(9_796), wan(10_000), -2], // −2.04 %
    [0n, wan(100), -100],
    [wan(300), wan(100), 200],
    [1n, 3n, -66.7],
    [wan(148_000), wan(122_719), 20.6], // 20.598…
    [wan(148_000), wan(122_720), 20.6], // 20.599…
    [wan(148_000), wan(122_770), 20.6], // 20.550… (just above the boundary)
    [wan(148_000), wan(122_771), 20.5], // 20.549…
  ])('growthRate(%p, %p) = %p %%', (current, previous, percent) => {
    expect(growthRate(current, previous).percent).toBe(percent);
  });

  it('a zero base has no rate and says why', () => {
    expect(growthRate(wan(5), 0n)).toEqual({
      fraction: null,
      percent: null,
      reasonCode: 'ZERO_BASE',
      reason: '上年同期为零，无法计算增长率',
    });
    expect(growthRate(0n, 0n)).toMatchObject({ percent: null, reasonCode: 'BOTH_ZERO' });
  });

  it('refuses negative amounts, naming the argument', () => {
    expect(() => growthRate(-1n, 5n)).toThrow(expect.objectContaining({ field: 'current' }));
    expect(() => growthRate(1n, -5n)).toThrow(expect.objectContaining({ field: 'previous' }));
  });
});

describe('completionRate', () => {
  it.each<[bigint, bigint, number | null]>([
    [wan(93), wan(100), 93],
    [wan(150), wan(100), 150],
    [0n, wan(100), 0],
    [1n, 3n, 33.3],
    [wan(2), 0n, null],
  ])('completionRate(%p, %p) = %p', (actual, planned, percent) => {
    expect(completionRate(actual, planned).percent).toBe(percent);
  });

  it('a zero plan gives NO_PLAN', () => {
    expect(completionRate(0n, 0n)).toMatchObject({
      reasonCode: 'NO_PLAN',
      reason: '计划为零，无法计算完成率',
    });
    expect(() => completionRate(-1n, 1n)).toThrow(expect.objectContaining({ field: 'actual' }));
  });
});
