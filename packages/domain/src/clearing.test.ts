import { investmentClearing, milestoneClearing } from './clearing';
import { investmentLight, milestoneLight, type InvestmentMonth, type Milestone } from './lights';
import { DomainError } from './errors';

const WAN = 1_000_000n; // 1万元 in 分

describe('investmentClearing: what next month needs to be green, and when it turns red', () => {
  it.each<[string, Parameters<typeof investmentClearing>[0], { neededFen: bigint; redBy: string | null; text: RegExp } | null]>([
    ['green: nothing to clear', { period: '2020-09', color: 'GREEN', behindRun: 0, nextPlannedFen: 100n * WAN }, null],
    ['first month behind: full plan next month, red in two months', { period: '2020-09', color: 'YELLOW', behindRun: 1, nextPlannedFen: 100n * WAN }, { neededFen: 100n * WAN, redBy: '2020-11', text: /2020-10完成投资不少于100万元.*2020-11将亮红灯/ }],
    ['second month behind: red next month', { period: '2020-09', color: 'YELLOW', behindRun: 2, nextPlannedFen: 100n * WAN }, { neededFen: 100n * WAN, redBy: '2020-10', text: /2020-10将亮红灯/ }],
    ['across the year end', { period: '2020-12', color: 'YELLOW', behindRun: 1, nextPlannedFen: 50n * WAN }, { neededFen: 50n * WAN, redBy: '2021-02', text: /2021-01完成投资不少于50万元/ }],
    ['red: the plan clears it, no later red month', { period: '2020-09', color: 'RED', behindRun: 3, nextPlannedFen: 80n * WAN }, { neededFen: 80n * WAN, redBy: null, text: /继续亮红灯/ }],
    ['zero progress red (run 1)', { period: '2020-09', color: 'RED', behindRun: 1, nextPlannedFen: 80n * WAN }, { neededFen: 80n * WAN, redBy: null, text: /不少于80万元/ }],
    ['nothing planned next month: a report on time is enough', { period: '2020-09', color: 'YELLOW', behindRun: 1, nextPlannedFen: null }, { neededFen: 0n, redBy: '2020-11', text: /无计划投资，按时报送即可/ }],
    ['tolerance 10%: 90% of the plan, rounded up to the 分', { period: '2020-09', color: 'YELLOW', behindRun: 1, nextPlannedFen: 333n, tolerancePercent: 10 }, { neededFen: 300n, redBy: '2020-11', text: /含10%容差/ }],
  ])('%s', (_name, input, want) => {
    const got = investmentClearing(input);
    if (want === null) return expect(got).toBeNull();
    expect(got).toMatchObject({ neededFen: want.neededFen, redBy: want.redBy });
    expect(got!.explanation).toMatch(want.text);
  });

  // The answer agrees with the light rule itself: next month at the needed amount is green, one 分 less is not.
  it.each([
    [0, 1, 100n * WAN],
    [10, 2, 333n],
    [5, 1, 1_234_567n],
  ])('with tolerance %d%% and run %d, the needed amount is exactly the green threshold of the light rule', (tolerancePercent, run, planned) => {
    const past: InvestmentMonth[] = Array.from({ length: run }, (_, i) => ({ period: `2020-0${7 + i}`.slice(0, 7), plannedFen: 10n * WAN, actualFen: 5n * WAN, reportedOnTime: true }));
    const period = past[past.length - 1].period;
    const light = investmentLight({ period, months: past, deadlinePassed: true, tolerancePercent });
    expect(light.color).toBe('YELLOW');
    const clearing = investmentClearing({ period, color: 'YELLOW', behindRun: light.figures.behindRun, nextPlannedFen: planned, tolerancePercent })!;
    const next = (actualFen: bigint) =>
      investmentLight({ period: clearing.nextPeriod, months: [...past, { period: clearing.nextPeriod, plannedFen: planned, actualFen, reportedOnTime: true }], deadlinePassed: true, tolerancePercent }).color;
    expect(next(clearing.neededFen)).toBe('GREEN');
    expect(next(clearing.neededFen - 1n)).not.toBe('GREEN');
    // And staying behind until redBy makes it red then.
    let months = [...past];
    for (let p = clearing.nextPeriod; p <= clearing.redBy!; p = `${p.slice(0, 5)}${String(Number(p.slice(5)) + 1).padStart(2, '0')}`) {
      months = [...months, { period: p, plannedFen: planned, actualFen: 1n, reportedOnTime: true }];
      const color = investmentLight({ period: p, months, deadlinePassed: true, tolerancePercent }).color;
      expect(color).toBe(p === clearing.redBy ? 'RED' : 'YELLOW');
    }
  });

  it('refuses a negative run', () => {
    expect(() => investmentClearing({ period: '2020-09', color: 'YELLOW', behindRun: -1, nextPlannedFen: 0n })).toThrow(DomainError);
  });
});

describe('milestoneClearing', () => {
  const ms = (over: Partial<Milestone>): Milestone => ({ name: '主体封顶', dueDate: '2020-12-31', startDate: '2020-07-01', weight: 1, progress: 20, metDate: null, ...over });

  it.each<[string, Parameters<typeof milestoneClearing>[0], { needs: Array<{ name: string; neededProgress: number }>; redBy: string | null } | null]>([
    ['green: nothing', { period: '2020-09', color: 'GREEN', milestones: [ms({})] }, null],
    [
      'behind schedule: the share of time elapsed by next month’s end, red the month it falls due',
      // 2020-07-01 → 2020-12-31 is 183 days; by 2020-10-31, 122 elapsed: ⌈66.67⌉ = 67%.
      { period: '2020-09', color: 'YELLOW', milestones: [ms({})] },
      { needs: [{ name: '主体封顶', neededProgress: 67 }], redBy: '2020-12' },
    ],
    [
      'due next month: it must be met',
      { period: '2020-09', color: 'YELLOW', milestones: [ms({ name: '桩基完成', dueDate: '2020-10-20', startDate: '2020-08-01', progress: 60 })] },
      { needs: [{ name: '桩基完成', neededProgress: 100 }], redBy: '2020-10' },
    ],
    [
      'red by an overdue milestone: met clears it, no later red month',
      { period: '2020-09', color: 'RED', milestones: [ms({ name: '土方开挖', dueDate: '2020-09-15', progress: 80 })] },
      { needs: [{ name: '土方开挖', neededProgress: 100 }], redBy: null },
    ],
    [
      'met milestones need nothing; one on pace is not listed',
      { period: '2020-09', color: 'YELLOW', milestones: [ms({ metDate: '2020-08-30', progress: 100 }), ms({ name: '装修', progress: 90 })] },
      { needs: [], redBy: '2020-12' },
    ],
  ])('%s', (_name, input, want) => {
    const got = milestoneClearing(input);
    if (want === null) return expect(got).toBeNull();
    expect(got!.needs.map((n) => ({ name: n.name, neededProgress: n.neededProgress }))).toEqual(want.needs);
    expect(got!.redBy).toBe(want.redBy);
  });

  it('agrees with the milestone light: at the needed progress next month is green, one percent less is yellow', () => {
    const m = ms({});
    const clearing = milestoneClearing({ period: '2020-09', color: 'YELLOW', milestones: [m] })!;
    const need = clearing.needs[0].neededProgress;
    expect(milestoneLight({ period: clearing.nextPeriod, milestones: [{ ...m, progress: need }] }).color).toBe('GREEN');
    expect(milestoneLight({ period: clearing.nextPeriod, milestones: [{ ...m, progress: need - 1 }] }).color).toBe('YELLOW');
  });
});
