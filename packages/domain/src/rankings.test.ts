import { DomainError } from './errors';
import { wan } from './money';
import {
  type AreaMonthFigures,
  bestRankedArea,
  rankAreas,
  type RankedArea,
  DEFAULT_RANKING_WEIGHTS,
  rankingWeightsSum,
  validateRankingWeights,
} from './rankings';

const area = (
  over: Partial<AreaMonthFigures> & Pick<AreaMonthFigures, 'areaId' | 'name'>,
): AreaMonthFigures => ({
  cityId: 'fuxin',
  kind: 'DISTRICT',
  projectCount: 4,
  milestonesDue: 10,
  milestonesMetOnTime: 8,
  ytdPlanned: wan(100),
  ytdActual: wan(90),
  lights: { green: 3, yellow: 1, red: 0 },
  ...over,
});

describe('rankAreas', () => {
  it('scores with the city’s weights: 0.4 × 80 % + 0.4 × 90 % + 0.2 × 87.5 % = 85.5', () => {
    const [r] = rankAreas([area({ areaId: 'hz', name: '海州区' })]);
    expect(r).toMatchObject({
      milestoneRate: 80,
      investmentRate: 90,
      lights: { green: 3, yellow: 1, red: 0, total: 4 },
      lightScore: 87.5,
      score: 85.5,
      rank: 1,
    });
  });

  it.each<
    [
      string,
      Partial<AreaMonthFigures>,
      {
        milestoneRate: number | null;
        investmentRate: number | null;
        lightScore: number | null;
        score: number | null;
      },
    ]
  >([
    [
      'over-fulfilment is shown but capped in the score',
      { ytdActual: wan(150) },
      { milestoneRate: 80, investmentRate: 150, lightScore: 87.5, score: 89.5 },
    ],
    [
      'all red lights',
      { lights: { green: 0, yellow: 0, red: 4 } },
      { milestoneRate: 80, investmentRate: 90, lightScore: 0, score: 68 },
    ],
    // nothing due: (0.4 × 0.9 + 0.2 × 0.875) ÷ 0.6 = 89.1666…
    [
      'no milestone due: weights rescaled',
      { milestonesDue: 0, milestonesMetOnTime: 0 },
      { milestoneRate: null, investmentRate: 90, lightScore: 87.5, score: 89.17 },
    ],
    [
      'nothing planned: weights rescaled',
      { ytdPlanned: 0n, ytdActual: wan(5) },
      { milestoneRate: 80, investmentRate: null, lightScore: 87.5, score: 82.5 },
    ],
    [
      'nothing lit: weights rescaled',
      { lights: { green: 0, yellow: 0, red: 0 } },
      { milestoneRate: 80, investmentRate: 90, lightScore: null, score: 85 },
    ],
    [
      'nothing measurable: unscored',
      {
        projectCount: 0,
        milestonesDue: 0,
        milestonesMetOnTime: 0,
        ytdPlanned: 0n,
        ytdActual: 0n,
        lights: { green: 0, yellow: 0, red: 0 },
      },
      { milestoneRate: null, investmentRate: null, lightScore: null, score: null },
    ],
  ])('%s', (_d, change, expected) => {
    const [r] = rankAreas([area({ areaId: 'a', name: '海州区', ...change })]);
    expect(r).toMatchObject(expected);
    expect(r.rank).toBe(expected.score === null ? null : 1);
  });

  it('gives tied areas the same rank (1, 2, 2, 4), ordered by name, unscored last', () => {
    const ranking = rankAreas([
      area({ areaId: 'zw', name: '彰武县', kind: 'COUNTY', milestonesMetOnTime: 6 }),
      area({ areaId: 'xh', name: '细河区', milestonesMetOnTime: 9 }),
      area({
        areaId: 'xq',
        name: '新邱区',
        projectCount: 0,
        milestonesDue: 0,
        milestonesMetOnTime: 0,
        ytdPlanned: 0n,
        ytdActual: 0n,
        lights: { green: 0, yellow: 0, red: 0 },
      }),
      area({ areaId: 'hz', name: '海州区' }),
      area({ areaId: 'fm', name: '阜新蒙古族自治县', kind: 'COUNTY' }),
    ]);
    expect(ranking.map((r) => [r.name, r.score, r.rank])).toEqual([
      ['细河区', 89.5, 1],
      ['阜新蒙古族自治县', 85.5, 2],
      ['海州区', 85.5, 2],
      ['彰武县', 77.5, 4],
      ['新邱区', null, null],
    ]);
  });

  it('ranks on the published two-decimal score', () => {
    const onlyLights = { milestoneRate: 0, investmentRate: 0, lights: 1 };
    const ranking = rankAreas(
      [
        area({ areaId: 'a', name: '太平区', lights: { green: 1, yellow: 0, red: 2 } }), // 1/3 → 33.33
        area({ areaId: 'b', name: '清河门区', lights: { green: 3333, yellow: 0, red: 6667 } }), // 0.3333 → 33.33
      ],
      onlyLights,
    );
    expect(ranking.map((r) => [r.name, r.score, r.rank])).toEqual([
      ['清河门区', 33.33, 1],
      ['太平区', 33.33, 1],
    ]);
  });

  it('is deterministic whatever the input order', () => {
    const areas = [
      area({ areaId: '1', name: '海州区' }),
      area({ areaId: '2', name: '细河区' }),
      area({ areaId: '3', name: '太平区' }),
      area({ areaId: '4', name: '海州区' }),
    ];
    const forward = rankAreas(areas).map((r) => r.areaId);
    expect(rankAreas([...areas].reverse()).map((r) => r.areaId)).toEqual(forward);
    expect(forward).toEqual(['1', '4', '3', '2']);
  });

  it.each<[string, Partial<AreaMonthFigures>, string]>([
    ['more met than due', { milestonesMetOnTime: 11 }, 'areas[0].milestonesMetOnTime'],
    ['a negative plan', { ytdPlanned: -1n }, 'areas[0].ytdPlanned'],
    ['a fractional light count', { lights: { green: 1.5, yellow: 0, red: 0 } }, 'areas[0].lights.green'],
    ['an empty name', { name: '' }, 'areas[0].name'],
  ])('refuses %s', (_d, change, field) => {
    expect(() => rankAreas([area({ areaId: 'a', name: '海州区', ...change })])).toThrow(
      expect.objectContaining({ field }),
    );
  });

  it('refuses a duplicated area', () => {
    expect(() =>
      rankAreas([area({ areaId: 'a', name: '海州区' }), area({ areaId: 'a', name: '细河区' })]),
    ).toThrow(expect.objectContaining({ field: 'areas[1].areaId' }));
  });
});

describe('validateRankingWeights', () => {
  it.each([
    [{ milestoneRate: 0.4, investmentRate: 0.4, lights: 0.2 }],
    [{ milestoneRate: 1, investmentRate: 0, lights: 0 }],
    [{ milestoneRate: 0.1, investmentRate: 0.2, lights: 0.7 }], // 0.1 + 0.2 + 0.7 = 0.9999999999999999
    [{ milestoneRate: 0.5, investmentRate: 0.5, lights: 5e-10 }],
  ])('accepts %p', (weights) => expect(() => validateRankingWeights(weights)).not.toThrow());

  it.each<[object, string]>([
    [{ milestoneRate: -0.1, investmentRate: 0.6, lights: 0.5 }, 'weights.milestoneRate'],
    [{ milestoneRate: 0.4, investmentRate: Number.NaN, lights: 0.2 }, 'weights.investmentRate'],
    [{ milestoneRate: 0.4, investmentRate: 0.4 }, 'weights.lights'],
    [{ milestoneRate: 0.4, investmentRate: 0.4, lights: 0.1 }, 'weights'],
    [{ milestoneRate: 0.5, investmentRate: 0.5, lights: 2e-9 }, 'weights'],
  ])('refuses %p on %s', (weights, field) => {
    const call = () => validateRankingWeights(weights as never);
    expect(call).toThrow(DomainError);
    expect(call).toThrow(expect.objectContaining({ field }));
  });
});

describe('rankingWeightsSum', () => {
  it.each<[string, { milestoneRate: number; investmentRate: number; lights: number }, number, boolean]>([
    ['the defaults', DEFAULT_RANKING_WEIGHTS, 1, true],
    ['floating-point dust', { milestoneRate: 0.1, investmentRate: 0.2, lights: 0.7 }, 0.1 + 0.2 + 0.7, true],
    ['within the tolerance above 1', { milestoneRate: 0.5, investmentRate: 0.5, lights: 5e-10 }, 1.0000000005, true],
    ['beyond the tolerance', { milestoneRate: 0.5, investmentRate: 0.5, lights: 2e-9 }, 1.000000002, false],
    ['short of 1', { milestoneRate: 0.4, investmentRate: 0.4, lights: 0.1 }, 0.9, false],
    ['over 1', { milestoneRate: 0.5, investmentRate: 0.5, lights: 0.5 }, 1.5, false],
  ])('%s', (_name, weights, sum, addsUpToOne) => {
    expect(rankingWeightsSum(weights)).toEqual({ sum, addsUpToOne });
  });

  it('has defaults that add up to one', () => expect(() => validateRankingWeights(DEFAULT_RANKING_WEIGHTS)).not.toThrow());
});

describe('bestRankedArea (Fuxin’s bimonthly on-site meeting)', () => {
  const ranked = (over: Partial<RankedArea> & Pick<RankedArea, 'areaId' | 'name' | 'rank'>): RankedArea => ({
    cityId: 'fuxin',
    kind: 'COUNTY',
    projectCount: 5,
    milestoneRate: null,
    investmentRate: null,
    lights: { green: 0, yellow: 0, red: 0, total: 0 },
    lightScore: null,
    score: 50,
    ...over,
  });

  it('picks the best county or district of the city, skipping departments, other cities and areas without projects', () => {
    const result = bestRankedArea(
      [
        ranked({ areaId: 'dept', name: '市发改委', kind: 'DEPARTMENT', rank: 1 }),
        ranked({ areaId: 'dl', name: '中山区', cityId: 'dalian', kind: 'DISTRICT', rank: 1 }),
        ranked({ areaId: 'empty', name: '新邱区', kind: 'DISTRICT', projectCount: 0, rank: 2 }),
        ranked({ areaId: 'zw', name: '彰武县', rank: 3 }),
        ranked({ areaId: 'hz', name: '海州区', kind: 'DISTRICT', rank: 4 }),
        ranked({ areaId: 'none', name: '太平区', kind: 'DISTRICT', rank: null, score: null }),
      ],
      'fuxin',
    );
    expect(result?.host.areaId).toBe('zw');
    expect(result?.tied).toEqual([]);
  });

  it('proposes the first by name on a tie and lists the others', () => {
    const result = bestRankedArea(
      [
        ranked({ areaId: 'zw', name: '彰武县', rank: 1 }),
        ranked({ areaId: 'fm', name: '阜新蒙古族自治县', rank: 1 }),
        ranked({ areaId: 'hz', name: '海州区', rank: 3 }),
      ],
      'fuxin',
    );
    expect(result?.host.areaId).toBe('fm');
    expect(result?.tied.map((r) => r.areaId)).toEqual(['zw']);
  });

  it('gives null when no county or district qualifies', () => {
    expect(
      bestRankedArea([ranked({ areaId: 'dept', name: '市发改委', kind: 'DEPARTMENT', rank: 1 })], 'fuxin'),
    ).toBeNull();
    expect(bestRankedArea([], 'fuxin')).toBeNull();
  });

  it('works on a ranking straight from rankAreas', () => {
    const ranking = rankAreas([
      area({ areaId: 'hz', name: '海州区' }),
      area({ areaId: 'zw', name: '彰武县', kind: 'COUNTY', milestonesMetOnTime: 10 }),
      area({
        areaId: 'dept',
        name: '市住建局',
        kind: 'DEPARTMENT',
        milestonesMetOnTime: 10,
        ytdActual: wan(100),
      }),
    ]);
    expect(bestRankedArea(ranking, 'fuxin')?.host.name).toBe('彰武县');
  });
});
