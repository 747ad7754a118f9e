import { DomainError } from './errors';
import { daysSinceContact, isActiveAssignment, isQuiet, secretaryCoverage } from './secretaries';

describe('no-contact warning', () => {
  it.each<[string | null, string, number | null]>([
    ['2020-10-15', '2020-10-15', 0],
    ['2020-10-14', '2020-10-15', 1],
    ['2020-09-30', '2020-10-01', 1], // across a month end
    ['2020-01-31', '2020-03-01', 30], // across February of a leap year
    ['2021-01-31', '2021-03-01', 29],
    ['2020-12-20', '2021-01-10', 21], // across the year end
    [null, '2020-10-15', null],
  ])('daysSinceContact(%p, %s) = %p', (last, today, days) => {
    expect(daysSinceContact(last, today)).toBe(days);
  });

  it.each<[string, string | null, string | null | undefined, string, number, boolean]>([
    ['29 days, N = 30', '2020-09-16', undefined, '2020-10-15', 30, false],
    ['30 days, N = 30', '2020-09-15', undefined, '2020-10-15', 30, true],
    ['across a month end: 31 Jan → 1 Mar 2020 is 30 days', '2020-01-31', undefined, '2020-03-01', 30, true],
    ['across a month end: 31 Jan → 1 Mar 2021 is 29 days', '2021-01-31', undefined, '2021-03-01', 30, false],
    ['weekly visits, N = 7, seen yesterday', '2020-10-14', undefined, '2020-10-15', 7, false],
    ['never contacted, assigned 10 days ago, N = 30', null, '2020-10-05', '2020-10-15', 30, false],
    ['never contacted, assigned 30 days ago, N = 30', null, '2020-09-15', '2020-10-15', 30, true],
    ['never contacted, no assignment date', null, null, '2020-10-15', 30, true],
    ['never contacted, assigned from tomorrow', null, '2020-10-16', '2020-10-15', 30, false],
  ])('%s → %p', (_d, lastContactDate, assignedDate, today, quietDays, quiet) => {
    expect(isQuiet({ lastContactDate, assignedDate, today, quietDays })).toBe(quiet);
  });

  it.each<[object, string]>([
    [{ lastContactDate: '2020-10-16', today: '2020-10-15', quietDays: 30 }, 'lastContactDate'],
    [{ lastContactDate: '2020-10-01', today: '2020-10-15', quietDays: 0 }, 'quietDays'],
    [{ lastContactDate: '2020-10-01', today: '2020-10-15', quietDays: 1.5 }, 'quietDays'],
    [{ lastContactDate: '2020-02-30', today: '2020-10-15', quietDays: 30 }, 'lastContactDate'],
    [
      { lastContactDate: null, assignedDate: '2020-13-01', today: '2020-10-15', quietDays: 30 },
      'assignedDate',
    ],
  ])('refuses %p', (input, field) => {
    expect(() => isQuiet(input as never)).toThrow(DomainError);
    expect(() => isQuiet(input as never)).toThrow(expect.objectContaining({ field }));
  });
});

describe('secretary coverage', () => {
  it.each<[string, { startDate: string; endDate: string | null }, boolean]>([
    ['running', { startDate: '2018-04-01', endDate: null }, true],
    ['starts today', { startDate: '2020-10-15', endDate: null }, true],
    ['starts tomorrow', { startDate: '2020-10-16', endDate: null }, false],
    ['ends today', { startDate: '2018-04-01', endDate: '2020-10-15' }, true],
    ['ended yesterday', { startDate: '2018-04-01', endDate: '2020-10-14' }, false],
  ])('an assignment that is %s is active: %p', (_d, assignment, active) => {
    expect(isActiveAssignment(assignment, '2020-10-15')).toBe(active);
  });

  it('counts key projects with an active secretary (report 001: 李军 serves three projects)', () => {
    const coverage = secretaryCoverage(
      [
        { projectId: '凯丹广场', assignments: [{ startDate: '2018-04-01', endDate: null }] },
        { projectId: '辉盛阁国际公寓', assignments: [{ startDate: '2018-04-01', endDate: null }] },
        { projectId: '保利天禧', assignments: [{ startDate: '2018-04-01', endDate: '2019-12-31' }] },
        {
          projectId: '黑嘴子码头',
          assignments: [
            { startDate: '2018-04-01', endDate: '2018-12-31' },
            { startDate: '2019-01-01', endDate: null },
          ],
        },
        { projectId: '冰山慧谷', assignments: [] },
      ],
      '2020-10-15',
    );
    expect(coverage).toMatchObject({
      covered: 3,
      total: 5,
      percent: 60,
      uncoveredProjectIds: ['保利天禧', '冰山慧谷'],
    });
  });

  it('has no coverage rate without key projects', () => {
    expect(secretaryCoverage([], '2020-10-15')).toMatchObject({
      covered: 0,
      total: 0,
      fraction: null,
      percent: null,
    });
  });

  it('refuses an assignment ending before it starts, naming it', () => {
    expect(() =>
      secretaryCoverage(
        [{ projectId: 'p', assignments: [{ startDate: '2020-10-01', endDate: '2020-09-01' }] }],
        '2020-10-15',
      ),
    ).toThrow(expect.objectContaining({ field: 'keyProjects[0].assignments[0].endDate' }));
  });
});
