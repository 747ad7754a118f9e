import fc from 'fast-check';
import { DomainError } from './errors';
import {
  INVESTMENT_RULE_VERSION,
  type InvestmentMonth,
  investmentLight,
  LIGHT_COLORS,
  lightProject,
  lightSeverity,
  type Milestone,
  MILESTONE_RULE_VERSION,
  milestoneLight,
} from './lights';
import { type Fen, wan } from './money';
import { addMonths } from './period';

/** A month with amounts in 万元 (null = none). */
function month(
  period: string,
  planned: number | null,
  actual: number | null,
  reportedOnTime = true,
): InvestmentMonth {
  return {
    period,
    plannedFen: planned === null ? null : BigInt(Math.round(planned * 100)) * 10_000n,
    actualFen: actual === null ? null : BigInt(Math.round(actual * 100)) * 10_000n,
    reportedOnTime,
  };
}

describe('investment rule (Sujiatun)', () => {
  it.each<[string, InvestmentMonth[], boolean, number | undefined, string | null, string, number]>([
    // description, months (the last is lit), deadline passed, tolerance %, colour, reason code, behind run
    ['actual equals plan', [month('2020-09', 500, 500)], true, undefined, 'GREEN', 'ON_PLAN', 0],
    ['actual above plan', [month('2020-09', 500, 620)], true, undefined, 'GREEN', 'ON_PLAN', 0],
    ['behind plan', [month('2020-09', 500, 300)], true, undefined, 'YELLOW', 'BEHIND_PLAN', 1],
    [
      'one fen short with no tolerance',
      [month('2020-09', 500, 499.99)],
      true,
      undefined,
      'YELLOW',
      'BEHIND_PLAN',
      1,
    ],
    ['zero progress', [month('2020-09', 500, 0)], true, undefined, 'RED', 'ZERO_PROGRESS', 1],
    [
      'second month behind',
      [month('2020-08', 500, 300), month('2020-09', 500, 300)],
      true,
      undefined,
      'YELLOW',
      'BEHIND_PLAN',
      2,
    ],
    [
      'third month behind in a row',
      [month('2020-07', 500, 300), month('2020-08', 500, 300), month('2020-09', 500, 300)],
      true,
      undefined,
      'RED',
      'THIRD_MONTH_BEHIND',
      3,
    ],
    [
      'fourth month behind stays red',
      [
        month('2020-06', 1, 0.5),
        month('2020-07', 1, 0.5),
        month('2020-08', 1, 0.5),
        month('2020-09', 1, 0.5),
      ],
      true,
      undefined,
      'RED',
      'THIRD_MONTH_BEHIND',
      4,
    ],
    [
      'a green month ends the run',
      [
        month('2020-06', 500, 300),
        month('2020-07', 500, 300),
        month('2020-08', 500, 500),
        month('2020-09', 500, 300),
      ],
      true,
      undefined,
      'YELLOW',
      'BEHIND_PLAN',
      1,
    ],
    [
      'a month with nothing planned ends the run too',
      [month('2020-07', 500, 300), month('2020-08', null, 0), month('2020-09', 500, 300)],
      true,
      undefined,
      'YELLOW',
      'BEHIND_PLAN',
      1,
    ],
    [
      'a red month counts as behind',
      [month('2020-07', 500, 0), month('2020-08', 500, 300), month('2020-09', 500, 300)],
      true,
      undefined,
      'RED',
      'THIRD_MONTH_BEHIND',
      3,
    ],
    [
      'an earlier month never reported counts as behind',
      [month('2020-07', 500, null), month('2020-08', 500, 300), month('2020-09', 500, 300)],
      true,
      undefined,
      'RED',
      'THIRD_MONTH_BEHIND',
      3,
    ],
    [
      'the run crosses the year end',
      [month('2020-11', 500, 300), month('2020-12', 500, 300), month('2021-01', 500, 300)],
      true,
      undefined,
      'RED',
      'THIRD_MONTH_BEHIND',
      3,
    ],
    [
      'nothing planned, reported (null plan)',
      [month('2020-09', null, 0)],
      true,
      undefined,
      'GREEN',
      'NOTHING_PLANNED',
      0,
    ],
    [
      'nothing planned, reported (0 plan)',
      [month('2020-09', 0, 120)],
      true,
      undefined,
      'GREEN',
      'NOTHING_PLANNED',
      0,
    ],
    [
      'nothing planned, before the deadline',
      [month('2020-09', null, null)],
      false,
      undefined,
      null,
      'AWAITING_REPORT',
      0,
    ],
    [
      'nothing planned, not reported after the deadline',
      [month('2020-09', null, null)],
      true,
      undefined,
      'RED',
      'NOT_REPORTED',
      1,
    ],
    [
      'planned, before the deadline',
      [month('2020-09', 500, null)],
      false,
      undefined,
      null,
      'AWAITING_REPORT',
      0,
    ],
    [
      'planned, not reported after the deadline',
      [month('2020-09', 500, null)],
      true,
      undefined,
      'RED',
      'NOT_REPORTED',
      1,
    ],
    [
      'reported after the deadline',
      [month('2020-09', 500, 620, false)],
      true,
      undefined,
      'RED',
      'REPORTED_LATE',
      1,
    ],
    [
      'reported, deadline not passed yet',
      [month('2020-09', 500, 620, false)],
      false,
      undefined,
      'GREEN',
      'ON_PLAN',
      0,
    ],
    [
      'behind, before the deadline (already reported)',
      [month('2020-09', 500, 300)],
      false,
      undefined,
      'YELLOW',
      'BEHIND_PLAN',
      1,
    ],
    [
      'awaiting report after two behind months: not lit yet',
      [month('2020-07', 500, 300), month('2020-08', 500, 300), month('2020-09', 500, null)],
      false,
      undefined,
      null,
      'AWAITING_REPORT',
      2,
    ],
    ['within a 5 % tolerance', [month('2020-09', 500, 475)], true, 5, 'GREEN', 'WITHIN_TOLERANCE', 0],
    ['just outside a 5 % tolerance', [month('2020-09', 500, 474.99)], true, 5, 'YELLOW', 'BEHIND_PLAN', 1],
    [
      'tolerance with two decimals',
      [month('2020-09', 10_000, 9_875)],
      true,
      1.25,
      'GREEN',
      'WITHIN_TOLERANCE',
      0,
    ],
    [
      'tolerance does not rescue zero progress',
      [month('2020-09', 500, 0)],
      true,
      99.99,
      'RED',
      'ZERO_PROGRESS',
      1,
    ],
    [
      'tolerance shortens the run',
      [month('2020-07', 500, 300), month('2020-08', 500, 480), month('2020-09', 500, 300)],
      true,
      5,
      'YELLOW',
      'BEHIND_PLAN',
      1,
    ],
  ])('%s', (_description, months, deadlinePassed, tolerancePercent, color, reasonCode, behindRun) => {
    const period = months[months.length - 1].period;
    const light = investmentLight({ months, period, deadlinePassed, tolerancePercent });
    expect(light.color).toBe(color);
    expect(light.reasonCode).toBe(reasonCode);
    expect(light.figures.behindRun).toBe(behindRun);
    expect(light.ruleVersion).toBe(INVESTMENT_RULE_VERSION);
    expect(light.period).toBe(period);
    expect(light.reason.length).toBeGreaterThan(0);
  });

  it('explains itself in 万元', () => {
    const light = investmentLight({
      months: [month('2020-07', 500, 300), month('2020-08', 500, 300), month('2020-09', 1500, 1234.5)],
      period: '2020-09',
      deadlinePassed: true,
    });
    expect(light.reason).toBe('本月计划投资1,500万元，实际完成1,234.5万元，连续第3个月未完成计划');
    expect(light.figures).toEqual({
      planned: wan(1500),
      actual: wan(1234) + 500_000n,
      behindRun: 3,
      tolerancePercent: 0,
    });
    expect(
      investmentLight({ months: [month('2020-09', 500, 300)], period: '2020-09', deadlinePassed: true })
        .reason,
    ).toBe('本月计划投资500万元，实际完成300万元，未完成计划');
    expect(
      investmentLight({ months: [month('2020-09', 500, null)], period: '2020-09', deadlinePassed: true })
        .reason,
    ).toBe('截至报送期限未报送本月完成情况（本月计划投资500万元），按零进展处理');
    expect(
      investmentLight({
        months: [month('2020-09', 500, 480)],
        period: '2020-09',
        deadlinePassed: true,
        tolerancePercent: 5,
      }).reason,
    ).toBe('本月计划投资500万元，实际完成480万元，在5%容差内，视为按计划完成');
  });

  it.each<[string, Parameters<typeof investmentLight>[0], string]>([
    ['no months', { months: [], period: '2020-09', deadlinePassed: true }, 'months'],
    [
      'a gap between months',
      { months: [month('2020-07', 1, 1), month('2020-09', 1, 1)], period: '2020-09', deadlinePassed: true },
      'months[1].period',
    ],
    [
      'the last month is not the one lit',
      { months: [month('2020-08', 1, 1)], period: '2020-09', deadlinePassed: true },
      'months[0].period',
    ],
    [
      'a negative actual',
      {
        months: [{ period: '2020-09', plannedFen: 1n, actualFen: -1n, reportedOnTime: true }],
        period: '2020-09',
        deadlinePassed: true,
      },
      'months[0].actualFen',
    ],
    [
      'a negative plan',
      {
        months: [
          month('2020-08', 1, 1),
          { period: '2020-09', plannedFen: -5n, actualFen: 1n, reportedOnTime: true },
        ],
        period: '2020-09',
        deadlinePassed: true,
      },
      'months[1].plannedFen',
    ],
    ['a bad period', { months: [month('2020-13', 1, 1)], period: '2020-13', deadlinePassed: true }, 'period'],
    [
      'a 100 % tolerance',
      { months: [month('2020-09', 1, 1)], period: '2020-09', deadlinePassed: true, tolerancePercent: 100 },
      'tolerancePercent',
    ],
    [
      'a negative tolerance',
      { months: [month('2020-09', 1, 1)], period: '2020-09', deadlinePassed: true, tolerancePercent: -1 },
      'tolerancePercent',
    ],
    [
      'a tolerance with three decimals',
      { months: [month('2020-09', 1, 1)], period: '2020-09', deadlinePassed: true, tolerancePercent: 5.125 },
      'tolerancePercent',
    ],
  ])('refuses %s', (_description, input, field) => {
    expect(() => investmentLight(input)).toThrow(DomainError);
    expect(() => investmentLight(input)).toThrow(expect.objectContaining({ field }));
  });
});

describe('investment rule properties', () => {
  const amount = fc.option(fc.bigInt({ min: 0n, max: 10n ** 11n }), { nil: null, freq: 5 });
  const monthInput = fc.record({ plannedFen: amount, actualFen: amount, reportedOnTime: fc.boolean() });
  const input = fc.record({
    start: fc.integer({ min: 0, max: 100 }).map((n) => addMonths('2018-01', n)),
    months: fc.array(monthInput, { minLength: 1, maxLength: 8 }),
    deadlinePassed: fc.boolean(),
    tolerancePercent: fc.integer({ min: 0, max: 5000 }).map((bp) => bp / 100),
  });
  const build = (i: {
    start: string;
    months: Omit<InvestmentMonth, 'period'>[];
    deadlinePassed: boolean;
    tolerancePercent: number;
  }) => {
    const months = i.months.map((m, k) => ({ ...m, period: addMonths(i.start, k) }));
    return {
      months,
      period: months[months.length - 1].period,
      deadlinePassed: i.deadlinePassed,
      tolerancePercent: i.tolerancePercent,
    };
  };

  it('always gives one of the three colours, or none only while the report is awaited', () => {
    fc.assert(
      fc.property(input, (i) => {
        const lightInput = build(i);
        const light = investmentLight(lightInput);
        const last = lightInput.months[lightInput.months.length - 1];
        if (light.color === null) {
          expect(lightInput.deadlinePassed).toBe(false);
          expect(last.actualFen).toBeNull();
        } else {
          expect(LIGHT_COLORS).toContain(light.color);
        }
        if (lightInput.deadlinePassed) expect(LIGHT_COLORS).toContain(light.color);
      }),
    );
  });

  it('adding actual investment to a month never makes the light worse', () => {
    fc.assert(
      fc.property(input, fc.nat(), fc.bigInt({ min: 0n, max: 10n ** 11n }), (i, which, extra) => {
        const before = build(i);
        const k = which % before.months.length;
        if (before.months[k].actualFen === null) return;
        const after = {
          ...before,
          months: before.months.map((m, j) =>
            j === k ? { ...m, actualFen: (m.actualFen as Fen) + extra } : m,
          ),
        };
        const a = investmentLight(before).color;
        const b = investmentLight(after).color;
        if (a !== null && b !== null) expect(lightSeverity(b)).toBeLessThanOrEqual(lightSeverity(a));
      }),
    );
  });

  it('an unreported planned month after the deadline is always red', () => {
    fc.assert(
      fc.property(input, fc.bigInt({ min: 1n, max: 10n ** 11n }), (i, planned) => {
        const lightInput = build({ ...i, deadlinePassed: true });
        const k = lightInput.months.length - 1;
        lightInput.months[k] = { ...lightInput.months[k], plannedFen: planned, actualFen: null };
        const light = investmentLight(lightInput);
        expect(light.color).toBe('RED');
        expect(light.reasonCode).toBe('NOT_REPORTED');
      }),
    );
  });
});

describe('milestone rule (Dalian)', () => {
  const ms = (over: Partial<Milestone> & Pick<Milestone, 'dueDate'>): Milestone => ({
    name: '主体封顶',
    weight: 1,
    progress: 0,
    metDate: null,
    ...over,
  });

  it.each<[string, Milestone[], number | undefined, string | null, string]>([
    [
      'met before its due date',
      [ms({ dueDate: '2020-09-15', metDate: '2020-09-10', progress: 100 })],
      undefined,
      'GREEN',
      'ALL_DUE_MET',
    ],
    [
      'met on its due date',
      [ms({ dueDate: '2020-09-30', metDate: '2020-09-30', progress: 100 })],
      undefined,
      'GREEN',
      'ALL_DUE_MET',
    ],
    ['due on the last day, unmet', [ms({ dueDate: '2020-09-30' })], undefined, 'RED', 'OVERDUE'],
    [
      'due last month, still unmet',
      [ms({ dueDate: '2020-08-31', progress: 90 })],
      undefined,
      'RED',
      'OVERDUE',
    ],
    [
      'due last month, met this month (late)',
      [ms({ dueDate: '2020-08-31', metDate: '2020-09-05' })],
      undefined,
      'YELLOW',
      'MET_LATE',
    ],
    [
      'due this month, met late this month',
      [ms({ dueDate: '2020-09-10', metDate: '2020-09-20' })],
      undefined,
      'YELLOW',
      'MET_LATE',
    ],
    [
      'met late in an earlier month no longer counts',
      [ms({ dueDate: '2020-07-31', metDate: '2020-08-10' })],
      undefined,
      'GREEN',
      'ALL_DUE_MET',
    ],
    [
      'met only after the month (history recomputed)',
      [ms({ dueDate: '2020-09-20', metDate: '2020-10-05' })],
      undefined,
      'RED',
      'OVERDUE',
    ],
    [
      'in progress, behind the elapsed share',
      [ms({ startDate: '2020-09-01', dueDate: '2020-10-30', progress: 40 })], // 30 of 60 days elapsed: 50 %
      undefined,
      'YELLOW',
      'BEHIND_SCHEDULE',
    ],
    [
      'in progress, on pace',
      [ms({ startDate: '2020-09-01', dueDate: '2020-10-30', progress: 50 })],
      undefined,
      'GREEN',
      'ON_SCHEDULE',
    ],
    [
      'in progress, inside a 20 % tolerance',
      [ms({ startDate: '2020-09-01', dueDate: '2020-10-30', progress: 40 })],
      20,
      'GREEN',
      'ON_SCHEDULE',
    ],
    [
      'in progress, just outside a 20 % tolerance',
      [ms({ startDate: '2020-09-01', dueDate: '2020-10-30', progress: 39.99 })],
      20,
      'YELLOW',
      'BEHIND_SCHEDULE',
    ],
    [
      'no start date: pace not checked',
      [ms({ dueDate: '2020-12-31', progress: 0 })],
      undefined,
      'GREEN',
      'ON_SCHEDULE',
    ],
    [
      'starts after the month: pace not checked',
      [ms({ startDate: '2020-10-05', dueDate: '2020-12-31' })],
      undefined,
      'GREEN',
      'ON_SCHEDULE',
    ],
    [
      'a future milestone met early',
      [ms({ dueDate: '2020-12-31', metDate: '2020-09-01', progress: 100 })],
      undefined,
      'GREEN',
      'NOTHING_DUE',
    ],
    [
      'red wins over yellow',
      [
        ms({ name: 'A', dueDate: '2020-09-15' }),
        ms({ name: 'B', startDate: '2020-09-01', dueDate: '2020-10-30', progress: 10 }),
      ],
      undefined,
      'RED',
      'OVERDUE',
    ],
    [
      'late and behind together are yellow',
      [
        ms({ name: 'A', dueDate: '2020-09-10', metDate: '2020-09-12' }),
        ms({ name: 'B', startDate: '2020-09-01', dueDate: '2020-10-30', progress: 10 }),
      ],
      undefined,
      'YELLOW',
      'MET_LATE',
    ],
    ['no milestones: not lit', [], undefined, null, 'NO_MILESTONES'],
  ])('%s', (_description, milestones, tolerancePercent, color, reasonCode) => {
    const light = milestoneLight({ milestones, period: '2020-09', tolerancePercent });
    expect(light.color).toBe(color);
    expect(light.reasonCode).toBe(reasonCode);
    expect(light.ruleVersion).toBe(MILESTONE_RULE_VERSION);
  });

  it('explains itself and counts', () => {
    const light = milestoneLight({
      period: '2020-09',
      milestones: [
        ms({ name: '桩基完成', dueDate: '2020-07-31', metDate: '2020-07-20', weight: 1, progress: 100 }),
        ms({ name: '主体封顶', dueDate: '2020-09-15', weight: 3, progress: 20 }),
        ms({ name: '设备安装', startDate: '2020-09-01', dueDate: '2020-10-30', weight: 0, progress: 40 }),
      ],
    });
    expect(light.color).toBe('RED');
    expect(light.reason).toBe(
      '节点「主体封顶」应于2020-09-15完成，至月末未完成；节点「设备安装」进度40%，低于按时间应达的50.0%',
    );
    expect(light.figures).toMatchObject({
      dueByMonthEnd: 2,
      metOnTime: 1,
      metLate: 0,
      overdue: 1,
      behindSchedule: 1,
      weightedProgress: 40, // (1 × 100 + 3 × 20 + 0 × 40) ÷ 4
      overdueNames: ['主体封顶'],
      behindScheduleNames: ['设备安装'],
    });
  });

  it.each<[string, Milestone, string]>([
    [
      'a start after the due date',
      ms({ startDate: '2020-10-01', dueDate: '2020-09-01' }),
      'milestones[0].startDate',
    ],
    ['progress above 100', ms({ dueDate: '2020-09-01', progress: 101 }), 'milestones[0].progress'],
    ['a negative weight', ms({ dueDate: '2020-09-01', weight: -1 }), 'milestones[0].weight'],
    ['an impossible due date', ms({ dueDate: '2020-09-31' }), 'milestones[0].dueDate'],
    ['an impossible met date', ms({ dueDate: '2020-09-30', metDate: '2020-02-30' }), 'milestones[0].metDate'],
    ['an empty name', ms({ name: ' ', dueDate: '2020-09-30' }), 'milestones[0].name'],
  ])('refuses %s', (_description, milestone, field) => {
    expect(() => milestoneLight({ milestones: [milestone], period: '2020-09' })).toThrow(
      expect.objectContaining({ field }),
    );
  });
});

describe('lightProject', () => {
  it('dispatches on the city’s rule', () => {
    const investment = { months: [month('2020-09', 500, 300)], period: '2020-09', deadlinePassed: true };
    expect(lightProject('INVESTMENT', investment)).toEqual(investmentLight(investment));
    const milestone = {
      milestones: [{ name: 'A', dueDate: '2020-09-01', weight: 1, progress: 0, metDate: null }],
      period: '2020-09',
    };
    expect(lightProject('MILESTONE', milestone)).toEqual(milestoneLight(milestone));
  });

  it('refuses an unknown rule, naming ruleName', () => {
    expect(() =>
      lightProject('SCORE' as 'INVESTMENT', { months: [], period: '2020-09', deadlinePassed: true }),
    ).toThrow(expect.objectContaining({ field: 'ruleName' }));
  });
});
