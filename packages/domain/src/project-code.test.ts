import { DomainError } from './errors';
import { projectCodeProblem, requireProjectCode } from './project-code';

describe('projectCodeProblem', () => {
  it.each<[string, string, RegExp | null]>([
    ['a Sujiatun project approved in 2020', '2020-210111-48-01-000123', null],
    ['a filed (备案) industrial project', '2019-210111-13-03-051203', null],
    ['a central project', '2018-000000-78-02-000001', null],
    ['surrounding blanks are trimmed', ' 2020-210111-48-01-000123 ', null],
    ['too short', '2020-210111-48-01-00012', /24 位/],
    ['no hyphens', '202021011148010001234567', /年份-行政区划/],
    ['letters', '2020-21011A-48-01-000123', /年份-行政区划/],
    ['a year before the platform', '2013-210111-48-01-000123', /2014–2026/],
    ['a year still to come', '2027-210111-48-01-000123', /2014–2026/],
    ['an unknown province', '2020-990111-48-01-000123', /区划代码/],
    ['industry 00', '2020-210111-00-01-000123', /01–97/],
    ['industry 98', '2020-210111-98-01-000123', /01–97/],
    ['type 04', '2020-210111-48-04-000123', /审批.*核准.*备案/],
    ['serial zero', '2020-210111-48-01-000000', /流水号/],
  ])('%s', (_name, code, problem) => {
    const found = projectCodeProblem(code, 2026);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toMatch(problem);
  });

  it('requireProjectCode names the field and returns the trimmed code', () => {
    expect(requireProjectCode(' 2020-210111-48-01-000123', 'input.nationalCode', 2026)).toBe('2020-210111-48-01-000123');
    expect(() => requireProjectCode('2020', 'input.nationalCode', 2026)).toThrow(DomainError);
    try {
      requireProjectCode('2020', 'input.nationalCode', 2026);
    } catch (e) {
      expect((e as DomainError).field).toBe('input.nationalCode');
    }
  });
});
