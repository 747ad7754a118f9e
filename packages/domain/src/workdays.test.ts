import fc from 'fast-check';
import { addDays, isoWeekday } from './dates';
import { DomainError } from './errors';
import {
  addWorkingDays,
  HOLIDAY_NOTICES,
  holidayOn,
  isCalendarPublished,
  isMakeUpWorkday,
  isWorkingDay,
  workingDaysBetween,
} from './workdays';

describe('isWorkingDay', () => {
  it.each([
    // 2020 National Day + Mid-Autumn: 1–8 October off, Sunday 27 September and Saturday 10 October worked.
    ['2020-09-25', true, 'an ordinary Friday'],
    ['2020-09-26', false, 'an ordinary Saturday'],
    ['2020-09-27', true, 'make-up Sunday before National Day'],
    ['2020-09-30', true, 'the Wednesday before the holiday'],
    ['2020-10-01', false, 'National Day'],
    ['2020-10-05', false, 'Monday inside the holiday'],
    ['2020-10-08', false, 'last day of the holiday (Thursday)'],
    ['2020-10-09', true, 'the Friday after'],
    ['2020-10-10', true, 'make-up Saturday after National Day'],
    ['2020-10-11', false, 'the Sunday after'],
    // Spring Festival 2021: 11–17 February off, Sunday 7 and Saturday 20 February worked.
    ['2021-02-07', true, 'make-up Sunday before Spring Festival'],
    ['2021-02-10', true, 'the Wednesday before'],
    ['2021-02-11', false, '除夕 2021'],
    ['2021-02-15', false, 'Monday inside Spring Festival'],
    ['2021-02-17', false, 'last day of Spring Festival'],
    ['2021-02-18', true, 'the Thursday after'],
    ['2021-02-20', true, 'make-up Saturday after Spring Festival'],
    ['2021-02-21', false, 'the Sunday after'],
    // Year boundaries.
    ['2018-12-29', true, 'make-up Saturday for New Year 2019'],
    ['2018-12-31', false, 'Monday off for New Year 2019'],
    ['2019-01-01', false, 'New Year 2019'],
    ['2019-01-02', true, 'back to work'],
    ['2022-12-31', false, 'Saturday inside New Year 2023'],
    ['2023-01-02', false, 'Monday off for New Year 2023'],
    ['2023-01-03', true, 'back to work'],
    // The 2020 Spring Festival extension cancelled the make-up Saturday 1 February.
    ['2020-01-19', true, 'make-up Sunday before Spring Festival 2020'],
    ['2020-01-31', false, 'extension day (Friday)'],
    ['2020-02-01', false, 'the cancelled make-up Saturday'],
    ['2020-02-03', true, 'first working day after the extension'],
    // 2024: 除夕 was not a day off; 2025: it was.
    ['2024-02-09', true, '除夕 2024 (a working Friday)'],
    ['2025-01-28', false, '除夕 2025'],
    ['2025-04-27', true, 'the only May Day make-up day of 2025'],
    ['2026-01-04', true, 'make-up Sunday after New Year 2026'],
    ['2026-02-23', false, 'last day of Spring Festival 2026 (Monday)'],
    ['2026-02-28', true, 'make-up Saturday after Spring Festival 2026'],
    ['2026-09-20', true, 'make-up Sunday before National Day 2026'],
    // 2027 is provisional: statutory days only.
    ['2027-02-08', false, '初二 2027 (statutory)'],
    ['2027-02-10', true, '初四 2027 (no notice yet)'],
    ['2027-10-04', true, 'Monday after the statutory National Day days (no notice yet)'],
  ])('%s → %p (%s)', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });

  it('names the holiday and the make-up days', () => {
    expect(holidayOn('2020-10-04')).toBe('中秋节、国庆节');
    expect(holidayOn('2021-02-12')).toBe('春节');
    expect(holidayOn('2021-02-18')).toBeNull();
    expect(isMakeUpWorkday('2020-10-10')).toBe(true);
    expect(isMakeUpWorkday('2020-10-09')).toBe(false);
  });

  it.each([
    ['2017-12-29', 'date'],
    ['2028-01-03', 'date'],
    ['2020-02-30', 'date'],
    ['2020/10/01', 'date'],
    ['', 'date'],
  ])('refuses %p with a DomainError on %s', (date, field) => {
    const call = () => isWorkingDay(date);
    expect(call).toThrow(DomainError);
    expect(call).toThrow(expect.objectContaining({ field }));
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['2020-09-30', 0, '2020-09-30', 'day 0 is the date itself'],
    ['2020-10-03', 0, '2020-10-03', 'day 0 even on a holiday'],
    ['2020-09-30', 1, '2020-10-09', 'over National Day 2020'],
    ['2020-09-30', 2, '2020-10-10', 'the make-up Saturday counts'],
    ['2020-09-30', 3, '2020-10-12', 'Sunday 11 October does not'],
    ['2020-09-25', 1, '2020-09-27', 'Friday → make-up Sunday'],
    ['2020-10-02', 1, '2020-10-09', 'counting from inside the holiday'],
    ['2021-02-10', 1, '2021-02-18', 'over Spring Festival 2021'],
    ['2021-02-05', 1, '2021-02-07', 'Friday → make-up Sunday 2021'],
    ['2021-02-05', 5, '2021-02-18', '7, 8, 9, 10, then 18 February'],
    ['2018-12-28', 1, '2018-12-29', 'make-up Saturday at the year end'],
    ['2018-12-28', 2, '2019-01-02', 'across New Year 2019'],
    ['2020-12-31', 1, '2021-01-04', 'across New Year 2021'],
    ['2021-03-01', 10, '2021-03-15', 'two plain weeks'],
    ['2027-12-30', 1, '2027-12-31', 'the last day of the calendar'],
  ])('%s + %d working days = %s (%s)', (date, n, expected) => {
    expect(addWorkingDays(date, n)).toBe(expected);
  });

  it('refuses a deadline beyond the calendar, a negative or fractional count', () => {
    expect(() => addWorkingDays('2027-12-31', 1)).toThrow(expect.objectContaining({ field: 'n' }));
    expect(() => addWorkingDays('2020-01-01', -1)).toThrow(expect.objectContaining({ field: 'n' }));
    expect(() => addWorkingDays('2020-01-01', 1.5)).toThrow(expect.objectContaining({ field: 'n' }));
    expect(() => addWorkingDays('2030-01-01', 1)).toThrow(expect.objectContaining({ field: 'date' }));
  });
});

describe('workingDaysBetween', () => {
  it.each([
    ['2020-09-30', '2020-09-30', 0],
    ['2020-09-30', '2020-10-09', 1],
    ['2020-09-30', '2020-10-12', 3],
    ['2020-10-12', '2020-09-30', -3],
    ['2020-09-28', '2020-10-11', 4],
    ['2020-12-25', '2021-01-08', 9],
    ['2021-02-05', '2021-02-28', 12], // 7, 8–10, 18–20, 22–26 February
  ])('%s → %s: %d', (from, to, n) => {
    expect(workingDaysBetween(from, to)).toBe(n);
  });

  it('names the bad end', () => {
    expect(() => workingDaysBetween('2017-12-31', '2018-01-05')).toThrow(
      expect.objectContaining({ field: 'from' }),
    );
    expect(() => workingDaysBetween('2018-01-05', '2028-01-05')).toThrow(
      expect.objectContaining({ field: 'to' }),
    );
  });

  it('undoes addWorkingDays (property)', () => {
    const start = fc.integer({ min: 0, max: 9 * 365 }).map((offset) => addDays('2018-01-01', offset));
    fc.assert(
      fc.property(start, fc.integer({ min: 0, max: 120 }), (date, n) => {
        const deadline = addWorkingDays(date, n);
        expect(workingDaysBetween(date, deadline)).toBe(n);
        if (n > 0) expect(isWorkingDay(deadline)).toBe(true);
      }),
    );
  });
});

describe('the holiday data', () => {
  const notices = HOLIDAY_NOTICES;

  it('covers 2018–2027 with 2027 flagged provisional', () => {
    expect(notices.map((n) => n.year)).toEqual([2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027]);
    expect(isCalendarPublished(2026)).toBe(true);
    expect(isCalendarPublished(2027)).toBe(false);
    expect(() => isCalendarPublished(2030)).toThrow(DomainError);
  });

  it.each(notices.flatMap((n) => n.holidays.map((h) => [n.year, h.name, h] as const)))(
    '%d %s: make-up days are weekend days outside the holiday',
    (_year, _name, h) => {
      expect(h.off[0] <= h.off[1]).toBe(true);
      for (const d of h.makeUpWorkdays) {
        expect(isoWeekday(d)).toBeGreaterThanOrEqual(6);
        expect(d < h.off[0] || d > h.off[1]).toBe(true);
      }
    },
  );

  it('each published year gives the statutory days off (7 holidays, or 6 when Mid-Autumn joins National Day)', () => {
    for (const n of notices) {
      const names = n.holidays.map((h) => h.name);
      expect(names.length === 7 || names.includes('中秋节、国庆节')).toBe(true);
      expect(new Set(names).size).toBe(names.length);
    }
  });
});
