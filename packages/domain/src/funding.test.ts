import { DomainValidationError } from './errors';
import { checkFundingLines, splitByWeights, type FundingLine } from './funding';

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
