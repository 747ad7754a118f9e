import {
  caseProblems,
  handlingTime,
  nearestRankPercentile,
  onTime,
  type AllowedPause,
  type CasePause,
  type CaseTimes,
} from './service-cases';

const at = (local: string) => new Date(`${local}+08:00`);
const times = (accepted: string, decided: string | null, pauses: CasePause[] = []): CaseTimes => ({
  receivedAt: at(`${accepted.slice(0, 10)}T08:30:00`),
  acceptedAt: at(accepted.length === 10 ? `${accepted}T09:00:00` : accepted),
  decidedAt: decided === null ? null : at(decided.length === 10 ? `${decided}T16:00:00` : decided),
  deliveredAt: null,
  pauses,
});
const REVIEW: AllowedPause[] = [{ name: '专家评审', maxDays: 10 }];

describe('handlingTime: working days from acceptance (day 0) to decision, minus allowed pauses', () => {
  const cases: Array<[string, CaseTimes, AllowedPause[], number | null]> = [
    ['decided the day it was accepted', times('2020-09-14', '2020-09-14'), [], 0],
    ['Monday to Friday', times('2020-09-14', '2020-09-18'), [], 4],
    ['across the National Day holiday (10-01…10-08 off)', times('2020-09-30', '2020-10-09'), [], 1],
    ['with the make-up Sunday 09-27 as a working day', times('2020-09-14', '2020-09-28'), [], 11],
    [
      'decided 00:30 the next day in Shanghai (16:30 UTC the same day)',
      times('2020-09-14', '2020-09-15T00:30:00'),
      [],
      1,
    ],
    [
      'an allowed pause of five working days',
      times('2020-09-14', '2020-09-28', [{ name: '专家评审', from: '2020-09-21', to: '2020-09-25' }]),
      REVIEW,
      6,
    ],
    [
      'an allowed pause longer than the guide allows counts only its allowance',
      times('2020-09-14', '2020-09-28', [{ name: '专家评审', from: '2020-09-21', to: '2020-09-25' }]),
      [{ name: '专家评审', maxDays: 3 }],
      8,
    ],
    [
      'a pause the guide does not allow counts as handling time',
      times('2020-09-14', '2020-09-28', [{ name: '补正材料', from: '2020-09-21', to: '2020-09-25' }]),
      REVIEW,
      11,
    ],
    [
      'a pause from the day of acceptance leaves day 0 alone',
      times('2020-09-14', '2020-09-28', [{ name: '专家评审', from: '2020-09-14', to: '2020-09-15' }]),
      REVIEW,
      10,
    ],
    [
      'a pause over a weekend takes only its working days',
      times('2020-09-14', '2020-09-28', [{ name: '专家评审', from: '2020-09-19', to: '2020-09-20' }]),
      REVIEW,
      11,
    ],
    ['undecided', times('2020-09-14', null), [], null],
  ];
  it.each(cases)('%s', (_, t, allowed, days) => expect(handlingTime(t, allowed)?.days ?? null).toBe(days));

  it('says what was gross and what was paused', () => {
    expect(
      handlingTime(
        times('2020-09-14', '2020-09-28', [{ name: '专家评审', from: '2020-09-21', to: '2020-09-25' }]),
        REVIEW,
      ),
    ).toEqual({ grossDays: 11, pausedDays: 5, days: 6 });
  });
});

describe('onTime', () => {
  it.each([
    [5, 5, true],
    [6, 5, false],
    [0, 0, true],
    [null, 5, null],
    [3, null, null],
  ])('%s days against %s promised → %s', (days, promised, expected) =>
    expect(onTime(days, promised)).toBe(expected),
  );
});

describe('caseProblems', () => {
  const cases: Array<[string, CaseTimes, Array<[string, RegExp]>]> = [
    ['a clean case', times('2020-09-14', '2020-09-18'), []],
    [
      'accepted before it was received',
      { ...times('2020-09-14', '2020-09-18'), receivedAt: at('2020-09-14T10:00:00') },
      [['input.acceptedAt', /早于收件/]],
    ],
    ['decided before it was accepted', times('2020-09-14', '2020-09-11'), [['input.decidedAt', /早于受理/]]],
    [
      'delivered while undecided',
      { ...times('2020-09-14', null), deliveredAt: at('2020-09-20T10:00:00') },
      [['input.deliveredAt', /尚未办结/]],
    ],
    [
      'delivered before the decision',
      { ...times('2020-09-14', '2020-09-18'), deliveredAt: at('2020-09-17T10:00:00') },
      [['input.deliveredAt', /早于办结/]],
    ],
    [
      'a pause the guide does not allow',
      times('2020-09-14', '2020-09-28', [{ name: '补正', from: '2020-09-15', to: '2020-09-16' }]),
      [['input.pauses[0].name', /未规定“补正”/]],
    ],
    [
      'a pause ending before it starts',
      times('2020-09-14', '2020-09-28', [{ name: '专家评审', from: '2020-09-16', to: '2020-09-15' }]),
      [['input.pauses[0].to', /结束日期不能早于/]],
    ],
    [
      'a pause after the decision',
      times('2020-09-14', '2020-09-18', [{ name: '专家评审', from: '2020-09-21', to: '2020-09-22' }]),
      [['input.pauses[0].from', /受理之后、办结之前/]],
    ],
    [
      'a malformed date',
      times('2020-09-14', '2020-09-18', [{ name: '专家评审', from: '2020/09/15', to: '2020-09-16' }]),
      [['input.pauses[0].from', /YYYY-MM-DD/]],
    ],
    [
      'overlapping pauses',
      times('2020-09-14', '2020-09-28', [
        { name: '专家评审', from: '2020-09-21', to: '2020-09-23' },
        { name: '专家评审', from: '2020-09-15', to: '2020-09-21' },
      ]),
      [['input.pauses[0].from', /重叠/]],
    ],
  ];
  it.each(cases)('%s', (_, t, expected) => {
    const problems = caseProblems(t, REVIEW);
    expect(problems.map((p) => p.field)).toEqual(expected.map(([f]) => f));
    problems.forEach((p, i) => expect(p.reason).toMatch(expected[i][1]));
  });
});

describe('nearestRankPercentile', () => {
  it.each([
    [[], 50, null],
    [[7], 50, 7],
    [[7], 90, 7],
    [[1, 2, 3, 4], 50, 2],
    [[1, 2, 3, 4, 5], 50, 3],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90, 9],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90, 10],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 100, 10],
  ])('%j at %i%% → %s', (values, p, expected) => expect(nearestRankPercentile(values, p)).toBe(expected));
});
