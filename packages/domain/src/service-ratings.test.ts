import { DomainError } from './errors';
import {
  isBadRating,
  isRectificationOverdue,
  openRectification,
  ratingProblems,
  recordRectificationStep,
  rectificationDeadline,
  type RatingInput,
  type RectificationState,
  type RectificationStatus,
  type RectificationStep,
  type StepPayload,
} from './service-ratings';

describe('ratingProblems', () => {
  const cases: Array<[string, RatingInput, string[]]> = [
    ['a plain 5', { score: 5, reasons: [] }, []],
    ['a 5 with praise', { score: 5, reasons: ['FAST', 'FRIENDLY'], comment: '很快' }, []],
    ['a 3 with a complaint', { score: 3, reasons: ['SLOW'] }, []],
    ['a 1 with a reason', { score: 1, reasons: ['MANY_VISITS'] }, []],
    ['a 0', { score: 0, reasons: [] }, ['input.score']],
    ['a 6', { score: 6, reasons: [] }, ['input.score']],
    ['a 4.5', { score: 4.5, reasons: [] }, ['input.score']],
    ['an unknown reason', { score: 5, reasons: ['CHEAP'] }, ['input.reasons[0]']],
    ['a complaint with a 5', { score: 5, reasons: ['FAST', 'SLOW'] }, ['input.reasons[1]']],
    ['praise with a 2', { score: 2, reasons: ['FAST'] }, ['input.reasons[0]']],
    ['a reason twice', { score: 2, reasons: ['SLOW', 'SLOW'] }, ['input.reasons[1]']],
    ['a bad rating without a reason', { score: 2, reasons: [] }, ['input.reasons']],
    ['a bad rating saying OTHER without a comment', { score: 1, reasons: ['OTHER'], comment: '  ' }, ['input.comment']],
    ['a bad rating saying OTHER with a comment', { score: 1, reasons: ['OTHER'], comment: '叫号混乱' }, []],
    ['a 501-character comment', { score: 4, reasons: [], comment: '好'.repeat(501) }, ['input.comment']],
    ['a 500-character comment', { score: 4, reasons: [], comment: '好'.repeat(500) }, []],
  ];
  it.each(cases)('%s', (_name, input, fields) => {
    expect(ratingProblems(input).map((p) => p.field)).toEqual(fields);
  });

  it.each([
    [1, true],
    [2, true],
    [3, false],
    [5, false],
    [0, false],
  ])('isBadRating(%s) = %s', (score, bad) => expect(isBadRating(score)).toBe(bad));
});

describe('rectificationDeadline: five working days on the calendar', () => {
  it.each([
    ['a Monday', '2020-09-14', '2020-09-21'],
    ['a Friday', '2020-09-18', '2020-09-25'],
    ['before the National Day holiday (10-01…10-08 off, Saturday 10-10 worked)', '2020-09-29', '2020-10-13'],
    ['on a Sunday', '2020-09-13', '2020-09-18'],
  ])('%s', (_name, opened, due) => expect(rectificationDeadline(opened)).toBe(due));
});

describe('recordRectificationStep: verify → rectify → feedback → return visit', () => {
  const opened = openRectification('2020-09-14');
  const at = (status: RectificationStatus, more: Partial<RectificationState> = {}): RectificationState => ({
    ...opened,
    status,
    ...more,
  });
  const step = (date: string, more: Partial<StepPayload> = {}): StepPayload => ({ date, note: '已处理', ...more });
  const moves: Array<[string, RectificationState, RectificationStep, StepPayload, Partial<RectificationState>]> = [
    ['verified founded', opened, 'VERIFY', step('2020-09-15', { founded: true }), { status: 'RECTIFYING', founded: true, rectifiedOn: null }],
    ['verified unfounded goes to feedback', opened, 'VERIFY', step('2020-09-15', { founded: false }), { status: 'FEEDBACK', founded: false, rectifiedOn: '2020-09-15' }],
    ['rectified', at('RECTIFYING', { founded: true }), 'RECTIFY', step('2020-09-17'), { status: 'FEEDBACK', rectifiedOn: '2020-09-17' }],
    ['feedback given', at('FEEDBACK', { rectifiedOn: '2020-09-17' }), 'FEEDBACK', step('2020-09-18'), { status: 'RETURN_VISIT', rectifiedOn: '2020-09-17' }],
    ['return visit, satisfied', at('RETURN_VISIT', { rectifiedOn: '2020-09-17' }), 'RETURN_VISIT', step('2020-09-21', { satisfied: true }), { status: 'CLOSED', closedOn: '2020-09-21' }],
    ['return visit, still dissatisfied', at('RETURN_VISIT', { rectifiedOn: '2020-09-17', founded: false }), 'RETURN_VISIT', step('2020-09-21', { satisfied: false }), { status: 'RECTIFYING', rectifiedOn: null, founded: true }],
  ];
  it.each(moves)('%s', (_name, state, s, payload, expected) => {
    expect(recordRectificationStep(state, s, payload)).toEqual({ ...state, ...expected });
  });

  const refusals: Array<[string, RectificationState, RectificationStep, StepPayload, string]> = [
    ['rectify before verifying', opened, 'RECTIFY', step('2020-09-15'), 'step'],
    ['a step of a closed one', at('CLOSED'), 'RETURN_VISIT', step('2020-09-15', { satisfied: true }), 'step'],
    ['verify without a finding', opened, 'VERIFY', step('2020-09-15'), 'founded'],
    ['return visit without a verdict', at('RETURN_VISIT'), 'RETURN_VISIT', step('2020-09-15'), 'satisfied'],
    ['an empty note', opened, 'VERIFY', { date: '2020-09-15', note: ' ', founded: true }, 'note'],
    ['a day before the bad rating', opened, 'VERIFY', step('2020-09-13', { founded: true }), 'date'],
    ['not a date', opened, 'VERIFY', step('2020-9-15', { founded: true }), 'date'],
  ];
  it.each(refusals)('refuses %s', (_name, state, s, payload, field) => {
    expect(() => recordRectificationStep(state, s, payload)).toThrow(DomainError);
    try {
      recordRectificationStep(state, s, payload);
    } catch (e) {
      expect((e as DomainError).field).toBe(field);
    }
  });
});

describe('isRectificationOverdue: unrectified after the deadline day', () => {
  const due = { deadline: '2020-09-21' };
  it.each([
    ['verifying on the deadline', 'VERIFYING', '2020-09-21', false],
    ['verifying the day after', 'VERIFYING', '2020-09-22', true],
    ['rectifying the day after', 'RECTIFYING', '2020-09-22', true],
    ['waiting for feedback the day after (rectified)', 'FEEDBACK', '2020-09-22', false],
    ['waiting for the return visit', 'RETURN_VISIT', '2020-10-22', false],
    ['closed', 'CLOSED', '2020-10-22', false],
  ] as Array<[string, RectificationStatus, string, boolean]>)('%s', (_name, status, today, overdue) => {
    expect(isRectificationOverdue({ ...due, status }, today)).toBe(overdue);
  });
});
