/**
 * China's working-day calendar, 2018–2027, as data.
 *
 * Deadlines in this system are counted in working days: a district must solve a problem "限时"
 * within N working days (report 001), service-item time limits are legal and promised working
 * days (report 000, DESIGN.md "Service items"). A working day is Monday–Friday, except the public
 * holidays the State Council announces each year, plus the weekend days it declares working days
 * (调休 make-up days). The arrangement is published as 国务院办公厅关于<year>年部分节假日安排的通知
 * and is data, not a formula, so it is written out here notice by notice.
 *
 * Dates outside 2018–2027 are refused (DomainError) instead of guessed.
 */
import { DomainError } from './errors';
import { type CalendarDate, dayNumber, fromDayNumber, isoWeekday, requireDate } from './dates';

export type HolidayName =
  '元旦' | '春节' | '清明节' | '劳动节' | '端午节' | '中秋节' | '国庆节' | '中秋节、国庆节';

interface HolidayArrangement {
  /** The holiday as the notice names it. */
  name: HolidayName;
  /** First and last day off, inclusive (weekends inside the range included). */
  off: [CalendarDate, CalendarDate];
  /** Weekend days declared working days (调休上班) for this holiday. */
  makeUpWorkdays: CalendarDate[];
}

interface YearNotice {
  year: number;
  /** The notice the arrangement comes from. */
  source: string;
  /** False when no notice was available and only the statutory days are listed. */
  published: boolean;
  holidays: HolidayArrangement[];
}

/**
 * The arrangement of each year. A notice's 元旦 entry may start in the previous December
 * (e.g. the 2019 notice: 2018-12-30 to 2019-01-01 off, Saturday 2018-12-29 worked).
 */
export const HOLIDAY_NOTICES: readonly YearNotice[] = [
  {
    year: 2018,
    source: '国务院办公厅关于2018年部分节假日安排的通知（2017年11月30日）',
    published: true,
    holidays: [
      { name: '元旦', off: ['2017-12-30', '2018-01-01'], makeUpWorkdays: [] },
      { name: '春节', off: ['2018-02-15', '2018-02-21'], makeUpWorkdays: ['2018-02-11', '2018-02-24'] },
      { name: '清明节', off: ['2018-04-05', '2018-04-07'], makeUpWorkdays: ['2018-04-08'] },
      { name: '劳动节', off: ['2018-04-29', '2018-05-01'], makeUpWorkdays: ['2018-04-28'] },
      { name: '端午节', off: ['2018-06-16', '2018-06-18'], makeUpWorkdays: [] },
      { name: '中秋节', off: ['2018-09-22', '2018-09-24'], makeUpWorkdays: [] },
      { name: '国庆节', off: ['2018-10-01', '2018-10-07'], makeUpWorkdays: ['2018-09-29', '2018-09-30'] },
    ],
  },
  {
    year: 2019,
    source: '国务院办公厅关于2019年部分节假日安排的通知（2018年12月6日），劳动节按2019年3月22日的调整通知',
    published: true,
    holidays: [
      { name: '元旦', off: ['2018-12-30', '2019-01-01'], makeUpWorkdays: ['2018-12-29'] },
      { name: '春节', off: ['2019-02-04', '2019-02-10'], makeUpWorkdays: ['2019-02-02', '2019-02-03'] },
      { name: '清明节', off: ['2019-04-05', '2019-04-07'], makeUpWorkdays: [] },
      { name: '劳动节', off: ['2019-05-01', '2019-05-04'], makeUpWorkdays: ['2019-04-28', '2019-05-05'] },
      { name: '端午节', off: ['2019-06-07', '2019-06-09'], makeUpWorkdays: [] },
      { name: '中秋节', off: ['2019-09-13', '2019-09-15'], makeUpWorkdays: [] },
      { name: '国庆节', off: ['2019-10-01', '2019-10-07'], makeUpWorkdays: ['2019-09-29', '2019-10-12'] },
    ],
  },
  {
    year: 2020,
    source:
      '国务院办公厅关于2020年部分节假日安排的通知（2019年11月21日）；春节假期按2020年1月27日的通知延长至2月2日，原定2月1日（星期六）上班取消',
    published: true,
    holidays: [
      { name: '元旦', off: ['2020-01-01', '2020-01-01'], makeUpWorkdays: [] },
      { name: '春节', off: ['2020-01-24', '2020-02-02'], makeUpWorkdays: ['2020-01-19'] },
      { name: '清明节', off: ['2020-04-04', '2020-04-06'], makeUpWorkdays: [] },
      { name: '劳动节', off: ['2020-05-01', '2020-05-05'], makeUpWorkdays: ['2020-04-26', '2020-05-09'] },
      { name: '端午节', off: ['2020-06-25', '2020-06-27'], makeUpWorkdays: ['2020-06-28'] },
      {
        name: '中秋节、国庆节',
        off: ['2020-10-01', '2020-10-08'],
        makeUpWorkdays: ['2020-09-27', '2020-10-10'],
      },
    ],
  },
  {
    year: 2021,
    source: '国务院办公厅关于2021年部分节假日安排的通知（2020年11月25日）',
    published: true,
    holidays: [
      { name: '元旦', off: ['2021-01-01', '2021-01-03'], makeUpWorkdays: [] },
      { name: '春节', off: ['2021-02-11', '2021-02-17'], makeUpWorkdays: ['2021-02-07', '2021-02-20'] },
      { name: '清明节', off: ['2021-04-03', '2021-04-05'], makeUpWorkdays: [] },
      { name: '劳动节', off: ['2021-05-01', '2021-05-05'], makeUpWorkdays: ['2021-04-25', '2021-05-08'] },
      { name: '端午节', off: ['2021-06-12', '2021-06-14'], makeUpWorkdays: [] },
      { name: '中秋节', off: ['2021-09-19', '2021-09-21'], makeUpWorkdays: ['2021-09-18'] },
      { name: '国庆节', off: ['2021-10-01', '2021-10-07'], makeUpWorkdays: ['2021-09-26', '2021-10-09'] },
    ],
  },
  {
    year: 2022,
    source: '国务院办公厅关于2022年部分节假日安排的通知（2021年10月25日）',
    published: true,
    holidays: [
      { name: '元旦', off: ['2022-01-01', '2022-01-03'], makeUpWorkdays: [] },
      { name: '春节', off: ['2022-01-31', '2022-02-06'], makeUpWorkdays: ['2022-01-29', '2022-01-30'] },
      { name: '清明节', off: ['2022-04-03', '2022-04-05'], makeUpWorkdays: ['2022-04-02'] },
      { name: '劳动节', off: ['2022-04-30', '2022-05-04'], makeUpWorkdays: ['2022-04-24', '2022-05-07'] },
      { name: '端午节', off: ['2022-06-03', '2022-06-05'], makeUpWorkdays: [] },
      { name: '中秋节', off: ['2022-09-10', '2022-09-12'], makeUpWorkdays: [] },
      { name: '国庆节', off: ['2022-10-01', '2022-10-07'], makeUpWorkdays: ['2022-10-08', '2022-10-09'] },
    ],
  },
  {
    year: 2023,
    source: '国务院办公厅关于2023年部分节假日安排的通知（2022年12月8日）',
    published: true,
    holidays: [
      { name: '元旦', off: ['2022-12-31', '2023-01-02'], makeUpWorkdays: [] },
      { name: '春节', off: ['2023-01-21', '2023-01-27'], makeUpWorkdays: ['2023-01-28', '2023-01-29'] },
      { name: '清明节', off: ['2023-04-05', '2023-04-05'], makeUpWorkdays: [] },
      { name: '劳动节', off: ['2023-04-29', '2023-05-03'], makeUpWorkdays: ['2023-04-23', '2023-05-06'] },
      { name: '端午节', off: ['2023-06-22', '2023-06-24'], makeUpWorkdays: ['2023-06-25'] },
      {
        name: '中秋节、国庆节',
        off: ['2023-09-29', '2023-10-06'],
        makeUpWorkdays: ['2023-10-07', '2023-10-08'],
      },
    ],
  },
  {
    year: 2024,
    source: '国务院办公厅关于2024年部分节假日安排的通知（2023年10月25日）',
    published: true,
    holidays: [
      { name: '元旦', off: ['2023-12-30', '2024-01-01'], makeUpWorkdays: [] },
      { name: '春节', off: ['2024-02-10', '2024-02-17'], makeUpWorkdays: ['2024-02-04', '2024-02-18'] },
      { name: '清明节', off: ['2024-04-04', '2024-04-06'], makeUpWorkdays: ['2024-04-07'] },
      { name: '劳动节', off: ['2024-05-01', '2024-05-05'], makeUpWorkdays: ['2024-04-28', '2024-05-11'] },
      { name: '端午节', off: ['2024-06-08', '2024-06-10'], makeUpWorkdays: [] },
      { name: '中秋节', off: ['2024-09-15', '2024-09-17'], makeUpWorkdays: ['2024-09-14'] },
      { name: '国庆节', off: ['2024-10-01', '2024-10-07'], makeUpWorkdays: ['2024-09-29', '2024-10-12'] },
    ],
  },
  {
    year: 2025,
    source:
      '国务院办公厅关于2025年部分节假日安排的通知（2024年11月12日），按2024年修订的《全国年节及纪念日放假办法》增加除夕、5月2日',
    published: true,
    holidays: [
      { name: '元旦', off: ['2025-01-01', '2025-01-01'], makeUpWorkdays: [] },
      { name: '春节', off: ['2025-01-28', '2025-02-04'], makeUpWorkdays: ['2025-01-26', '2025-02-08'] },
      { name: '清明节', off: ['2025-04-04', '2025-04-06'], makeUpWorkdays: [] },
      { name: '劳动节', off: ['2025-05-01', '2025-05-05'], makeUpWorkdays: ['2025-04-27'] },
      { name: '端午节', off: ['2025-05-31', '2025-06-02'], makeUpWorkdays: [] },
      {
        name: '中秋节、国庆节',
        off: ['2025-10-01', '2025-10-08'],
        makeUpWorkdays: ['2025-09-28', '2025-10-11'],
      },
    ],
  },
  {
    year: 2026,
    source: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）',
    published: true,
    holidays: [
      { name: '元旦', off: ['2026-01-01', '2026-01-03'], makeUpWorkdays: ['2026-01-04'] },
      { name: '春节', off: ['2026-02-15', '2026-02-23'], makeUpWorkdays: ['2026-02-14', '2026-02-28'] },
      { name: '清明节', off: ['2026-04-04', '2026-04-06'], makeUpWorkdays: [] },
      { name: '劳动节', off: ['2026-05-01', '2026-05-05'], makeUpWorkdays: ['2026-05-09'] },
      { name: '端午节', off: ['2026-06-19', '2026-06-21'], makeUpWorkdays: [] },
      { name: '中秋节', off: ['2026-09-25', '2026-09-27'], makeUpWorkdays: [] },
      { name: '国庆节', off: ['2026-10-01', '2026-10-07'], makeUpWorkdays: ['2026-09-20', '2026-10-10'] },
    ],
  },
  {
    // PROVISIONAL: the 2027 notice is not yet in this table. Only the statutory days of the
    // 《全国年节及纪念日放假办法》(2024 revision) are listed, on their 2027 dates (lunar dates:
    // 除夕 2027-02-06, 端午 2027-06-09, 中秋 2027-09-15; 清明 2027-04-05). No weekend
    // compensation and no make-up working days are applied. Replace with the notice once published.
    year: 2027,
    source: '《全国年节及纪念日放假办法》法定假日（2027年通知未收录，暂定）',
    published: false,
    holidays: [
      { name: '元旦', off: ['2027-01-01', '2027-01-01'], makeUpWorkdays: [] },
      { name: '春节', off: ['2027-02-06', '2027-02-09'], makeUpWorkdays: [] },
      { name: '清明节', off: ['2027-04-05', '2027-04-05'], makeUpWorkdays: [] },
      { name: '劳动节', off: ['2027-05-01', '2027-05-02'], makeUpWorkdays: [] },
      { name: '端午节', off: ['2027-06-09', '2027-06-09'], makeUpWorkdays: [] },
      { name: '中秋节', off: ['2027-09-15', '2027-09-15'], makeUpWorkdays: [] },
      { name: '国庆节', off: ['2027-10-01', '2027-10-03'], makeUpWorkdays: [] },
    ],
  },
];

export const FIRST_CALENDAR_YEAR = 2018;
export const LAST_CALENDAR_YEAR = 2027;

const HOLIDAYS = new Map<CalendarDate, HolidayName>();
const MAKE_UP_WORKDAYS = new Map<CalendarDate, HolidayName>();
for (const notice of HOLIDAY_NOTICES) {
  for (const h of notice.holidays) {
    for (let d = dayNumber(h.off[0]); d <= dayNumber(h.off[1]); d++) HOLIDAYS.set(fromDayNumber(d), h.name);
    for (const w of h.makeUpWorkdays) MAKE_UP_WORKDAYS.set(w, h.name);
  }
}

function requireCalendarDate(date: CalendarDate, field: string): CalendarDate {
  requireDate(date, field);
  const year = Number(date.slice(0, 4));
  if (year < FIRST_CALENDAR_YEAR || year > LAST_CALENDAR_YEAR) {
    throw new DomainError(
      field,
      `工作日历只收录 ${FIRST_CALENDAR_YEAR}–${LAST_CALENDAR_YEAR} 年，${date} 不在其内`,
    );
  }
  return date;
}

/** True when the year's arrangement is taken from a published notice, false when provisional. */
export function isCalendarPublished(year: number): boolean {
  const notice = HOLIDAY_NOTICES.find((n) => n.year === year);
  if (!notice) {
    throw new DomainError('year', `工作日历只收录 ${FIRST_CALENDAR_YEAR}–${LAST_CALENDAR_YEAR} 年`);
  }
  return notice.published;
}

/** The holiday a date is a day off for (weekends inside the holiday included), or null. */
export function holidayOn(date: CalendarDate, field = 'date'): HolidayName | null {
  return HOLIDAYS.get(requireCalendarDate(date, field)) ?? null;
}

/** True for a weekend day declared a working day (调休上班). */
export function isMakeUpWorkday(date: CalendarDate, field = 'date'): boolean {
  return MAKE_UP_WORKDAYS.has(requireCalendarDate(date, field));
}

/** Monday–Friday outside the holidays, plus the make-up Saturdays and Sundays. */
export function isWorkingDay(date: CalendarDate, field = 'date'): boolean {
  requireCalendarDate(date, field);
  if (MAKE_UP_WORKDAYS.has(date)) return true;
  if (HOLIDAYS.has(date)) return false;
  return isoWeekday(date) <= 5;
}

/**
 * The deadline `n` working days after `date`: day 0 is the date itself, and the count starts on
 * the next working day (a problem raised on Wednesday 2020-09-30 with 1 working day is due Friday
 * 2020-10-09, after the National Day holiday). With n = 0 the date itself is returned, whatever it is.
 */
export function addWorkingDays(date: CalendarDate, n: number): CalendarDate {
  requireCalendarDate(date, 'date');
  if (!Number.isSafeInteger(n) || n < 0) throw new DomainError('n', '工作日数必须是非负整数');
  if (n === 0) return date;
  // The day whose count of working days since the calendar's start is `n` more than the date's.
  const table = cumulativeWorkingDays();
  const start = dayNumber(date) - FIRST_DAY;
  const target = table[start] + n;
  if (target > table[table.length - 1]) {
    throw new DomainError('n', `期限超出工作日历收录的范围（${LAST_CALENDAR_YEAR}年底）`);
  }
  let lo = start + 1;
  let hi = table.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (table[mid] >= target) hi = mid;
    else lo = mid + 1;
  }
  return fromDayNumber(FIRST_DAY + lo);
}

/**
 * Working days after `from` up to and including `to`, so that
 * workingDaysBetween(d, addWorkingDays(d, n)) = n. Negative when `to` is before `from`
 * (minus the working days after `to` up to and including `from`); 0 when they are equal.
 */
export function workingDaysBetween(from: CalendarDate, to: CalendarDate): number {
  requireCalendarDate(from, 'from');
  requireCalendarDate(to, 'to');
  const table = cumulativeWorkingDays();
  return table[dayNumber(to) - FIRST_DAY] - table[dayNumber(from) - FIRST_DAY];
}

const FIRST_DAY = dayNumber(`${FIRST_CALENDAR_YEAR}-01-01`);
let cumulative: Int32Array | null = null;

/**
 * Working days from the calendar's first day up to and including each day (index: days since
 * 2018-01-01), built once: counting and adding working days are then lookups, not walks over the
 * days (a year of cases is counted in milliseconds).
 */
function cumulativeWorkingDays(): Int32Array {
  if (cumulative) return cumulative;
  const last = dayNumber(`${LAST_CALENDAR_YEAR}-12-31`);
  const table = new Int32Array(last - FIRST_DAY + 1);
  let count = 0;
  for (let d = FIRST_DAY; d <= last; d++) {
    if (isWorkingDay(fromDayNumber(d))) count++;
    table[d - FIRST_DAY] = count;
  }
  return (cumulative = table);
}
