import { DomainError } from './errors';
import { daysSinceContact, isActiveAssignment, isQuiet, isWithinLastDays, requireEvaluationScore, responsibleSecretary, secretaryCoverage, teamConflict, type TeamAssignment, type TeamRole } from './secretaries';

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

describe('the no-contact warning across month and year boundaries (N = 30)', () => {
  it.each<[string, string, string, boolean]>([
    ['contact on the last day of September, 29 days later', '2020-09-30', '2020-10-29', false],
    ['contact on the last day of September, 30 days later', '2020-09-30', '2020-10-30', true],
    ['contact on 31 October, 30 November is 30 days', '2020-10-31', '2020-11-30', true],
    ['contact on 31 October, 29 November is 29 days', '2020-10-31', '2020-11-29', false],
    ['contact on 15 December, 14 January is 30 days', '2020-12-15', '2021-01-14', true],
    ['contact on 1 February 2021 (28 days), 3 March is 30 days', '2021-02-01', '2021-03-03', true],
    ['contact on 1 February 2021 (28 days), 2 March is 29 days', '2021-02-01', '2021-03-02', false],
  ])('%s', (_d, lastContactDate, today, quiet) => {
    expect(isQuiet({ lastContactDate, today, quietDays: 30 })).toBe(quiet);
  });
});

describe('log entries of the last N days', () => {
  it.each<[string, string, number, boolean]>([
    ['2020-10-15', '2020-10-15', 30, true],
    ['2020-09-16', '2020-10-15', 30, true], // 29 days ago: the 30th day back
    ['2020-09-15', '2020-10-15', 30, false], // 30 days ago: outside
    ['2020-10-16', '2020-10-15', 30, false], // tomorrow
    ['2020-12-31', '2021-01-01', 1, false],
    ['2021-01-01', '2021-01-01', 1, true],
  ])('%s is within %s’s last %p days: %p', (date, today, days, within) => {
    expect(isWithinLastDays(date, today, days)).toBe(within);
  });

  it('refuses a bad date or window', () => {
    expect(() => isWithinLastDays('2020-02-30', '2020-03-01', 30)).toThrow(expect.objectContaining({ field: 'date' }));
    expect(() => isWithinLastDays('2020-02-20', '2020-03-01', 0)).toThrow(expect.objectContaining({ field: 'days' }));
  });
});

describe('evaluation scores', () => {
  it.each([0, 1, 59, 100])('accepts %p', (score) => expect(requireEvaluationScore(score)).toBe(score));
  it.each([-1, 101, 85.5, Number.NaN])('refuses %p', (score) => {
    expect(() => requireEvaluationScore(score, 'input.score')).toThrow(expect.objectContaining({ field: 'input.score' }));
  });
});

describe('reinforced teams (加强型)', () => {
  const a = (teamRole: TeamRole, startDate: string, endDate: string | null = null): TeamAssignment => ({ teamRole, startDate, endDate });
  it.each<[string, TeamAssignment[], TeamAssignment, boolean]>([
    ['a first sole secretary', [], a('SOLE', '2018-04-01'), true],
    ['a second sole secretary at the same time', [a('SOLE', '2018-04-01')], a('SOLE', '2019-01-01'), false],
    ['a successor after the first ended', [a('SOLE', '2018-04-01', '2018-12-31')], a('SOLE', '2019-01-01'), true],
    ['a lead and a member', [a('LEAD', '2018-04-01')], a('MEMBER', '2018-05-01'), true],
    ['members beside a lead', [a('LEAD', '2018-04-01'), a('MEMBER', '2018-04-01')], a('MEMBER', '2018-04-01'), true],
    ['a second lead', [a('LEAD', '2018-04-01'), a('MEMBER', '2018-04-01')], a('LEAD', '2020-01-01'), false],
    ['a new lead after the old one ended', [a('LEAD', '2018-04-01', '2019-12-31')], a('LEAD', '2020-01-01'), true],
    ['a member beside a sole secretary', [a('SOLE', '2018-04-01')], a('MEMBER', '2018-04-01'), false],
    ['an end before the start', [], a('SOLE', '2020-04-01', '2020-03-31'), false],
  ])('%s', (_d, existing, added, fits) => {
    expect(teamConflict(existing, added) === null).toBe(fits);
  });
});

describe('the secretary answerable for a problem', () => {
  const as = (secretaryId: string, teamRole: TeamRole, startDate: string, endDate: string | null = null) => ({ secretaryId, teamRole, startDate, endDate });
  it.each<[string, string | null, ReturnType<typeof as>[], string, string | null]>([
    ['raised by a secretary: that secretary, whatever the team', '李军', [as('王红', 'SOLE', '2020-01-01')], '2020-08-03', '李军'],
    ['raised by an admin: the sole secretary that day', null, [as('李军', 'SOLE', '2020-01-01')], '2020-08-03', '李军'],
    ['raised by an admin: the lead of a reinforced team, not a member', null, [as('组员甲', 'MEMBER', '2019-01-01'), as('组长', 'LEAD', '2019-06-01'), as('组员乙', 'MEMBER', '2019-01-01')], '2020-08-03', '组长'],
    ['the secretary of the day it was raised, not today’s', null, [as('前任', 'SOLE', '2019-01-01', '2020-06-30'), as('现任', 'SOLE', '2020-07-01')], '2020-06-30', '前任'],
    ['an assignment starting the day after does not count', null, [as('李军', 'SOLE', '2020-08-04')], '2020-08-03', null],
    ['an assignment ending that day still counts (both days included)', null, [as('李军', 'SOLE', '2020-01-01', '2020-08-03')], '2020-08-03', '李军'],
    ['a team with members only: nobody answerable', null, [as('组员甲', 'MEMBER', '2020-01-01')], '2020-08-03', null],
    ['no secretary at all', null, [], '2020-08-03', null],
  ])('%s', (_d, raisedBy, assignments, raisedDate, expected) => {
    expect(responsibleSecretary(raisedBy, assignments, raisedDate)).toBe(expected);
  });

  it('refuses a day that is not a day', () => {
    expect(() => responsibleSecretary(null, [as('李军', 'SOLE', '2020-01-01')], '2020-13-01')).toThrow(DomainError);
  });
});
