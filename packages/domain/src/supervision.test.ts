import { adviceDueDate, adviceState } from './supervision';
import { DomainError } from './errors';

describe('adviceDueDate: the lead department answers within working days', () => {
  it.each([
    ['a Monday, 15 working days', '2021-05-10', 15, '2021-05-31'],
    ['over the National Day holiday', '2021-09-28', 5, '2021-10-11'], // 9-29, 9-30, 10-08, 10-09 (a make-up Saturday), 10-11
    ['issued on a Saturday', '2021-06-05', 1, '2021-06-07'],
    ['one day', '2021-12-30', 1, '2021-12-31'],
  ])('%s', (_name, issued, days, due) => expect(adviceDueDate(issued, days)).toBe(due));

  it.each([
    ['no days', '2021-05-10', 0, 'workingDays'],
    ['too many', '2021-05-10', 61, 'workingDays'],
    ['a fraction', '2021-05-10', 1.5, 'workingDays'],
    ['not a date', '2021-02-30', 5, 'issuedOn'],
    ['beyond the calendar', '2027-12-30', 10, 'workingDays'],
  ])('refuses %s', (_name, issued, days, field) => {
    expect(() => adviceDueDate(issued, days)).toThrow(DomainError);
    try {
      adviceDueDate(issued, days);
    } catch (e) {
      expect((e as DomainError).field).toBe(field);
    }
  });
});

describe('adviceState: overdue the day after the due day, unanswered', () => {
  it.each([
    ['before the due day', null, '2021-05-20', 'PENDING'],
    ['on the due day', null, '2021-05-31', 'PENDING'],
    ['the day after', null, '2021-06-01', 'OVERDUE'],
    ['answered in time', '2021-05-31', '2021-07-01', 'ANSWERED'],
    ['answered late', '2021-06-02', '2021-07-01', 'ANSWERED_LATE'],
  ] as const)('%s', (_name, answeredOn, today, state) => expect(adviceState({ dueDate: '2021-05-31', answeredOn }, today)).toBe(state));
});
