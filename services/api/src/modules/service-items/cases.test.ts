import { nearestRankPercentile } from '@kpd/domain';
import { AuditRecord } from '../../core/audit/audit-record.entity';
import { Area } from '../../core/areas/area.entity';
import { DRIVERS, errorCode, startTestServer, type TestServer } from '../../testing/harness';
import { ServiceCase } from './service-case.entity';
import { licenceItem, SHORT_GUIDE } from './testkit';

const ITEM = licenceItem('食品经营许可（办件测试）');
const GUIDE = SHORT_GUIDE;
const RECORD =
  'mutation($i: ServiceCaseInput!) { recordServiceCase(input: $i) { id handlingDays pausedDays onTime promisedDays pauseList { name from to } item { name } } }';
const FIGURES = `query($f: ServiceCaseFilter, $g: ServiceCaseGrouping!, $m: Int) { serviceCaseFigures(filter: $f, groupBy: $g, minSample: $m) {
  cases decided minSample sampleTooSmall onlineShare { numerator denominator percent } onTimeShare { numerator denominator percent }
  medianDays p90Days medianPercentOfPromised p90PercentOfPromised visitsPerCase item { id } zone { name } district { name } } }`;

type Figures = {
  serviceCaseFigures: Array<
    Record<string, unknown> & {
      cases: number;
      decided: number;
      sampleTooSmall: boolean;
      medianDays: number | null;
      p90Days: number | null;
      onTimeShare: { numerator: number; denominator: number } | null;
    }
  >;
};

const sh = (local: string) => `${local}+08:00`;
/** A case accepted on Monday 2020-09-14 09:00 and decided `days` working days later (no holidays in 09-14 … 09-25). */
const caseInput = (itemId: string, caseNo: string, over: Record<string, unknown> = {}) => ({
  itemId,
  caseNo,
  applicantType: 'ORGANIZATION',
  channel: 'WINDOW',
  receivedAt: sh('2020-09-14T08:50:00'),
  acceptedAt: sh('2020-09-14T09:00:00'),
  decidedAt: sh('2020-09-18T15:00:00'),
  deliveredAt: null,
  outcome: 'APPROVED',
  visits: 1,
  pauses: [],
  ...over,
});
const decidedAfter = (days: number) => {
  const dates = [
    '2020-09-14',
    '2020-09-15',
    '2020-09-16',
    '2020-09-17',
    '2020-09-18',
    '2020-09-21',
    '2020-09-22',
    '2020-09-23',
    '2020-09-24',
    '2020-09-25',
    '2020-09-27',
    '2020-09-28',
  ];
  return sh(`${dates[days]}T15:00:00`);
};

describe.each(DRIVERS)('service cases [%s]', (driver) => {
  let t: TestServer;
  let ids: Record<string, string>;
  const tokens: Record<string, string> = {};
  let itemId: string;

  beforeAll(async () => {
    t = await startTestServer(driver);
    const areas = await t.server.db.getRepository(Area).find();
    ids = Object.fromEntries(areas.map((a) => [a.name, String(a.id)]));
    for (const u of ['admin.shenyang', 'admin.sujiatun', 'admin.dadong', 'analyst'])
      tokens[u] = await t.login(u);
    const item = await t.gql<{ createServiceItem: { id: string } }>(
      'mutation($d: ID!, $i: ServiceItemInput!) { createServiceItem(districtId: $d, input: $i) { id } }',
      { d: ids['苏家屯区'], i: { ...ITEM, implementationCode: 'CASE-1' } },
      tokens['admin.sujiatun'],
    );
    itemId = item.data!.createServiceItem.id;
    const guide = await t.gql(
      'mutation($id: ID!, $i: ServiceGuideInput!) { saveServiceGuide(itemId: $id, input: $i) { version } }',
      { id: itemId, i: GUIDE },
      tokens['admin.sujiatun'],
    );
    expect(guide.errors).toBeUndefined();
  });
  afterAll(() => t.close());

  const record = (input: Record<string, unknown>, token = tokens['admin.sujiatun']) =>
    t.gql<{
      recordServiceCase: {
        id: string;
        handlingDays: number | null;
        pausedDays: number | null;
        onTime: boolean | null;
        promisedDays: number;
      };
    }>(RECORD, { i: input }, token);

  it('records a case with its handling time in working days, minus the pause the guide allows, and audits it', async () => {
    const res = await record(
      caseInput(itemId, 'T-1', {
        decidedAt: decidedAfter(8),
        pauses: [{ name: '现场核查', from: '2020-09-16', to: '2020-09-18' }],
      }),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.recordServiceCase).toMatchObject({
      handlingDays: 5,
      pausedDays: 3,
      onTime: true,
      promisedDays: 5,
      item: { name: ITEM.name },
    });
    expect(
      await t.server.db
        .getRepository(AuditRecord)
        .countBy({ action: 'serviceCase.create', entityId: res.data!.recordServiceCase.id }),
    ).toBe(1);
    const dup = await record(caseInput(itemId, 'T-1'));
    expect(errorCode(dup)).toBe('CONFLICT');
  });

  it('refuses times out of order and pauses the guide does not allow, naming each field, and writes nothing', async () => {
    const before = await t.server.db.getRepository(ServiceCase).count();
    const bad = await record(
      caseInput(itemId, 'T-2', {
        decidedAt: sh('2020-09-11T10:00:00'),
        pauses: [{ name: '补正材料', from: '2020-09-15', to: '2020-09-15' }],
      }),
    );
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    const problems = (bad.errors![0].extensions as { problems: { field: string; reason: string }[] })
      .problems;
    expect(problems.map((p) => p.field)).toEqual([
      'input.decidedAt',
      'input.pauses[0].name',
      'input.pauses[0].from',
    ]);
    expect(problems[0].reason).toMatch(/办结时间不能早于受理时间/);
    const noOutcome = await record(caseInput(itemId, 'T-3', { outcome: null }));
    expect((noOutcome.errors![0].extensions as { field: string }).field).toBe('input.outcome');
    expect(await t.server.db.getRepository(ServiceCase).count()).toBe(before);
  });

  it('keeps cases to the district: another district’s admin cannot write or read them, an analyst cannot write', async () => {
    expect(errorCode(await record(caseInput(itemId, 'T-4'), tokens['admin.dadong']))).toBe('NOT_FOUND');
    expect(errorCode(await record(caseInput(itemId, 'T-4'), tokens['analyst']))).toBe('FORBIDDEN');
    const list = await t.gql<{ serviceCases: { totalCount: number } }>(
      '{ serviceCases { totalCount } }',
      {},
      tokens['admin.dadong'],
    );
    expect(list.data!.serviceCases.totalCount).toBe(0);
    const figures = await t.gql(
      FIGURES,
      { f: { areaId: ids['苏家屯区'] }, g: 'NONE' },
      tokens['admin.dadong'],
    );
    expect(errorCode(figures)).toBe('FORBIDDEN');
    const city = await t.gql<{ serviceCases: { totalCount: number } }>(
      '{ serviceCases { totalCount } }',
      {},
      tokens['admin.shenyang'],
    );
    expect(city.data!.serviceCases.totalCount).toBeGreaterThan(0);
  });

  it('computes the figures in the database as the domain defines them, and withholds rates below the minimum sample', async () => {
    // 24 more decided cases with known handling days (0…11, twice), one pending, a few online.
    const handling: number[] = [5]; // T-1
    for (let k = 0; k < 24; k++) {
      const days = k % 12;
      handling.push(days);
      const res = await record(
        caseInput(itemId, `F-${k}`, {
          decidedAt: decidedAfter(days),
          channel: k % 4 === 0 ? 'ONLINE' : 'WINDOW',
          visits: k % 4 === 0 ? 0 : 1,
        }),
      );
      expect(res.errors).toBeUndefined();
    }
    expect(
      (await record(caseInput(itemId, 'F-pending', { decidedAt: null, outcome: null }))).errors,
    ).toBeUndefined();
    const sorted = [...handling].sort((a, b) => a - b);
    const res = await t.gql<Figures>(FIGURES, { f: { itemId }, g: 'ITEM', m: 20 }, tokens['admin.sujiatun']);
    expect(res.errors).toBeUndefined();
    const [row] = res.data!.serviceCaseFigures;
    expect(row).toMatchObject({ cases: 26, decided: 25, sampleTooSmall: false, item: { id: itemId } });
    expect(row.medianDays).toBe(nearestRankPercentile(sorted, 50));
    expect(row.p90Days).toBe(nearestRankPercentile(sorted, 90));
    expect(row.onTimeShare).toEqual({
      numerator: sorted.filter((d) => d <= 5).length,
      denominator: 25,
      percent: expect.any(Number),
    });
    expect(row.medianPercentOfPromised).toBe((nearestRankPercentile(sorted, 50)! * 100) / 5);
    expect(row.onlineShare).toMatchObject({ numerator: 6, denominator: 26 });

    const strict = await t.gql<Figures>(
      FIGURES,
      { f: { itemId }, g: 'ITEM', m: 30 },
      tokens['admin.sujiatun'],
    );
    expect(strict.data!.serviceCaseFigures[0]).toMatchObject({
      cases: 26,
      sampleTooSmall: true,
      medianDays: null,
      onTimeShare: null,
      onlineShare: null,
    });
    const byDistrict = await t.gql<Figures>(
      FIGURES,
      { f: { areaId: ids['沈阳市'] }, g: 'DISTRICT' },
      tokens['admin.shenyang'],
    );
    // Every district of 沈阳市 has a row; only 苏家屯区 has cases, the others read 0 with no rate.
    const rows = byDistrict.data!.serviceCaseFigures.map((r) => ({ name: (r.district as { name: string }).name, cases: r.cases, onlineShare: r.onlineShare }));
    expect(rows).toHaveLength(13);
    expect(rows[0]).toMatchObject({ name: '苏家屯区' });
    expect(rows[0].cases).toBeGreaterThan(0);
    expect(rows.slice(1).every((r) => r.cases === 0 && r.onlineShare === null)).toBe(true);
    expect(rows.map((r) => r.name)).toEqual(expect.arrayContaining(['和平区', '沈河区', '新民市']));
    const late = await t.gql<{ serviceCases: { totalCount: number } }>(
      'query($f: ServiceCaseFilter) { serviceCases(filter: $f) { totalCount } }',
      { f: { itemId, late: true } },
      tokens['admin.sujiatun'],
    );
    expect(late.data!.serviceCases.totalCount).toBe(sorted.filter((d) => d > 5).length);
  });
});

describe('the demo cases', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('sqlite', { seedModules: ['areas', 'accounts', 'service-items'] });
  });
  afterAll(() => t.close());

  it('give 苏家屯区 a year of cases: most on time, some late, medians as the domain computes them, a few items with too few cases', async () => {
    const token = await t.login('admin.sujiatun');
    const res = await t.gql<Figures>(
      FIGURES,
      { f: { from: '2019-10-01', to: '2020-09-30' }, g: 'ITEM' },
      token,
    );
    expect(res.errors).toBeUndefined();
    const rows = res.data!.serviceCaseFigures;
    expect(rows.length).toBeGreaterThan(150);
    const measured = rows.filter((r) => !r.sampleTooSmall);
    expect(rows.some((r) => r.sampleTooSmall)).toBe(true);
    const onTime = measured.reduce((s, r) => s + r.onTimeShare!.numerator, 0);
    const timed = measured.reduce((s, r) => s + r.onTimeShare!.denominator, 0);
    expect(onTime / timed).toBeGreaterThan(0.85);
    expect(onTime / timed).toBeLessThan(0.97);
    // One item's median checked against the rows themselves.
    const busiest = measured[0];
    const cases = await t.server.db
      .getRepository(ServiceCase)
      .find({ where: { itemId: Number((busiest.item as { id: string }).id) } });
    const days = cases
      .map((c) => c.handlingDays)
      .filter((d): d is number => d !== null)
      .sort((a, b) => a - b);
    expect(busiest.medianDays).toBe(nearestRankPercentile(days, 50));
    expect(busiest.p90Days).toBe(nearestRankPercentile(days, 90));
  });
});
