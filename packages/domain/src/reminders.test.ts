import { problemReminderOn, quietReminderOn, reportDueDate, reportReminderOn, retryDelaySeconds, workingDaysBefore } from './reminders';
import { isWorkingDay } from './workdays';

describe('reportReminderOn: three working days before the deadline, and on it', () => {
  it.each<[string, string, string, ReturnType<typeof reportReminderOn>]>([
    ['an ordinary Thursday deadline: due today', '2020-11-05', '2020-11-05', 'REPORT_DUE_TODAY'],
    ['three working days before a Thursday is the Monday', '2020-11-02', '2020-11-05', 'REPORT_DUE_SOON'],
    ['two working days before: nothing', '2020-11-03', '2020-11-05', null],
    ['the day after: nothing', '2020-11-06', '2020-11-05', null],
    ['a deadline on the National Day holiday is reminded on the last working day before it', '2020-09-30', '2020-10-05', 'REPORT_DUE_TODAY'],
    ['… and three working days before that is the make-up Sunday 2020-09-27', '2020-09-27', '2020-10-05', 'REPORT_DUE_SOON'],
    ['no reminder on the holiday itself', '2020-10-05', '2020-10-05', null],
    ['a Saturday deadline: reminded on Friday', '2020-12-04', '2020-12-05', 'REPORT_DUE_TODAY'],
    ['… and three working days before Friday is Tuesday', '2020-12-01', '2020-12-05', 'REPORT_DUE_SOON'],
    ['a Monday deadline: the soon reminder skips the weekend', '2020-11-11', '2020-11-16', 'REPORT_DUE_SOON'],
  ])('%s', (_name, today, due, want) => {
    expect(reportReminderOn(today, due)).toBe(want);
  });

  it('falls on working days only, over two years of deadlines', () => {
    for (let y = 2019; y <= 2021; y++)
      for (let m = 1; m <= 12; m++)
        for (const day of [1, 5, 10, 15, 28]) {
          const period = `${y}-${String(m).padStart(2, '0')}`;
          const due = reportDueDate(period, day);
          const soon = workingDaysBefore(due, 3);
          expect(isWorkingDay(soon)).toBe(true);
          expect(reportReminderOn(soon, due)).toBe('REPORT_DUE_SOON');
        }
  });

  it('due date of a month: the deadline day of the following month', () => {
    expect(reportDueDate('2020-09', 5)).toBe('2020-10-05');
    expect(reportDueDate('2020-12', 10)).toBe('2021-01-10');
    expect(() => reportDueDate('2020-12', 31)).toThrow(/报送截止日/);
  });
});

describe('problemReminderOn', () => {
  it.each<[string, string, string, ReturnType<typeof problemReminderOn>]>([
    ['two working days before', '2020-11-03', '2020-11-05', 'PROBLEM_NEAR_DEADLINE'],
    ['the first working day after: overdue', '2020-11-06', '2020-11-05', 'PROBLEM_OVERDUE'],
    ['a Friday deadline is overdue on Monday', '2020-11-09', '2020-11-06', 'PROBLEM_OVERDUE'],
    ['not on the weekend between', '2020-11-07', '2020-11-06', null],
    ['on the deadline: nothing new', '2020-11-05', '2020-11-05', null],
  ])('%s', (_name, today, deadline, want) => {
    expect(problemReminderOn(today, deadline)).toBe(want);
  });
});

describe('quietReminderOn', () => {
  it.each<[string, string, string, number, boolean]>([
    ['exactly N days on a working day', '2020-11-05', '2020-10-06', 30, true],
    ['one day short', '2020-11-04', '2020-10-06', 30, false],
    ['the day after the reminder: not again', '2020-11-06', '2020-10-06', 30, false],
    ['N days on a Saturday: reminded the Monday after', '2020-11-09', '2020-10-08', 30, true],
    ['… not on the Saturday', '2020-11-07', '2020-10-08', 30, false],
  ])('%s', (_name, today, since, days, want) => {
    expect(quietReminderOn(today, since, days)).toBe(want);
  });
});

describe('retryDelaySeconds: exponential backoff with a cap', () => {
  it.each([
    [1, 30, 3600, 30],
    [2, 30, 3600, 60],
    [3, 30, 3600, 120],
    [8, 30, 3600, 3600],
    [100, 1, 10, 10],
    [3, 0, 10, 0],
  ])('try %d, base %d, cap %d: %d s', (n, base, cap, want) => {
    expect(retryDelaySeconds(n, base, cap)).toBe(want);
  });
  it('refuses a try count below one', () => {
    expect(() => retryDelaySeconds(0, 1, 1)).toThrow(/尝试次数/);
  });
});
