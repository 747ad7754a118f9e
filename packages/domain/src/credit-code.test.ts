import { creditCodeCheckCharacter, creditCodeProblem, requireCreditCode } from './credit-code';
import { DomainError } from './errors';

describe('统一社会信用代码', () => {
  it.each<[string, string | null]>([
    // The standard's own example and codes built from it by the published algorithm.
    ['91350100M000100Y43', null],
    ['91350100m000100y43', null],
    [' 91350100M000100Y43 ', null],
    ['91350100M000100Y44', '统一社会信用代码校验位不符，请核对是否录错'],
    ['91350100M000100Y4', '统一社会信用代码应为 18 位，实为 17 位'],
    ['', '统一社会信用代码应为 18 位，实为 0 位'],
    ['91350100M000100O43', '统一社会信用代码含有不允许的字符（第 3–8 位为行政区划数字，不使用 I、O、S、V、Z）'],
    ['9135A100M000100Y43', '统一社会信用代码含有不允许的字符（第 3–8 位为行政区划数字，不使用 I、O、S、V、Z）'],
  ])('%p → %p', (code, problem) => expect(creditCodeProblem(code)).toBe(problem));

  it('computes the check character the standard gives for its example', () =>
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3'));

  it('any single-character change of a valid code is caught', () => {
    const valid = '91210106MA0XXXXXX'.replace(/X/g, '1');
    const code = valid + creditCodeCheckCharacter(valid);
    expect(creditCodeProblem(code)).toBeNull();
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    for (let i = 0; i < 18; i++)
      for (const c of alphabet) {
        if (c === code[i] || (i >= 2 && i < 8 && !/\d/.test(c))) continue;
        const changed = code.slice(0, i) + c + code.slice(i + 1);
        expect(creditCodeProblem(changed)).not.toBeNull();
      }
  });

  it('requireCreditCode stores the upper-case form and names the field when invalid', () => {
    expect(requireCreditCode('91350100m000100y43', 'input.creditCode')).toBe('91350100M000100Y43');
    expect(() => requireCreditCode('123', 'input.creditCode')).toThrow(DomainError);
    try {
      requireCreditCode('123', 'input.creditCode');
    } catch (e) {
      expect((e as DomainError).field).toBe('input.creditCode');
    }
  });
});
