import { DomainError } from './errors';
import { reportDeadline, reportDeadlinePassed, reportedOnTime } from './report-deadline';

describe('report deadline', () => {
  it.each<[string, number, string]>([
    // period, deadline day, end of the deadline (UTC) = midnight Asia/Shanghai after the day
    ['2020-09', 5, '2020-10-05T16:00:00.000Z'],
    ['2020-12', 5, '2021-01-05T16:00:00.000Z'],
    ['2020-01', 28, '2020-02-28T16:00:00.000Z'],
    ['2020-02', 1, '2020-03-01T16:00:00.000Z'],
  ])('%s with day %i ends at %s', (period, day, end) => {
    expect(reportDeadline(period, day).toISOString()).toBe(end);
  });

  it.each<[string, number, string, boolean]>([
    ['2020-09', 5, '2020-10-05T15:59:59.999Z', false], // 23:59:59 on 5 October in Shenyang
    ['2020-09', 5, '2020-10-05T16:00:00.000Z', true], // 00:00 on 6 October
    ['2020-09', 5, '2020-09-30T00:00:00.000Z', false],
    ['2020-09', 10, '2020-10-08T00:00:00.000Z', false],
  ])('%s (day %i) passed at %s: %s', (period, day, now, passed) => {
    expect(reportDeadlinePassed(period, day, new Date(now))).toBe(passed);
    expect(reportedOnTime(period, day, new Date(now))).toBe(!passed);
  });

  it.each<[string, number, string]>([
    ['2020-13', 5, 'period'],
    ['2020-09', 0, 'deadlineDay'],
    ['2020-09', 29, 'deadlineDay'],
    ['2020-09', 2.5, 'deadlineDay'],
  ])('refuses %s with day %s naming %s', (period, day, field) => {
    expect(() => reportDeadline(period, day)).toThrow(DomainError);
    try {
      reportDeadline(period, day);
    } catch (e) {
      expect((e as DomainError).field).toBe(field);
    }
  });
});
