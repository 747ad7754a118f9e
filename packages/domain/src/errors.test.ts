import { DomainError, DomainValidationError, throwIfProblems } from './errors';

describe('DomainError', () => {
  it('carries the field path and a readable reason', () => {
    const e = new DomainError('months[3].plannedInvestment', '金额不能为负数');
    expect(e).toBeInstanceOf(Error);
    expect(e.field).toBe('months[3].plannedInvestment');
    expect(e.reason).toBe('金额不能为负数');
    expect(e.message).toBe('months[3].plannedInvestment: 金额不能为负数');
  });

  it('collects every problem of a form', () => {
    const problems = [
      { field: 'years', reason: '年度之和不符' },
      { field: 'months[2].plannedInvestment', reason: '金额不能为负数' },
    ];
    expect(() => throwIfProblems([])).not.toThrow();
    try {
      throwIfProblems(problems);
      throw new Error('not thrown');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect(e).toBeInstanceOf(DomainValidationError);
      const v = e as DomainValidationError;
      expect(v.field).toBe('years');
      expect(v.problems).toEqual(problems);
      expect(v.message).toContain('months[2].plannedInvestment');
    }
    expect(() => new DomainValidationError([])).toThrow(RangeError);
  });
});
