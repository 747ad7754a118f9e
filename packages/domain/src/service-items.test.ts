import { DomainValidationError } from './errors';
import {
  CATALOGUE_FIGURE_DEFINITIONS,
  catalogueFigures,
  complianceViolations,
  type ServiceItem,
  SERVICE_ITEM_TYPE_LABELS,
  SERVICE_ITEM_TYPES,
  serviceItemProblems,
} from './service-items';

const item = (over: Partial<ServiceItem> & Pick<ServiceItem, 'code'>): ServiceItem => ({
  name: `事项${over.code}`,
  type: 'ADMINISTRATIVE_LICENSE',
  byApplication: true,
  onlineDepth: 'PARTLY_ONLINE',
  visits: 1,
  visitsReason: '核验原件',
  caseKind: 'PROMISED',
  legalLimitDays: 20,
  promisedLimitDays: 5,
  materialsNow: 3,
  materialsBefore: 8,
  ...over,
});

describe('the "10+1" types', () => {
  it('has ten administrative-power types plus public service, labelled in Chinese', () => {
    expect(SERVICE_ITEM_TYPES).toHaveLength(11);
    expect(SERVICE_ITEM_TYPES.map((t) => SERVICE_ITEM_TYPE_LABELS[t])).toEqual([
      '行政许可',
      '行政处罚',
      '行政强制',
      '行政征收',
      '行政给付',
      '行政检查',
      '行政确认',
      '行政奖励',
      '行政裁决',
      '其他行政权力',
      '公共服务',
    ]);
  });
});

describe('complianceViolations', () => {
  it.each<[string, Partial<ServiceItem>, string[]]>([
    ['a compliant item', {}, []],
    ['fully online yet a visit', { onlineDepth: 'FULLY_ONLINE', visits: 1 }, ['FULLY_ONLINE_WITH_VISITS']],
    ['fully online, no visit', { onlineDepth: 'FULLY_ONLINE', visits: 0, visitsReason: null }, []],
    ['a visit with no reason', { visitsReason: '  ' }, ['VISITS_WITHOUT_REASON']],
    ['two visits with no reason', { visits: 2, visitsReason: null }, ['VISITS_WITHOUT_REASON']],
    ['promised exactly 30 % of legal', { legalLimitDays: 20, promisedLimitDays: 6 }, []],
    [
      'promised just above 30 % of legal',
      { legalLimitDays: 20, promisedLimitDays: 7 },
      ['PROMISED_ABOVE_TARGET'],
    ],
    [
      'promised longer than legal',
      { legalLimitDays: 20, promisedLimitDays: 25 },
      ['PROMISED_EXCEEDS_LEGAL', 'PROMISED_ABOVE_TARGET'],
    ],
    ['no legal limit', { legalLimitDays: null, promisedLimitDays: 10 }, []],
    ['a 承诺件 without a promised limit', { promisedLimitDays: null }, ['PROMISED_LIMIT_MISSING']],
    [
      'a 即办件 with a promised time',
      { caseKind: 'IMMEDIATE', legalLimitDays: null, promisedLimitDays: 2 },
      ['IMMEDIATE_WITH_PROMISED_TIME'],
    ],
    ['a 即办件 done at once', { caseKind: 'IMMEDIATE', legalLimitDays: 5, promisedLimitDays: 0 }, []],
    [
      'everything wrong at once',
      {
        onlineDepth: 'FULLY_ONLINE',
        visits: 2,
        visitsReason: '',
        caseKind: 'IMMEDIATE',
        legalLimitDays: 3,
        promisedLimitDays: 4,
      },
      [
        'FULLY_ONLINE_WITH_VISITS',
        'VISITS_WITHOUT_REASON',
        'PROMISED_EXCEEDS_LEGAL',
        'PROMISED_ABOVE_TARGET',
        'IMMEDIATE_WITH_PROMISED_TIME',
      ],
    ],
  ])('%s', (_d, change, codes) => {
    expect(complianceViolations(item({ code: 'x', ...change })).map((v) => v.code)).toEqual(codes);
  });

  it('says what is wrong in Chinese with the figures', () => {
    expect(complianceViolations(item({ code: 'x', legalLimitDays: 20, promisedLimitDays: 7 }))).toEqual([
      {
        code: 'PROMISED_ABOVE_TARGET',
        message: '承诺时限7个工作日超过法定时限的30%（20个工作日×30%=6个工作日）',
      },
    ]);
    expect(complianceViolations(item({ code: 'x', onlineDepth: 'FULLY_ONLINE', visits: 1 }))[0].message).toBe(
      '全程网办事项到现场次数应为0，现为1次',
    );
  });

  it('takes the target ratio as a parameter', () => {
    const seven = item({ code: 'x', legalLimitDays: 20, promisedLimitDays: 7 });
    expect(complianceViolations(seven, { targetRatio: 0.35 })).toEqual([]);
    expect(
      complianceViolations(item({ code: 'x', legalLimitDays: 10, promisedLimitDays: 3 }), {
        targetRatio: 0.25,
      }),
    ).toEqual([
      {
        code: 'PROMISED_ABOVE_TARGET',
        message: '承诺时限3个工作日超过法定时限的25%（10个工作日×25%=2.5个工作日）',
      },
    ]);
    expect(() => complianceViolations(seven, { targetRatio: 1.5 })).toThrow(
      expect.objectContaining({ field: 'targetRatio' }),
    );
  });

  it('refuses bad data naming every field', () => {
    const bad = item({ code: '', type: 'ADMINISTRATIVE_PERMIT' as never, visits: -1, legalLimitDays: 2.5 });
    expect(serviceItemProblems(bad).map((p) => p.field)).toEqual([
      'item.code',
      'item.type',
      'item.visits',
      'item.legalLimitDays',
    ]);
    expect(() => complianceViolations(bad)).toThrow(DomainValidationError);
  });
});

describe('catalogueFigures', () => {
  /** A small hand-made catalogue of eight items. */
  const catalogue: ServiceItem[] = [
    item({ code: 'L1', onlineDepth: 'FULLY_ONLINE', visits: 0, visitsReason: null, highFrequency: true }), // 20/5, 3/8
    item({ code: 'L2', legalLimitDays: 20, promisedLimitDays: 6, materialsNow: 4, materialsBefore: 10 }),
    item({
      code: 'C1',
      type: 'ADMINISTRATIVE_CONFIRMATION',
      onlineDepth: 'OFFLINE',
      visits: 2,
      visitsReason: '现场勘验',
      legalLimitDays: 10,
      promisedLimitDays: 3,
      materialsNow: 5,
      materialsBefore: 10,
    }),
    item({
      code: 'P1',
      type: 'PUBLIC_SERVICE',
      onlineDepth: 'FULLY_ONLINE',
      visits: 0,
      caseKind: 'IMMEDIATE',
      legalLimitDays: null,
      promisedLimitDays: 0,
      materialsNow: 1,
      materialsBefore: 2,
      highFrequency: true,
    }),
    item({
      code: 'F1',
      type: 'ADMINISTRATIVE_PAYMENT',
      caseKind: 'IMMEDIATE',
      legalLimitDays: 5,
      promisedLimitDays: 0,
      materialsNow: null,
      materialsBefore: null,
    }),
    item({
      code: 'X1',
      type: 'ADMINISTRATIVE_PENALTY',
      byApplication: false,
      onlineDepth: 'OFFLINE',
      visits: 0,
      legalLimitDays: 90,
      promisedLimitDays: 30,
      materialsNow: null,
      materialsBefore: null,
    }),
    item({
      code: 'K1',
      type: 'ADMINISTRATIVE_INSPECTION',
      byApplication: false,
      onlineDepth: 'OFFLINE',
      visits: 0,
      caseKind: 'IMMEDIATE',
      legalLimitDays: null,
      promisedLimitDays: null,
      materialsNow: null,
      materialsBefore: null,
    }),
    item({
      code: 'G1',
      type: 'ADMINISTRATIVE_LEVY',
      onlineDepth: 'FULLY_ONLINE',
      visits: 0,
      legalLimitDays: 15,
      promisedLimitDays: 4,
      materialsNow: null,
      materialsBefore: 6,
    }),
  ];

  it('counts and rates the catalogue', () => {
    const f = catalogueFigures(catalogue);
    expect(f.total).toBe(8);
    expect(f.byApplication).toBe(6);
    expect(f.highFrequency).toBe(2);
    // L1 and P1 are high-frequency, by application and need no visit.
    expect(f.highFrequencyAtMostOneTrip).toBe(2);
    const c1 = catalogue.find((i) => i.code === 'C1')!;
    expect(catalogueFigures([{ ...c1, highFrequency: true }]).highFrequencyAtMostOneTrip).toBe(0);
    expect(f.countsByType).toMatchObject({
      ADMINISTRATIVE_LICENSE: 2,
      ADMINISTRATIVE_CONFIRMATION: 1,
      PUBLIC_SERVICE: 1,
      ADMINISTRATIVE_PAYMENT: 1,
      ADMINISTRATIVE_PENALTY: 1,
      ADMINISTRATIVE_INSPECTION: 1,
      ADMINISTRATIVE_LEVY: 1,
      ADMINISTRATIVE_REWARD: 0,
    });
    // L1, P1, G1 fully online among the six by-application items.
    expect(f.fullyOnlineRate).toMatchObject({ numerator: 3, denominator: 6, percent: 50 });
    // All but C1 (two visits).
    expect(f.atMostOneTripRate).toMatchObject({ numerator: 5, denominator: 6, percent: 83.3 });
    // (5 + 6 + 3 + 0 + 30 + 4) ÷ (20 + 20 + 10 + 5 + 90 + 15) = 48 ÷ 160, by-application or not.
    expect(f.promisedToLegalRatio).toMatchObject({ numerator: 48, denominator: 160, percent: 30 });
    expect(f.meetsTimeTarget).toBe(true);
    // 1 − (3 + 4 + 5 + 1) ÷ (8 + 10 + 10 + 2): G1 lacks a count now and is left out.
    expect(f.materialsReduction).toMatchObject({ numerator: 17, denominator: 30, percent: 56.7 });
  });

  it('misses the time target by a day', () => {
    const late = catalogue.map((i) => (i.code === 'G1' ? { ...i, promisedLimitDays: 5 } : i));
    expect(catalogueFigures(late).meetsTimeTarget).toBe(false);
    expect(catalogueFigures(late, { targetRatio: 0.31 }).meetsTimeTarget).toBe(true);
  });

  it('has no rates for an empty catalogue', () => {
    const f = catalogueFigures([]);
    expect(f.fullyOnlineRate).toEqual({ numerator: 0, denominator: 0, fraction: null, percent: null });
    expect(f.meetsTimeTarget).toBeNull();
    expect(f.materialsReduction.percent).toBeNull();
  });

  it('shows a rise in materials as a negative reduction', () => {
    expect(
      catalogueFigures([item({ code: 'a', materialsNow: 6, materialsBefore: 5 })]).materialsReduction.percent,
    ).toBe(-20);
  });

  it('reports every bad row', () => {
    const bad = [
      item({ code: 'ok' }),
      item({ code: 'b1', visits: 1.5 }),
      item({ code: 'b2', onlineDepth: 'ONLINE' as never }),
    ];
    try {
      catalogueFigures(bad);
      throw new Error('not thrown');
    } catch (e) {
      expect((e as DomainValidationError).problems.map((p) => p.field)).toEqual([
        'items[1].visits',
        'items[2].onlineDepth',
      ]);
    }
  });

  it('publishes its formulas', () => {
    expect(CATALOGUE_FIGURE_DEFINITIONS.promisedToLegalRatio.formula).toContain(
      'SUM(promisedLimitDays) ÷ SUM(legalLimitDays)',
    );
    expect(Object.keys(CATALOGUE_FIGURE_DEFINITIONS)).toEqual([
      'countsByType',
      'fullyOnlineRate',
      'highFrequencyAtMostOneTrip',
      'atMostOneTripRate',
      'promisedToLegalRatio',
      'materialsReduction',
    ]);
  });
});
