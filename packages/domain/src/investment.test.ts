import { DomainError } from './errors';
import { canBecomeKeyProject, conversionPercent, gapWeight, isStalled, nodeRelation, rankMatches, stageMoveProblem, type LeadStage } from './investment';

describe('pipeline moves', () => {
  it.each<[LeadStage, LeadStage, RegExp | null]>([
    ['LEAD', 'CONTACTED', null],
    ['LEAD', 'NEGOTIATING', null], // a visit may be skipped
    ['NEGOTIATING', 'SIGNED', null],
    ['SIGNED', 'STARTED', null],
    ['CONTACTED', 'CONTACTED', /已处于/],
    ['SIGNED', 'NEGOTIATING', /不能从/],
    ['SIGNED', 'KEY_PROJECT', /转为重点项目/],
    ['KEY_PROJECT', 'STARTED', /重点项目台账/],
  ])('%s → %s', (from, to, problem) => {
    const p = stageMoveProblem(from, to);
    if (problem) expect(p).toMatch(problem);
    else expect(p).toBeNull();
  });

  it.each<[LeadStage, boolean]>([
    ['LEAD', false],
    ['NEGOTIATING', false],
    ['SIGNED', true],
    ['REGISTERED', true],
    ['STARTED', true],
    ['KEY_PROJECT', false],
  ])('%s may become a key project: %p', (stage, may) => {
    expect(canBecomeKeyProject(stage)).toBe(may);
  });
});

describe('stalled leads', () => {
  it.each<[string, LeadStage, string, string, number, boolean]>([
    ['29 days, N = 30', 'CONTACTED', '2021-05-02', '2021-05-31', 30, false],
    ['30 days, N = 30', 'CONTACTED', '2021-05-01', '2021-05-31', 30, true],
    ['across February of 2021: 31 Jan → 2 Mar is 30 days', 'LEAD', '2021-01-31', '2021-03-02', 30, true],
    ['across the year end', 'NEGOTIATING', '2020-12-20', '2021-01-19', 30, true],
    ['a step today', 'VISITED', '2021-05-31', '2021-05-31', 30, false],
    ['signed leads are the secretary’s', 'SIGNED', '2020-01-01', '2021-05-31', 30, false],
    ['key projects are the ledger’s', 'KEY_PROJECT', '2020-01-01', '2021-05-31', 30, false],
    ['a step dated after today', 'LEAD', '2021-06-01', '2021-05-31', 30, false],
    ['N = 7, a week', 'LEAD', '2021-05-24', '2021-05-31', 7, true],
  ])('%s', (_d, stage, lastStepDate, today, stallDays, stalled) => {
    expect(isStalled({ stage, lastStepDate, today, stallDays })).toBe(stalled);
  });

  it.each<[object, string]>([
    [{ stage: 'LEAD', lastStepDate: '2021-05-01', today: '2021-05-31', stallDays: 0 }, 'stallDays'],
    [{ stage: 'LEAD', lastStepDate: '2021-02-30', today: '2021-05-31', stallDays: 30 }, 'lastStepDate'],
    [{ stage: 'LEAD', lastStepDate: '2021-05-01', today: '2021-13-01', stallDays: 30 }, 'today'],
  ])('refuses %p', (input, field) => {
    expect(() => isStalled(input as never)).toThrow(DomainError);
    try {
      isStalled(input as never);
    } catch (e) {
      expect((e as DomainError).field).toBe(field);
    }
  });
});

describe('figures', () => {
  it.each<[number, number, number | null]>([
    [1, 3, 33.3],
    [2, 3, 66.7],
    [5, 5, 100],
    [0, 4, 0],
    [0, 0, null],
  ])('conversion %p of %p = %p%%', (later, earlier, pct) => {
    expect(conversionPercent(later, earlier)).toBe(pct);
  });

  it.each<[number, number, number]>([
    [1, 0, 500],
    [1, 12, 512],
    [5, 3, 103],
    [2, 500, 499],
  ])('gap weight of priority %p with %p targets = %p', (priority, targets, weight) => {
    expect(gapWeight(priority, targets)).toBe(weight);
  });

  it.each([0, 6, 1.5])('refuses priority %p', (priority) => {
    expect(() => gapWeight(priority, 0)).toThrow(/优先级/);
  });
});

describe('matchmaking (撮合)', () => {
  const node = (id: number, link: 'UPSTREAM' | 'MIDSTREAM' | 'DOWNSTREAM', name: string, chainId = 1) => ({ id, chainId, link, name });
  const cpu = node(1, 'MIDSTREAM', '处理器（CPU）');
  const wafer = node(2, 'UPSTREAM', '硅片');
  const autoElectronics = node(3, 'DOWNSTREAM', '汽车电子');
  const control = node(4, 'DOWNSTREAM', '工业控制');
  const packaging = node(5, 'MIDSTREAM', '封装测试');
  const parking = node(6, 'DOWNSTREAM', '智慧停车', 2);

  it.each([
    ['midstream supplies downstream', cpu, autoElectronics, 'SUPPLIES'],
    ['midstream buys from upstream', cpu, wafer, 'BUYS'],
    ['upstream supplies midstream', wafer, packaging, 'SUPPLIES'],
    ['the same link does not meet', cpu, packaging, null],
    ['two links apart do not meet', wafer, control, null],
    ['another chain does not meet', cpu, parking, null],
  ] as const)('%s', (_name, a, b, relation) => {
    expect(nodeRelation(a, b)).toBe(relation);
  });

  it('ranks local companies by the pairs they meet, both ways first, then by name', () => {
    const ranked = rankMatches({ companyId: 100, nodes: [cpu] }, [
      { companyId: 100, name: '目标企业自己', nodes: [autoElectronics] },
      { companyId: 1, name: '乙本地企业', nodes: [wafer] },
      { companyId: 2, name: '蓝卡智能', nodes: [autoElectronics, control, parking] },
      { companyId: 3, name: '甲封测', nodes: [packaging] },
      { companyId: 4, name: '丙控制', nodes: [control] },
      { companyId: 5, name: '丁双向', nodes: [wafer, control] },
    ]);
    expect(ranked.map((m) => [m.companyId, m.score])).toEqual([[5, 2], [2, 2], [4, 1], [1, 1]]);
    expect(ranked[1]).toMatchObject({ customerPairs: 2, supplierPairs: 0 });
    expect(ranked[1].reasons).toEqual(['其“汽车电子”（下游）以“处理器（CPU）”（中游）为投入：目标企业可为其供货', '其“工业控制”（下游）以“处理器（CPU）”（中游）为投入：目标企业可为其供货']);
    expect(ranked[3].reasons).toEqual(['其“硅片”（上游）是“处理器（CPU）”（中游）的上游：可为目标企业本地配套']);
  });

  it.each([0, 101, 1.5])('refuses %p as the number of suggestions', (limit) => {
    expect(() => rankMatches({ companyId: 1, nodes: [] }, [], limit)).toThrow(DomainError);
  });
});
