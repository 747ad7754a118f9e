import { DomainValidationError } from './errors';
import { checkFundingLines, investmentSplitProblems, splitByWeights, type FundingLine, type InvestmentPart } from './funding';

const line = (sourceCode: string, planned: bigint, received: bigint, bond: Partial<FundingLine> = {}): FundingLine => ({ sourceCode, planned, received, bondBatch: null, bondIssued: null, bondSpent: null, ...bond });
const isBond = (c: string) => c === 'ZXZ';

describe('checkFundingLines', () => {
  it.each<[string, FundingLine[], string | null, RegExp | null]>([
    ['ordinary lines', [line('ZYYSN', 100n, 50n), line('DFCZ', 10n, 0n)], null, null],
    ['a bond line with batch, issued and spent', [line('ZXZ', 100n, 80n, { bondBatch: '2020年第三批', bondIssued: 100n, bondSpent: 80n })], null, null],
    ['nothing at all', [], null, null],
    ['a source twice', [line('DFCZ', 1n, 0n), line('DFCZ', 2n, 0n)], 'lines[1].sourceId', /只能填一行/],
    ['a negative plan', [line('DFCZ', -1n, 0n)], 'lines[0].planned', /不能为负/],
    ['a negative receipt', [line('DFCZ', 1n, -1n)], 'lines[0].received', /不能为负/],
    ['a bond without batch', [line('ZXZ', 100n, 0n, { bondIssued: 0n, bondSpent: 0n })], 'lines[0].bondBatch', /批次/],
    ['a bond spent beyond issued', [line('ZXZ', 100n, 0n, { bondBatch: '一批', bondIssued: 50n, bondSpent: 51n })], 'lines[0].bondSpent', /超过发行/],
    ['a bond issued beyond planned', [line('ZXZ', 100n, 0n, { bondBatch: '一批', bondIssued: 101n, bondSpent: 0n })], 'lines[0].bondIssued', /超过计划/],
    ['bond fields on another source', [line('DFCZ', 100n, 0n, { bondIssued: 1n })], 'lines[0].bondIssued', /只有专项债/],
    ['a batch on another source', [line('YHDK', 100n, 0n, { bondBatch: '一批' })], 'lines[0].bondBatch', /只有专项债/],
  ])('%s', (_name, lines, field, reason) => {
    const run = () => checkFundingLines(lines, isBond);
    if (!field) return expect(run).not.toThrow();
    try {
      run();
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainValidationError);
      expect((e as DomainValidationError).problems).toEqual(expect.arrayContaining([expect.objectContaining({ field, reason: expect.stringMatching(reason!) })]));
    }
  });
});

describe('splitByWeights', () => {
  it.each<[string, bigint, number[], bigint[]]>([
    ['even', 100n, [1, 1], [50n, 50n]],
    ['remainder to the largest weight', 100n, [1, 2], [33n, 67n]],
    ['a zero weight gets nothing', 101n, [0, 1, 1], [0n, 51n, 50n]],
    ['the demo split of 1亿元', 10_000_000_000n, [10, 40, 20, 30], [1_000_000_000n, 4_000_000_000n, 2_000_000_000n, 3_000_000_000n]],
    ['one 分 over three', 1n, [1, 1, 1], [1n, 0n, 0n]],
    ['nothing to split', 0n, [3, 7], [0n, 0n]],
  ])('%s', (_name, total, weights, expected) => {
    const shares = splitByWeights(total, weights);
    expect(shares).toEqual(expected);
    expect(shares.reduce((a, b) => a + b, 0n)).toBe(total);
  });
  it('refuses weights that add to nothing', () => expect(() => splitByWeights(1n, [0, 0])).toThrow(RangeError));
});

describe('investmentSplitProblems', () => {
  const known = new Set(['ZYYSN', 'ZXZ', 'DFCZ', 'YHDK']);
  const part = (sourceCode: string, amount: bigint): InvestmentPart => ({ sourceCode, amount });
  it.each<[string, bigint, InvestmentPart[], Array<[string, RegExp]>]>([
    ['no split at all', 1_000n, [], []],
    ['one source taking the whole month', 1_000n, [part('DFCZ', 1_000n)], []],
    ['parts adding up to the 分', 1_234_567n, [part('ZXZ', 1_000_000n), part('YHDK', 234_566n), part('DFCZ', 1n)], []],
    ['a zero month split into zero parts', 0n, [part('ZXZ', 0n), part('DFCZ', 0n)], []],
    ['a part short by one 分', 1_000n, [part('ZXZ', 600n), part('DFCZ', 399n)], [['investmentBySource[1].amount', /合计 9\.99 元.*10\.00 元.*还差 0\.01 元/]]],
    ['parts over the month', 1_000n, [part('ZXZ', 600n), part('DFCZ', 500n)], [['investmentBySource[1].amount', /多出 1\.00 元/]]],
    ['a split of a month with no investment', 0n, [part('ZXZ', 5n)], [['investmentBySource[0].amount', /多出 0\.05 元/]]],
    ['a code not in the city’s list', 1_000n, [part('ZXZ', 500n), part('QT', 500n)], [['investmentBySource[1].sourceCode', /「QT」不在本市资金来源目录/]]],
    ['an empty code', 1_000n, [part(' ', 1_000n)], [['investmentBySource[0].sourceCode', /请选择资金来源/]]],
    ['a source twice', 1_000n, [part('ZXZ', 500n), part('ZXZ', 500n)], [['investmentBySource[1].sourceCode', /只能填一行/]]],
    ['a negative part (and no sum check until the parts are right)', 1_000n, [part('ZXZ', 1_100n), part('DFCZ', -100n)], [['investmentBySource[1].amount', /不能为负/]]],
    ['every problem at once', 1_000n, [part('QT', 1n), part('DFCZ', -1n)], [['investmentBySource[0].sourceCode', /QT/], ['investmentBySource[1].amount', /不能为负/]]],
  ])('%s', (_name, actual, parts, expected) => {
    const problems = investmentSplitProblems(actual, parts, (c) => known.has(c));
    expect(problems.map((p) => p.field)).toEqual(expected.map(([field]) => field));
    problems.forEach((p, i) => expect(p.reason).toMatch(expected[i][1]));
  });
  it('names the fields under the path it is given', () => {
    expect(investmentSplitProblems(1n, [part('ZXZ', 2n)], () => true, 'input.investmentBySource')[0].field).toBe('input.investmentBySource[0].amount');
  });
});
