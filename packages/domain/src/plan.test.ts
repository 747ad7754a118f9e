import { DomainError, type Problem } from './errors';
import { wan as wholeWan } from './money';

/** 万元 with up to two decimals, in fen. */
const wan = (amount: number) =>
  Number.isInteger(amount) ? wholeWan(amount) : BigInt(Math.round(amount * 100)) * 10_000n;
import {
  type AnnualPlanRow,
  type ForecastMonth,
  isBackLoaded,
  type MonthlyPlanRow,
  type PlanTableInput,
  validateMonthlyReport,
  validatePlanTable,
  yearEndForecast,
} from './plan';

const years = (...amounts: [number, number][]): AnnualPlanRow[] =>
  amounts.map(([year, w]) => ({
    year,
    plannedInvestment: wan(w),
    plannedImageProgress: `${year}年形象进度`,
  }));
const twelve = (amounts: number[]): MonthlyPlanRow[] =>
  amounts.map((w, i) => ({ month: i + 1, plannedInvestment: wan(w), plannedMilestone: null }));

/** A valid table: 10,000万元 over 2020-03 … 2022-12, 2021 broken down by month. */
const valid: PlanTableInput = {
  totalInvestment: wan(10_000),
  constructionStart: '2020-03',
  constructionEnd: '2022-12',
  years: years([2020, 2_000], [2021, 6_000], [2022, 2_000]),
  currentYear: 2021,
  months: twelve([500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500]),
};

describe('validatePlanTable', () => {
  it('accepts a consistent table', () => {
    expect(validatePlanTable(valid)).toEqual([]);
    expect(validatePlanTable({ ...valid, currentYear: null, months: null })).toEqual([]);
  });

  it.each<[string, Partial<PlanTableInput>, Problem[]]>([
    [
      'years not adding up to the total',
      { years: years([2020, 2_000], [2021, 6_000], [2022, 1_800]), currentYear: null, months: null },
      [{ field: 'years', reason: '各年度计划投资之和 9,800万元 与总投资 10,000万元 不符' }],
    ],
    [
      'months not adding up to the year',
      { months: twelve([500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 499.5]) },
      [{ field: 'months', reason: '各月计划投资之和 5,999.5万元 与2021年度计划投资 6,000万元 不符' }],
    ],
    [
      'a year outside the construction period',
      { years: years([2020, 2_000], [2021, 6_000], [2022, 1_000], [2023, 1_000]) },
      [{ field: 'years[3].year', reason: '2023年不在建设周期（2020-03 至 2022-12）内' }],
    ],
    [
      'a missing year',
      { years: years([2020, 4_000], [2021, 6_000]) },
      [{ field: 'years', reason: '缺少2022年度的计划（建设周期 2020-03 至 2022-12），没有投资也请填0' }],
    ],
    [
      'a duplicated year',
      { years: [...years([2020, 2_000], [2021, 6_000], [2022, 2_000]), ...years([2021, 0])] },
      [{ field: 'years[3].year', reason: '2021年度重复' }],
    ],
    [
      'a negative year amount',
      {
        years: [...years([2020, 2_000], [2021, 6_000]), { year: 2022, plannedInvestment: -1n }],
        currentYear: null,
        months: null,
      },
      [
        { field: 'years[2].plannedInvestment', reason: '金额不能为负数' },
        { field: 'years', reason: '各年度计划投资之和 8,000万元 与总投资 10,000万元 不符' },
      ],
    ],
    [
      'a zero total',
      { totalInvestment: 0n, currentYear: null, months: null, years: years([2020, 0], [2021, 0], [2022, 0]) },
      [{ field: 'totalInvestment', reason: '总投资必须大于0' }],
    ],
    [
      'an end before the start',
      { constructionEnd: '2019-12', currentYear: null, months: null },
      [{ field: 'constructionEnd', reason: '建设周期结束月份早于开始月份' }],
    ],
    [
      'a bad construction month',
      { constructionStart: '2020-3', currentYear: null, months: null },
      [{ field: 'constructionStart', reason: '建设周期开始月份必须是 YYYY-MM 格式' }],
    ],
    [
      'investment planned before the construction period starts',
      { currentYear: 2020, months: twelve([100, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1_900]) },
      [
        {
          field: 'months[0].plannedInvestment',
          reason: '2020-01 不在建设周期（2020-03 至 2022-12）内，不能安排计划投资',
        },
      ],
    ],
    [
      'a month number out of range and a duplicate',
      {
        months: [
          ...twelve([500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500]),
          { month: 13, plannedInvestment: wan(250) },
          { month: 11, plannedInvestment: wan(250) },
        ],
      },
      [
        { field: 'months[11].month', reason: '月份必须是 1 到 12' },
        { field: 'months[12].month', reason: '11月重复' },
      ],
    ],
    [
      'a month table for a year outside the construction period',
      { currentYear: 2024 },
      [{ field: 'currentYear', reason: '2024年不在建设周期（2020-03 至 2022-12）内' }],
    ],
    [
      'a month table for a year without an annual row',
      { years: years([2020, 4_000], [2022, 6_000]), months: twelve(Array<number>(12).fill(0)) },
      [
        { field: 'years', reason: '缺少2021年度的计划（建设周期 2020-03 至 2022-12），没有投资也请填0' },
        { field: 'currentYear', reason: '2021年度不在年度计划中' },
      ],
    ],
    [
      'a month table without its year',
      { currentYear: null },
      [{ field: 'currentYear', reason: '按月分解计划须注明年度' }],
    ],
  ])('reports %s', (_description, change, problems) => {
    expect(validatePlanTable({ ...valid, ...change })).toEqual(problems);
  });

  it('reports every problem at once, not only the first', () => {
    const problems = validatePlanTable({
      ...valid,
      years: years([2020, 2_000], [2021, 5_000], [2022, 2_000], [2025, 500]),
      months: [
        ...twelve([400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400]),
        { month: 12, plannedInvestment: -5n },
      ],
    });
    expect(problems.map((p) => p.field)).toEqual([
      'years[3].year',
      'years',
      'months[11].plannedInvestment',
      'months',
    ]);
    expect(problems[1].reason).toBe('各年度计划投资之和 9,500万元 与总投资 10,000万元 不符');
    expect(problems[3].reason).toBe('各月计划投资之和 4,400万元 与2021年度计划投资 5,000万元 不符');
  });
});

describe('validateMonthlyReport', () => {
  const base = {
    actualInvestment: wan(300),
    now: '2020-09',
    constructionStart: '2020-03',
    constructionEnd: '2022-12',
  };

  it.each<[string, string, bigint, Problem[]]>([
    ['the current month', '2020-09', wan(300), []],
    ['a past month', '2020-08', 0n, []],
    ['the first month of the period', '2020-03', wan(1), []],
    [
      'a future month',
      '2020-10',
      wan(300),
      [{ field: 'period', reason: '不能填报未来月份（2020-10 晚于当前月份 2020-09）' }],
    ],
    [
      'a month before the period',
      '2020-02',
      wan(300),
      [{ field: 'period', reason: '2020-02 不在建设周期（2020-03 至 2022-12）内' }],
    ],
    ['a bad month', '2020-9', wan(300), [{ field: 'period', reason: '填报月份必须是 YYYY-MM 格式' }]],
    ['a negative amount', '2020-09', -1n, [{ field: 'actualInvestment', reason: '金额不能为负数' }]],
    [
      'a future month with a negative amount',
      '2021-01',
      -1n,
      [
        { field: 'period', reason: '不能填报未来月份（2021-01 晚于当前月份 2020-09）' },
        { field: 'actualInvestment', reason: '金额不能为负数' },
      ],
    ],
  ])('%s', (_description, period, actualInvestment, problems) => {
    expect(validateMonthlyReport({ ...base, period, actualInvestment })).toEqual(problems);
  });

  it('periods that come from the system itself must be valid', () => {
    expect(() => validateMonthlyReport({ ...base, period: '2020-09', now: 'now' })).toThrow(DomainError);
  });
});

describe('yearEndForecast', () => {
  const months = (planned: number[], actual: (number | null)[]): ForecastMonth[] =>
    planned.map((p, i) => ({
      month: i + 1,
      plannedInvestment: wan(p),
      actualInvestment: actual[i] === undefined || actual[i] === null ? null : wan(actual[i] as number),
    }));
  const even = Array<number>(12).fill(1_000); // 12,000万元 a year

  it.each<
    [
      string,
      ForecastMonth[],
      string,
      number | undefined,
      'GREEN' | 'YELLOW' | null | undefined,
      bigint,
      number | null,
      boolean,
      boolean,
    ]
  >([
    // description, months, period, threshold, light, forecast, forecast %, at risk, early warning
    [
      'on plan',
      months(even, [1_000, 1_000, 1_000]),
      '2020-03',
      undefined,
      'GREEN',
      wan(12_000),
      100,
      false,
      false,
    ],
    [
      'ahead of plan',
      months(even, [1_500, 1_500, 1_500]),
      '2020-03',
      undefined,
      'GREEN',
      wan(18_000),
      150,
      false,
      false,
    ],
    [
      'behind at 80 % while this month is green',
      months(even, [600, 600, 1_200]), // 2,400 of 3,000: run rate 80 %
      '2020-03',
      undefined,
      'GREEN',
      wan(9_600), // 2,400 + 9,000 × 0.8
      80,
      true,
      true,
    ],
    [
      'the same, already yellow: at risk but no early warning',
      months(even, [600, 600, 1_000]),
      '2020-03',
      undefined,
      'YELLOW',
      wan(8_800),
      73.3,
      true,
      false,
    ],
    [
      'exactly at 90 %: not at risk',
      months(even, [900, 900, 900]),
      '2020-03',
      undefined,
      'GREEN',
      wan(10_800),
      90,
      false,
      false,
    ],
    [
      'with an 80 % threshold',
      months(even, [850, 850, 850]),
      '2020-03',
      80,
      'GREEN',
      wan(10_200),
      85,
      false,
      false,
    ],
    [
      'an unreported month counts as nothing',
      months(even, [1_000, null, 1_000]),
      '2020-03',
      undefined,
      null,
      wan(8_000),
      66.7,
      true,
      true,
    ],
    [
      'nothing planned so far: remaining plan assumed delivered',
      months([0, 0, 0, 0, 0, 0, 0, 0, 0, 4_000, 4_000, 4_000], [0, 0, 0]),
      '2020-03',
      undefined,
      undefined,
      wan(12_000),
      100,
      false,
      false,
    ],
    [
      'nothing planned all year',
      months(Array<number>(12).fill(0), [50]),
      '2020-01',
      undefined,
      'GREEN',
      wan(50),
      null,
      false,
      false,
    ],
  ])('%s', (_d, ms, period, riskThresholdPercent, light, forecast, forecastPercent, atRisk, earlyWarning) => {
    const f = yearEndForecast({ months: ms, period, riskThresholdPercent, light });
    expect(f.forecast).toBe(forecast);
    expect(f.forecastPercent).toBe(forecastPercent);
    expect(f.atRisk).toBe(atRisk);
    expect(f.earlyWarning).toBe(earlyWarning);
  });

  it('explains the forecast', () => {
    const f = yearEndForecast({ months: months(even, [600, 600, 1_200]), period: '2020-03', light: 'GREEN' });
    expect(f).toMatchObject({
      annualPlanned: wan(12_000),
      ytdPlanned: wan(3_000),
      ytdActual: wan(2_400),
      remainingPlanned: wan(9_000),
      runRatePercent: 80,
    });
    expect(f.reason).toBe(
      '按年初至今完成率 80.0% 推算，全年预计完成 9,600万元，为年度计划 12,000万元 的 80.0%，低于 90% 预警线',
    );
  });

  it('rounds the forecast to the fen', () => {
    // 1 of 3 fen so far, 3 fen left: 1 + 3 × 1/3 = 2
    const f = yearEndForecast({
      period: '2020-01',
      months: [
        { month: 1, plannedInvestment: 3n, actualInvestment: 1n },
        { month: 2, plannedInvestment: 3n, actualInvestment: null },
      ],
    });
    expect(f.forecast).toBe(2n);
  });

  it.each<[string, Parameters<typeof yearEndForecast>[0], string]>([
    [
      'a duplicate month',
      { period: '2020-03', months: [...months([1], []), ...months([1], [])] },
      'months[1].month',
    ],
    [
      'a negative actual',
      { period: '2020-03', months: [{ month: 1, plannedInvestment: 1n, actualInvestment: -1n }] },
      'months[0].actualInvestment',
    ],
    [
      'a threshold above 100',
      { period: '2020-03', months: [], riskThresholdPercent: 120 },
      'riskThresholdPercent',
    ],
    ['a bad period', { period: '2020-3', months: [] }, 'period'],
  ])('refuses %s', (_d, input, field) => {
    expect(() => yearEndForecast(input)).toThrow(expect.objectContaining({ field }));
  });
});

describe('isBackLoaded', () => {
  const plan = (amounts: number[]) => amounts.map((w, i) => ({ month: i + 1, plannedInvestment: wan(w) }));

  it.each<[string, number[], boolean]>([
    ['even across the year', Array<number>(12).fill(100), false],
    ['exactly half in the last quarter', [100, 100, 100, 100, 100, 100, 100, 100, 100, 300, 300, 300], false],
    [
      'just over half in the last quarter',
      [100, 100, 100, 100, 100, 100, 100, 100, 100, 300, 300, 301],
      true,
    ],
    ['everything in December', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5_000], true],
    ['nothing planned', Array<number>(12).fill(0), false],
    ['front-loaded', [5_000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 100], false],
  ])('%s → %p', (_d, amounts, expected) => {
    expect(isBackLoaded(plan(amounts))).toBe(expected);
  });

  it('refuses a month out of range', () => {
    expect(() => isBackLoaded([{ month: 0, plannedInvestment: 1n }])).toThrow(
      expect.objectContaining({ field: 'months[0].month' }),
    );
  });
});
