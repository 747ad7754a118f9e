import { catalogueFigures as domainFigures, type ComplianceCode, type ServiceItem as RuleItem } from '@kpd/domain';
import ExcelJS from 'exceljs';
import { AuditRecord } from '../../core/audit/audit-record.entity';
import { DRIVERS, errorCode, startTestServer, type GraphQLResponse, type TestServer } from '../../testing/harness';
import { Area } from '../../core/areas/area.entity';
import { ServiceItem } from './service-item.entity';

const ITEM_FIELDS = 'id implementationCode name version visits onlineDepth status violations { rule message }';

interface ItemInput {
  basicCode: string;
  implementationCode: string;
  name: string;
  type: string;
  department: string;
  byApplication: boolean;
  onlineDepth: 'FULLY_ONLINE' | 'PARTLY_ONLINE' | 'OFFLINE';
  visits: number;
  visitsReason?: string | null;
  caseKind: 'IMMEDIATE' | 'PROMISED';
  legalLimitDays?: number | null;
  promisedLimitDays?: number | null;
  materialsNow?: number | null;
  materialsBefore?: number | null;
  zoneId?: string | null;
  highFrequency: boolean;
  fee?: string | null;
  legalBasis?: string | null;
  status?: string;
}

const base = (code: string, over: Partial<ItemInput> = {}): ItemInput => ({
  basicCode: '0100105000',
  implementationCode: code,
  name: `事项 ${code}`,
  type: 'ADMINISTRATIVE_LICENSE',
  department: '区住房和城乡建设局',
  byApplication: true,
  onlineDepth: 'FULLY_ONLINE',
  visits: 0,
  visitsReason: null,
  caseKind: 'PROMISED',
  legalLimitDays: 20,
  promisedLimitDays: 5,
  materialsNow: 4,
  materialsBefore: 10,
  highFrequency: false,
  ...over,
});

/** The domain rule's view of an input, to compare the SQL figures with the in-memory definition. */
const ruleOf = (i: ItemInput): RuleItem => ({
  code: i.implementationCode,
  name: i.name,
  type: i.type as RuleItem['type'],
  byApplication: i.byApplication,
  onlineDepth: i.onlineDepth,
  visits: i.visits,
  visitsReason: i.visitsReason ?? null,
  caseKind: i.caseKind,
  legalLimitDays: i.legalLimitDays ?? null,
  promisedLimitDays: i.promisedLimitDays ?? null,
  materialsNow: i.materialsNow ?? null,
  materialsBefore: i.materialsBefore ?? null,
  highFrequency: i.highFrequency,
});

/** A hand-made catalogue covering each figure's edge: no limits, no materials, own-motion items, two+ visits. */
const HAND_MADE: ItemInput[] = [
  base('T-01', { highFrequency: true }),
  base('T-02', { onlineDepth: 'PARTLY_ONLINE', visits: 1, visitsReason: '需现场核验原件', highFrequency: true, legalLimitDays: 15, promisedLimitDays: 3 }),
  base('T-03', { onlineDepth: 'OFFLINE', visits: 2, visitsReason: '需现场勘验', highFrequency: true, legalLimitDays: 30, promisedLimitDays: 9 }),
  base('T-04', { type: 'PUBLIC_SERVICE', caseKind: 'IMMEDIATE', legalLimitDays: 5, promisedLimitDays: 0, materialsNow: 2, materialsBefore: 2 }),
  base('T-05', { type: 'PUBLIC_SERVICE', onlineDepth: 'PARTLY_ONLINE', legalLimitDays: null, promisedLimitDays: null, caseKind: 'IMMEDIATE', materialsNow: null, materialsBefore: null }),
  base('T-06', { type: 'ADMINISTRATIVE_PENALTY', byApplication: false, onlineDepth: 'OFFLINE', visits: 0, legalLimitDays: 60, promisedLimitDays: 18, materialsNow: null, materialsBefore: null }),
  base('T-07', { type: 'ADMINISTRATIVE_INSPECTION', byApplication: false, onlineDepth: 'OFFLINE', caseKind: 'IMMEDIATE', legalLimitDays: null, promisedLimitDays: null, materialsNow: null, materialsBefore: null }),
];

/** One item per compliance rule, and the rules the domain says it breaks. */
const COMPLIANCE_CASES: [string, Partial<ItemInput>, ComplianceCode[]][] = [
  ['fully online but a visit needed', { visits: 1, visitsReason: '需现场签字' }, ['FULLY_ONLINE_WITH_VISITS']],
  ['a visit with no reason', { onlineDepth: 'OFFLINE', visits: 1, visitsReason: null }, ['VISITS_WITHOUT_REASON']],
  ['promised longer than legal', { legalLimitDays: 10, promisedLimitDays: 12 }, ['PROMISED_EXCEEDS_LEGAL', 'PROMISED_ABOVE_TARGET']],
  ['promised above 30% of legal', { legalLimitDays: 10, promisedLimitDays: 4 }, ['PROMISED_ABOVE_TARGET']],
  ['promised exactly 30% of legal is within the target', { legalLimitDays: 10, promisedLimitDays: 3 }, []],
  ['即办件 with a promised time', { caseKind: 'IMMEDIATE', promisedLimitDays: 2 }, ['IMMEDIATE_WITH_PROMISED_TIME']],
  ['承诺件 with no promised time', { promisedLimitDays: null }, ['PROMISED_LIMIT_MISSING']],
  ['two rules at once', { visits: 2, visitsReason: null }, ['FULLY_ONLINE_WITH_VISITS', 'VISITS_WITHOUT_REASON']],
];

async function uploadWorkbook(t: TestServer, token: string, buffer: Buffer): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(buffer)]), '事项.xlsx');
  const res = await fetch(`${t.url}/api/files?purpose=spreadsheet`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const body = (await res.json()) as { id: string };
  expect(res.status).toBe(201);
  return body.id;
}

interface ImportOutcome {
  dryRun: boolean;
  committed: boolean;
  totalRows: number;
  validRows: number;
  created: number;
  updated: number;
  problems: { row: number; column: string; header: string; reason: string }[];
}
const IMPORT = `mutation($d: ID!, $f: ID!, $dry: Boolean!) { importServiceItems(districtId: $d, fileId: $f, dryRun: $dry) {
  dryRun committed totalRows validRows created updated problems { row column header reason } } }`;

async function importSheet(t: TestServer, token: string, districtId: string, buffer: Buffer, dryRun: boolean): Promise<GraphQLResponse<{ importServiceItems: ImportOutcome }>> {
  const fileId = await uploadWorkbook(t, token, buffer);
  return t.gql<{ importServiceItems: ImportOutcome }>(IMPORT, { d: districtId, f: fileId, dry: dryRun }, token);
}

async function download(t: TestServer, path: string, token?: string): Promise<{ status: number; buffer: Buffer }> {
  const res = await fetch(`${t.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, buffer: Buffer.from(await res.arrayBuffer()) };
}

/** The import sheet's header row → column number (required columns' headers end in *). */
function headerColumns(sheet: ExcelJS.Worksheet): Map<string, number> {
  const map = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => map.set(String(cell.value).replace(/\*$/, '').trim(), col));
  return map;
}

describe.each(DRIVERS)('service items [%s]', (driver) => {
  let t: TestServer;
  let ids: Record<string, string>;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestServer(driver);
    const areas = await t.server.db.getRepository(Area).find();
    ids = Object.fromEntries(areas.map((a) => [a.name, String(a.id)]));
    for (const u of ['admin.shenyang', 'admin.sujiatun', 'admin.dadong', 'admin.dalian', 'secretary.lijun', 'analyst']) tokens[u] = await t.login(u);
  });
  afterAll(() => t.close());

  const create = (token: string, districtId: string, input: ItemInput) =>
    t.gql<{ createServiceItem: { id: string; version: number; violations: { rule: string; message: string }[] } }>(
      `mutation($d: ID!, $i: ServiceItemInput!) { createServiceItem(districtId: $d, input: $i) { ${ITEM_FIELDS} } }`,
      { d: districtId, i: input },
      token,
    );

  describe('figures on a hand-made catalogue', () => {
    beforeAll(async () => {
      for (const input of HAND_MADE) {
        const res = await create(tokens['admin.dadong'], ids['大东区'], input);
        expect(res.errors).toBeUndefined();
      }
      // A cancelled item is in the catalogue but in no figure.
      const gone = await create(tokens['admin.dadong'], ids['大东区'], base('T-99', { status: 'CANCELLED', onlineDepth: 'FULLY_ONLINE', highFrequency: true }));
      expect(gone.errors).toBeUndefined();
      const zone = await t.gql<{ saveServiceZone: { id: string; windows: { number: string }[] } }>(
        'mutation($d: ID!, $w: [ServiceWindowInput!]!) { saveServiceZone(districtId: $d, name: "不动产交易服务区", windows: $w) { id windows { number } } }',
        { d: ids['大东区'], w: [{ number: 'A01' }, { number: 'A02' }, { number: 'A03' }] },
        tokens['admin.dadong'],
      );
      expect(zone.data!.saveServiceZone.windows).toHaveLength(3);
      const baseline = await t.gql('mutation($d: ID!) { setServiceBaseline(districtId: $d, takenOn: "2018-06-30", windowsBefore: 12) { windowsBefore } }', { d: ids['大东区'] }, tokens['admin.dadong']);
      expect(baseline.errors).toBeUndefined();
    });

    it('computes in SQL what the domain definition computes in memory', async () => {
      const res = await t.gql<{ serviceCatalogueFigures: Record<string, unknown>[] }>(
        `query($a: ID!) { serviceCatalogueFigures(areaId: $a) { total byApplication highFrequency highFrequencyAtMostOneTrip violating meetsTimeTarget
          fullyOnlineRate { numerator denominator percent } atMostOneTripRate { numerator denominator percent }
          promisedToLegalRatio { numerator denominator percent } materialsReduction { numerator denominator percent }
          windowsBefore windowsNow windowsReduction { numerator denominator percent } } }`,
        { a: ids['大东区'] },
        tokens['admin.dadong'],
      );
      expect(res.errors).toBeUndefined();
      const [row] = res.data!.serviceCatalogueFigures;
      const expected = domainFigures(HAND_MADE.map(ruleOf));
      const strip = (s: { numerator: number; denominator: number; percent: number | null }) => ({ numerator: s.numerator, denominator: s.denominator, percent: s.percent });
      expect(row).toEqual({
        total: expected.total,
        byApplication: expected.byApplication,
        highFrequency: expected.highFrequency,
        highFrequencyAtMostOneTrip: expected.highFrequencyAtMostOneTrip,
        violating: 0,
        meetsTimeTarget: expected.meetsTimeTarget,
        fullyOnlineRate: strip(expected.fullyOnlineRate),
        atMostOneTripRate: strip(expected.atMostOneTripRate),
        promisedToLegalRatio: strip(expected.promisedToLegalRatio),
        materialsReduction: strip(expected.materialsReduction),
        windowsBefore: 12,
        windowsNow: 3,
        windowsReduction: { numerator: 9, denominator: 12, percent: 75 },
      });
      // The same figures written out, so a wrong definition cannot pass by agreeing with itself.
      expect(row).toMatchObject({
        total: 7,
        byApplication: 5,
        highFrequency: 3,
        highFrequencyAtMostOneTrip: 2,
        fullyOnlineRate: { numerator: 2, denominator: 5, percent: 40 },
        atMostOneTripRate: { numerator: 4, denominator: 5, percent: 80 },
        // (5+3+9+0+18) ÷ (20+15+30+5+60) = 35 ÷ 130
        promisedToLegalRatio: { numerator: 35, denominator: 130, percent: 26.9 },
        meetsTimeTarget: true,
        // (10+10+10+2) − (4+4+4+2) = 18 removed of 32
        materialsReduction: { numerator: 18, denominator: 32, percent: 56.3 },
      });
    });

    it('groups by type with every one of the 10+1 types listed', async () => {
      const res = await t.gql<{ serviceCatalogueFigures: { type: string; total: number; byApplication: number }[] }>(
        'query($a: ID!) { serviceCatalogueFigures(areaId: $a, groupBy: TYPE) { type total byApplication } }',
        { a: ids['大东区'] },
        tokens['admin.dadong'],
      );
      const rows = res.data!.serviceCatalogueFigures;
      expect(rows).toHaveLength(11);
      const byType = Object.fromEntries(rows.map((r) => [r.type, r]));
      expect(byType.ADMINISTRATIVE_LICENSE).toEqual({ type: 'ADMINISTRATIVE_LICENSE', total: 3, byApplication: 3 });
      expect(byType.PUBLIC_SERVICE).toEqual({ type: 'PUBLIC_SERVICE', total: 2, byApplication: 2 });
      expect(byType.ADMINISTRATIVE_PENALTY.total).toBe(1);
      expect(byType.ADMINISTRATIVE_REWARD.total).toBe(0);
    });

    it('gives the city one row per district, each inside the viewer’s scope', async () => {
      const city = await t.gql<{ serviceCatalogueFigures: { district: { name: string }; total: number }[] }>(
        'query($a: ID!) { serviceCatalogueFigures(areaId: $a, groupBy: DISTRICT) { district { name } total } }',
        { a: ids['沈阳市'] },
        tokens['admin.shenyang'],
      );
      expect(city.data!.serviceCatalogueFigures).toContainEqual({ district: { name: '大东区' }, total: 7 });
      // Every district of the city has its row, those with no item in use at zero.
      expect(city.data!.serviceCatalogueFigures).toHaveLength(13);
      expect(city.data!.serviceCatalogueFigures).toContainEqual({ district: { name: '新民市' }, total: 0 });
      const other = await t.gql('query($a: ID!) { serviceCatalogueFigures(areaId: $a) { total } }', { a: ids['大东区'] }, tokens['admin.sujiatun']);
      expect(errorCode(other)).toBe('FORBIDDEN');
      expect(other.data).toBeNull();
    });
  });

  describe('compliance', () => {
    const made = new Map<string, { violations: { rule: string; message: string }[] }>();
    beforeAll(async () => {
      for (const [i, [label, over]] of COMPLIANCE_CASES.entries()) {
        const res = await create(tokens['admin.sujiatun'], ids['苏家屯区'], base(`C-${i}`, over));
        expect(res.errors).toBeUndefined();
        made.set(label, res.data!.createServiceItem);
      }
    });

    it.each(COMPLIANCE_CASES)('%s', (label, _over, rules) => {
      const item = made.get(label)!;
      expect(item.violations.map((v) => v.rule).sort()).toEqual([...rules].sort());
      for (const v of item.violations) expect(v.message.length).toBeGreaterThan(4);
    });

    it('filters the catalogue to the items breaking a rule, or any rule', async () => {
      const list = (filter: Record<string, unknown>) =>
        t
          .gql<{ serviceItems: { totalCount: number; nodes: { implementationCode: string }[] } }>(
            'query($f: ServiceItemFilter) { serviceItems(filter: $f, first: 100) { totalCount nodes { implementationCode } } }',
            { f: { areaId: ids['苏家屯区'], ...filter } },
            tokens['admin.sujiatun'],
          )
          .then((r) => r.data!.serviceItems.nodes.map((n) => n.implementationCode).sort());
      const codeOf = (label: string) => `C-${COMPLIANCE_CASES.findIndex((c) => c[0] === label)}`;
      for (const rule of ['FULLY_ONLINE_WITH_VISITS', 'PROMISED_ABOVE_TARGET', 'IMMEDIATE_WITH_PROMISED_TIME'] as ComplianceCode[]) {
        const expected = COMPLIANCE_CASES.filter(([, , rules]) => rules.includes(rule)).map(([label]) => codeOf(label)).sort();
        expect(await list({ violates: [rule] })).toEqual(expected);
      }
      const breaking = COMPLIANCE_CASES.filter(([, , rules]) => rules.length > 0).map(([label]) => codeOf(label)).sort();
      expect(await list({ anyViolation: true })).toEqual(breaking);
      expect(await list({ anyViolation: false })).toEqual([codeOf('promised exactly 30% of legal is within the target')]);
      expect(await list({ search: 'C-3' })).toEqual(['C-3']);
      // LIKE wildcards in the search are literal.
      expect(await list({ search: '%' })).toEqual([]);
      expect(await list({ search: '!' })).toEqual([]);
    });
  });

  describe('writing', () => {
    it('refuses bad input naming each field, and writes nothing', async () => {
      const before = await t.server.db.getRepository(ServiceItem).count();
      const res = await create(tokens['admin.sujiatun'], ids['苏家屯区'], base('BAD-1', { visits: 3, legalLimitDays: -1, name: '' }));
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      const fields = JSON.stringify(res.errors);
      expect(fields).toContain('visits');
      expect(fields).toContain('legalLimitDays');
      expect(fields).toContain('name');

      const zones = await t.gql<{ serviceZones: { id: string }[] }>('query($d: ID!) { serviceZones(districtId: $d) { id } }', { d: ids['大东区'] }, tokens['admin.dadong']);
      const foreignZone = await create(tokens['admin.shenyang'], ids['苏家屯区'], base('BAD-2', { zoneId: zones.data!.serviceZones[0].id }));
      expect(errorCode(foreignZone)).toBe('BAD_USER_INPUT');
      expect(foreignZone.errors![0].extensions!.field).toBe('input.zoneId');

      const fee = await create(tokens['admin.sujiatun'], ids['苏家屯区'], base('BAD-3', { fee: '-1.00' }));
      expect(errorCode(fee)).toBe('BAD_USER_INPUT');
      expect(await t.server.db.getRepository(ServiceItem).count()).toBe(before);

      const dup = await create(tokens['admin.sujiatun'], ids['苏家屯区'], base('C-0'));
      expect(errorCode(dup)).toBe('CONFLICT');
      expect(await t.server.db.getRepository(ServiceItem).count()).toBe(before);
    });

    it('refuses a stale update with CONFLICT and keeps the newer change', async () => {
      const made = await create(tokens['admin.sujiatun'], ids['苏家屯区'], base('V-1'));
      const { id, version } = made.data!.createServiceItem;
      const update = (v: number, name: string) =>
        t.gql<{ updateServiceItem: { name: string; version: number } }>(
          'mutation($id: ID!, $v: Int!, $i: ServiceItemInput!) { updateServiceItem(id: $id, expectedVersion: $v, input: $i) { name version } }',
          { id, v, i: base('V-1', { name }) },
          tokens['admin.sujiatun'],
        );
      // Two editors read version 1 and save at once: exactly one wins.
      const [a, b] = await Promise.all([update(version, '甲的修改'), update(version, '乙的修改')]);
      const wins = [a, b].filter((r) => !r.errors);
      const losses = [a, b].filter((r) => r.errors);
      expect(wins).toHaveLength(1);
      expect(losses.map(errorCode)).toEqual(['CONFLICT']);
      const now = await t.gql<{ serviceItem: { name: string; version: number } }>('query($id: ID!) { serviceItem(id: $id) { name version } }', { id }, tokens['admin.sujiatun']);
      expect(now.data!.serviceItem).toEqual(wins[0].data!.updateServiceItem);
      expect(now.data!.serviceItem.version).toBe(version + 1);
      const audits = await t.server.db.getRepository(AuditRecord).countBy({ action: 'serviceItem.update', entityId: id });
      expect(audits).toBe(1);
    });
  });

  describe('scope', () => {
    let sujiatunItem: string;
    beforeAll(async () => {
      const res = await create(tokens['admin.sujiatun'], ids['苏家屯区'], base('S-1'));
      sujiatunItem = res.data!.createServiceItem.id;
    });

    it('keeps another district’s catalogue out of reach by id, filter, export and writes', async () => {
      const byId = await t.gql('query($id: ID!) { serviceItem(id: $id) { name } }', { id: sujiatunItem }, tokens['admin.dadong']);
      expect(errorCode(byId)).toBe('NOT_FOUND');
      const byFilter = await t.gql('query($a: ID!) { serviceItems(filter: { areaId: $a }) { totalCount } }', { a: ids['苏家屯区'] }, tokens['admin.dadong']);
      expect(errorCode(byFilter)).toBe('FORBIDDEN');
      const unfiltered = await t.gql<{ serviceItems: { nodes: { district: { name: string } }[] } }>(
        '{ serviceItems(first: 100) { nodes { district { name } } } }',
        {},
        tokens['admin.dadong'],
      );
      expect(new Set(unfiltered.data!.serviceItems.nodes.map((n) => n.district.name))).toEqual(new Set(['大东区']));
      expect((await download(t, `/api/service-items/export.xlsx?districtId=${ids['苏家屯区']}`, tokens['admin.dadong'])).status).toBe(404);
      expect((await download(t, `/api/service-items/export.xlsx?districtId=${ids['苏家屯区']}`)).status).toBe(401);

      const write = await create(tokens['admin.dadong'], ids['苏家屯区'], base('S-2'));
      expect(errorCode(write)).toBe('FORBIDDEN');
      const update = await t.gql(
        'mutation($id: ID!, $i: ServiceItemInput!) { updateServiceItem(id: $id, expectedVersion: 1, input: $i) { id } }',
        { id: sujiatunItem, i: base('S-1', { name: '越权修改' }) },
        tokens['admin.dadong'],
      );
      expect(errorCode(update)).toBe('NOT_FOUND');
    });

    it('lets the city admin read every district and non-admins read their scope but not write', async () => {
      const city = await t.gql<{ serviceItem: { name: string } }>('query($id: ID!) { serviceItem(id: $id) { name } }', { id: sujiatunItem }, tokens['admin.shenyang']);
      expect(city.data!.serviceItem.name).toBe('事项 S-1');
      const zhongshan = await create(tokens['admin.dalian'], ids['中山区'], base('Z-1'));
      expect(zhongshan.errors).toBeUndefined();
      // The 中山区 secretary reads 中山区's catalogue and nothing of Shenyang's.
      const secretary = await t.gql<{ serviceItems: { nodes: { implementationCode: string }[] } }>('{ serviceItems(first: 100) { nodes { implementationCode } } }', {}, tokens['secretary.lijun']);
      expect(secretary.data!.serviceItems.nodes).toEqual([{ implementationCode: 'Z-1' }]);
      const write = await create(tokens['secretary.lijun'], ids['中山区'], base('Z-2'));
      expect(errorCode(write)).toBe('FORBIDDEN');
      const analyst = await t.gql<{ serviceItems: { totalCount: number } }>('{ serviceItems { totalCount } }', {}, tokens['analyst']);
      expect(analyst.data!.serviceItems.totalCount).toBe(await t.server.db.getRepository(ServiceItem).countBy({ status: 'IN_USE' as never }));
      const anonymous = await t.gql('{ serviceItems { totalCount } }', {}, null);
      expect(errorCode(anonymous)).toBe('UNAUTHENTICATED');
    });
  });

  describe('import', () => {
    async function workbookOf(rows: (string | number | null)[][]): Promise<Buffer> {
      const template = await download(t, '/api/service-items/template.xlsx');
      expect(template.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(template.buffer as unknown as ArrayBuffer);
      const sheet = wb.getWorksheet('政务服务事项')!;
      const cols = headerColumns(sheet);
      // Drop the example row and write ours in the template's own column order.
      sheet.spliceRows(2, sheet.rowCount);
      const headers = ['基本编码', '实施编码', '事项名称', '事项类型', '实施部门', '依申请', '网办深度', '到现场次数', '到现场理由', '办件类型', '法定时限（工作日）', '承诺时限（工作日）', '受理功能区', '高频事项'];
      rows.forEach((values, i) => {
        const row = sheet.getRow(i + 2);
        values.forEach((v, j) => {
          row.getCell(cols.get(headers[j])!).value = v;
        });
        row.commit();
      });
      return Buffer.from(await wb.xlsx.writeBuffer());
    }

    const good = (code: string, name = `导入事项${code}`): (string | number | null)[] => ['0200100000', code, name, '行政许可', '区市场监督管理局', '是', '全程网办', 0, null, '承诺件', 20, 5, null, '否'];

    it('reports every bad row by row, column and reason, and a refused commit writes nothing', async () => {
      const countBefore = await t.server.db.getRepository(ServiceItem).count();
      const sheet = await workbookOf([
        good('I-1'),
        ['0200100000', 'I-2', '坏类型', '行政许可证', '区市场监督管理局', '是', '全程网办', 0, null, '承诺件', 20, 5, null, '否'],
        ['0200100000', 'I-3', '次数过多', '行政许可', '区市场监督管理局', '是', '线下办理', 5, '需现场', '承诺件', 20, 5, null, '否'],
        good('I-1', '重复编码'),
        ['0200100000', 'I-5', '没有的功能区', '行政许可', '区市场监督管理局', '是', '全程网办', 0, null, '承诺件', 20, 5, '火星服务区', '否'],
      ]);
      for (const dryRun of [true, false]) {
        const res = await importSheet(t, tokens['admin.sujiatun'], ids['苏家屯区'], sheet, dryRun);
        expect(res.errors).toBeUndefined();
        const out = res.data!.importServiceItems;
        expect(out).toMatchObject({ dryRun, committed: false, created: 0, updated: 0, totalRows: 5, validRows: 1 });
        const at = out.problems.map((p) => [p.row, p.header]);
        expect(at).toEqual(expect.arrayContaining([[3, '事项类型'], [4, '到现场次数'], [5, '实施编码'], [6, '受理功能区']]));
        expect(out.problems.every((p) => p.reason.length > 0)).toBe(true);
        expect(out.problems.filter((p) => p.row === 4)).toEqual([expect.objectContaining({ header: '到现场次数', reason: expect.stringMatching(/2/) })]);
      }
      expect(await t.server.db.getRepository(ServiceItem).count()).toBe(countBefore);
      // The dry run and the refused commit are both on the record.
      const actions = (await t.server.db.getRepository(AuditRecord).find()).map((a) => a.action);
      expect(actions).toEqual(expect.arrayContaining(['serviceItem.import.check', 'serviceItem.import.refused']));
    });

    it('imports, then re-imports by implementation code updating instead of duplicating', async () => {
      const first = await importSheet(t, tokens['admin.sujiatun'], ids['苏家屯区'], await workbookOf([good('R-1'), good('R-2'), good('R-3')]), false);
      expect(first.data!.importServiceItems).toMatchObject({ committed: true, created: 3, updated: 0, problems: [] });
      const again = await importSheet(t, tokens['admin.sujiatun'], ids['苏家屯区'], await workbookOf([good('R-1'), good('R-2', '改过名字的事项'), good('R-4')]), false);
      expect(again.data!.importServiceItems).toMatchObject({ committed: true, created: 1, updated: 1, problems: [] });
      const rows = await t.server.db.getRepository(ServiceItem).find({ where: [{ implementationCode: 'R-1' }, { implementationCode: 'R-2' }, { implementationCode: 'R-3' }, { implementationCode: 'R-4' }], order: { implementationCode: 'ASC' } });
      expect(rows.map((r) => [r.implementationCode, r.name, r.version])).toEqual([
        ['R-1', '导入事项R-1', 1],
        ['R-2', '改过名字的事项', 2],
        ['R-3', '导入事项R-3', 1],
        ['R-4', '导入事项R-4', 1],
      ]);
    });

    it('refuses imports into a district outside the admin’s scope', async () => {
      const res = await importSheet(t, tokens['admin.dadong'], ids['苏家屯区'], await workbookOf([good('X-1')]), true);
      expect(errorCode(res)).toBe('FORBIDDEN');
    });
  });
});

describe.each(DRIVERS)('Sujiatun’s demo catalogue [%s]', (driver) => {
  let t: TestServer;
  let sujiatun: string;
  let token: string;
  beforeAll(async () => {
    t = await startTestServer(driver, { seedModules: ['areas', 'accounts', 'service-items'] });
    sujiatun = String((await t.server.db.getRepository(Area).findOneByOrFail({ name: '苏家屯区' })).id);
    token = await t.login('admin.sujiatun');
  });
  afterAll(() => t.close());

  it('matches report 000: 2180 items, 603 by application, 338 fully online, over 150 high-frequency one-trip', async () => {
    const res = await t.gql<{ serviceCatalogueFigures: Record<string, unknown>[] }>(
      `query($a: ID!) { serviceCatalogueFigures(areaId: $a) { total byApplication highFrequencyAtMostOneTrip violating meetsTimeTarget
        fullyOnlineRate { numerator denominator } atMostOneTripRate { numerator denominator }
        promisedToLegalRatio { percent } materialsReduction { percent } windowsBefore windowsNow windowsReduction { percent } } }`,
      { a: sujiatun },
      token,
    );
    const [row] = res.data!.serviceCatalogueFigures as [Record<string, never>];
    expect(row.total).toBe(2180);
    expect(row.byApplication).toBe(603);
    expect(row.fullyOnlineRate).toEqual({ numerator: 338, denominator: 603 });
    // Every by-application item at most one trip, except the few deliberate rule breakers.
    expect(row.highFrequencyAtMostOneTrip).toBeGreaterThan(150);
    expect(row.meetsTimeTarget).toBe(true);
    expect((row.promisedToLegalRatio as { percent: number }).percent).toBeLessThanOrEqual(30);
    expect((row.materialsReduction as { percent: number }).percent).toBeGreaterThanOrEqual(60);
    expect(row).toMatchObject({ windowsBefore: 139, windowsNow: 46, windowsReduction: { percent: 66.9 } });
    expect(row.violating).toBeGreaterThan(0);

    const zones = await t.gql<{ serviceZones: { name: string; itemCount: number }[] }>('query($d: ID!) { serviceZones(districtId: $d) { name itemCount } }', { d: sujiatun }, token);
    expect(zones.data!.serviceZones.map((z) => z.name)).toEqual(['不动产交易服务区', '工程建设项目联合审批区', '市场综合审批服务区', '社会事务综合服务区']);
    expect(zones.data!.serviceZones.every((z) => z.itemCount > 0)).toBe(true);
  });

  it('exports the catalogue; a row edited in the spreadsheet imports back as an update', async () => {
    const exported = await download(t, `/api/service-items/export.xlsx?districtId=${sujiatun}`, token);
    expect(exported.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.buffer as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('政务服务事项')!;
    expect(sheet.actualRowCount - 1).toBe(2192); // 2180 in use and 12 cancelled
    const cols = headerColumns(sheet);
    const row = sheet.getRow(2);
    const code = String(row.getCell(cols.get('实施编码')!).value);
    row.getCell(cols.get('事项名称')!).value = '在表格中改过的事项名称';
    row.commit();
    const edited = Buffer.from(await wb.xlsx.writeBuffer());

    const dry = await importSheet(t, token, sujiatun, edited, true);
    expect(dry.data!.importServiceItems).toMatchObject({ dryRun: true, committed: false, totalRows: 2192, validRows: 2192, problems: [] });
    const commit = await importSheet(t, token, sujiatun, edited, false);
    expect(commit.data!.importServiceItems).toMatchObject({ committed: true, created: 0, updated: 1, problems: [] });
    const item = await t.server.db.getRepository(ServiceItem).findOneByOrFail({ districtId: Number(sujiatun), implementationCode: code });
    expect(item).toMatchObject({ name: '在表格中改过的事项名称', version: 2 });
    expect(await t.server.db.getRepository(ServiceItem).countBy({ districtId: Number(sujiatun) })).toBe(2192);
  });
});
