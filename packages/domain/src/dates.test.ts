import {
  addDays,
  daysBetween,
  firstDayOf,
  isCalendarDate,
  isoWeekday,
  lastDayOf,
  periodOfDate,
  requireDate,
} from './dates';
import { DomainError } from './errors';

describe('calendar dates', () => {
  it.each([
    ['2020-02-29', true],
    ['2021-02-29', false],
    ['2020-04-31', false],
    ['2020-12-31', true],
    ['2020-1-01', false],
    ['2020-01-01T00:00:00Z', false],
    ['', false],
  ])('isCalendarDate(%p) = %p', (value, ok) => expect(isCalendarDate(value)).toBe(ok));

  it.each([
    ['2020-09-30', 1, '2020-10-01'],
    ['2020-12-31', 1, '2021-01-01'],
    ['2020-03-01', -1, '2020-02-29'],
    ['2021-01-31', 30, '2021-03-02'],
  ])('addDays(%s, %d) = %s', (date, n, expected) => expect(addDays(date, n)).toBe(expected));

  it.each([
    ['2020-09-30', '2020-10-01', 1],
    ['2020-10-01', '2020-09-30', -1],
    ['2020-01-31', '2020-03-01', 30],
    ['2018-01-01', '2027-12-31', 3651],
  ])('daysBetween(%s, %s) = %d', (a, b, n) => expect(daysBetween(a, b)).toBe(n));

  it.each([
    ['2020-10-01', 4],
    ['2020-09-27', 7],
    ['2020-10-10', 6],
    ['2021-02-15', 1],
  ])('isoWeekday(%s) = %d', (date, d) => expect(isoWeekday(date)).toBe(d));

  it('month bounds', () => {
    expect(firstDayOf('2020-02')).toBe('2020-02-01');
    expect(lastDayOf('2020-02')).toBe('2020-02-29');
    expect(lastDayOf('2021-02')).toBe('2021-02-28');
    expect(lastDayOf('2020-12')).toBe('2020-12-31');
    expect(periodOfDate('2020-10-01')).toBe('2020-10');
  });

  it('names the field it refuses', () => {
    expect(() => requireDate('2021-02-29', 'milestones[0].dueDate')).toThrow(DomainError);
    expect(() => requireDate('2021-02-29', 'milestones[0].dueDate')).toThrow(
      expect.objectContaining({ field: 'milestones[0].dueDate' }),
    );
  });
});
