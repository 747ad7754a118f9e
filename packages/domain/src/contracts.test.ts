import { DomainValidationError } from './errors';
import { checkCompletion, checkVariation, completionDeviation, isDocumentType, termsAfter, type CompletionRecord, type ContractTerms, type Variation } from './contracts';

function problemsOf(run: () => void): { field: string; reason: string }[] {
  try {
    run();
    return [];
  } catch (e) {
    if (!(e instanceof DomainValidationError)) throw e;
    return [...e.problems];
  }
}

const terms: ContractTerms = { value: 1_000_000n, endDate: '2021-06-30' };
const v = (over: Partial<Variation>): Variation => ({ type: 'value', date: '2020-08-01', reason: '增加地下车库', oldValue: 1_000_000n, newValue: 1_200_000n, oldEndDate: null, newEndDate: null, ...over });

describe('checkVariation', () => {
  it.each<[string, Variation, string | null, RegExp | null]>([
    ['a value raised from the current value', v({}), null, null],
    ['a value lowered', v({ newValue: 900_000n }), null, null],
    ['a duration moved from the current end date', v({ type: 'duration', oldValue: null, newValue: null, oldEndDate: '2021-06-30', newEndDate: '2021-12-31' }), null, null],
    ['a scope change with its reason only', v({ type: 'scope', oldValue: null, newValue: null }), null, null],
    ['no reason', v({ reason: '  ' }), 'input.reason', /原因/],
    ['a bad date', v({ date: '2020-13-01' }), 'input.date', /YYYY-MM-DD/],
    ['dated before signing', v({ date: '2019-12-31' }), 'input.date', /早于合同签订/],
    ['a value change from a stale value', v({ oldValue: 999n }), 'input.oldValue', /现行金额/],
    ['a value change without the new value', v({ newValue: null }), 'input.newValue', /变更前和变更后/],
    ['a value changed to itself', v({ newValue: 1_000_000n }), 'input.newValue', /相同/],
    ['a negative new value', v({ newValue: -1n }), 'input.newValue', /不能为负/],
    ['a duration change without the new date', v({ type: 'duration', oldValue: null, newValue: null, oldEndDate: '2021-06-30' }), 'input.newEndDate', /完工日期/],
    ['a duration change from a stale date', v({ type: 'duration', oldValue: null, newValue: null, oldEndDate: '2021-05-30', newEndDate: '2021-12-31' }), 'input.oldEndDate', /现行日期/],
    ['a scope change carrying amounts', v({ type: 'scope' }), 'input.newValue', /只有金额变更/],
    ['a value change carrying dates', v({ newEndDate: '2021-12-31' }), 'input.newEndDate', /只有工期变更/],
  ])('%s', (_name, variation, field, reason) => {
    const problems = problemsOf(() => checkVariation(terms, variation, '2020-01-15'));
    if (!field) return expect(problems).toEqual([]);
    expect(problems).toEqual(expect.arrayContaining([{ field, reason: expect.stringMatching(reason!) }]));
  });
});

describe('termsAfter', () => {
  it.each<[string, Pick<Variation, 'type' | 'newValue' | 'newEndDate'>[], ContractTerms]>([
    ['no variations', [], terms],
    ['two value changes: the last counts', [{ type: 'value', newValue: 2n, newEndDate: null }, { type: 'value', newValue: 3n, newEndDate: null }], { value: 3n, endDate: '2021-06-30' }],
    ['a duration change', [{ type: 'duration', newValue: null, newEndDate: '2022-01-01' }], { value: 1_000_000n, endDate: '2022-01-01' }],
    ['a scope change leaves the terms', [{ type: 'scope', newValue: null, newEndDate: null }], terms],
  ])('%s', (_name, variations, expected) => expect(termsAfter(terms, variations)).toEqual(expected));
});

describe('checkCompletion', () => {
  const plan = { totalInvestment: 500_000n, plannedEnd: '2020-09-30', startDate: '2019-04-01' };
  const rec = (over: Partial<CompletionRecord>): CompletionRecord => ({ endDate: '2020-09-30', finalCost: 500_000n, finalScope: '建成厂房 3 栋', deviationReason: '', ...over });
  it.each<[string, CompletionRecord, string | null, RegExp | null]>([
    ['on plan, on time: no reason needed', rec({}), null, null],
    ['early and on cost: no reason needed', rec({ endDate: '2020-08-31' }), null, null],
    ['over cost with a reason', rec({ finalCost: 520_000n, deviationReason: '钢材涨价' }), null, null],
    ['over cost without a reason', rec({ finalCost: 520_000n }), 'input.deviationReason', /决算投资与总投资不同/],
    ['under cost without a reason', rec({ finalCost: 480_000n }), 'input.deviationReason', /须说明偏差原因/],
    ['late without a reason', rec({ endDate: '2020-10-10' }), 'input.deviationReason', /晚 10 天/],
    ['in the future', rec({ endDate: '2020-10-16' }), 'input.endDate', /晚于今天/],
    ['before the start', rec({ endDate: '2019-03-31' }), 'input.endDate', /早于开工/],
    ['not a date', rec({ endDate: '2020/09/30' }), 'input.endDate', /YYYY-MM-DD/],
    ['a negative cost', rec({ finalCost: -1n }), 'input.finalCost', /不能为负/],
    ['no scope', rec({ finalScope: ' ' }), 'input.finalScope', /实际建设内容/],
  ])('%s', (_name, record, field, reason) => {
    const problems = problemsOf(() => checkCompletion(plan, record, '2020-10-15'));
    if (!field) return expect(problems).toEqual([]);
    expect(problems).toEqual(expect.arrayContaining([{ field, reason: expect.stringMatching(reason!) }]));
  });
  it('measures the deviation', () => {
    expect(completionDeviation(plan, { endDate: '2020-10-02', finalCost: 480_000n })).toEqual({ cost: -20_000n, daysLate: 2 });
    expect(completionDeviation({ ...plan, plannedEnd: null }, { endDate: '2020-10-02', finalCost: 500_000n })).toEqual({ cost: 0n, daysLate: null });
  });
});

describe('isDocumentType', () => {
  it.each([['feasibilityStudy', true], ['environmentalImpact', true], ['completionCertificate', true], ['toString', false], ['FEASIBILITY_STUDY', false], ['', false]])('%s', (code, ok) => expect(isDocumentType(code)).toBe(ok));
});
