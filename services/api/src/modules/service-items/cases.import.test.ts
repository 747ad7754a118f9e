import { AuditRecord } from '../../core/audit/audit-record.entity';
import { Area } from '../../core/areas/area.entity';
import { DRIVERS, errorCode, startTestServer, uploadSpreadsheet, type TestServer } from '../../testing/harness';
import { ServiceCase } from './service-case.entity';
import { licenceItem, SHORT_GUIDE } from './testkit';

const ITEM = { ...licenceItem('食品经营许可（导入测试）'), implementationCode: 'CASE-IMP-1' };
const GUIDE = SHORT_GUIDE;
const IMPORT = `mutation($d: ID!, $f: ID!, $dry: Boolean!) { importServiceCases(districtId: $d, fileId: $f, dryRun: $dry) {
  dryRun committed totalRows validRows created updated problems { row column header reason } } }`;
const HEADER = '办件编号,事项实施编码,申请人类型,申请渠道,收件时间,受理时间,办结时间,送达时间,办理结果,实际跑动次数,受理窗口,暂停计时';
const csv = (...rows: string[]) => Buffer.from(`\uFEFF${HEADER}\r\n${rows.join('\r\n')}\r\n`, 'utf8');

type Result = {
  importServiceCases: {
    committed: boolean;
    totalRows: number;
    validRows: number;
    created: number;
    updated: number;
    problems: Array<{ row: number; column: string; header: string; reason: string }>;
  };
};

describe.each(DRIVERS)('importing cases from the window system [%s]', (driver) => {
  let t: TestServer;
  let sujiatun: string;
  let token: string;

  beforeAll(async () => {
    t = await startTestServer(driver);
    const areas = await t.server.db.getRepository(Area).find();
    sujiatun = String(areas.find((a) => a.name === '苏家屯区')!.id);
    token = await t.login('admin.sujiatun');
    const item = await t.gql<{ createServiceItem: { id: string } }>(
      'mutation($d: ID!, $i: ServiceItemInput!) { createServiceItem(districtId: $d, input: $i) { id } }',
      { d: sujiatun, i: ITEM },
      token,
    );
    expect((await t.gql('mutation($id: ID!, $i: ServiceGuideInput!) { saveServiceGuide(itemId: $id, input: $i) { version } }', { id: item.data!.createServiceItem.id, i: GUIDE }, token)).errors).toBeUndefined();
    expect(
      (await t.gql('mutation($d: ID!) { saveServiceZone(districtId: $d, name: "市场综合审批服务区", windows: [{ number: "C03" }]) { id } }', { d: sujiatun }, token)).errors,
    ).toBeUndefined();
  });
  afterAll(() => t.close());

  const run = async (file: Buffer, dryRun: boolean, name = '办件导出.csv') =>
    t.gql<Result>(IMPORT, { d: sujiatun, f: await uploadSpreadsheet(t, token, file, name), dry: dryRun }, token);

  it('lists every bad row of a CSV by row, column and reason, and writes nothing', async () => {
    const file = csv(
      'SJT-I-1,CASE-IMP-1,法人或其他组织,窗口办理,2020-09-14 08:50,2020-09-14 09:00,2020-09-18 15:00,,准予,1,C03,',
      'SJT-I-2,NO-SUCH-ITEM,自然人,网上办理,2020-09-14 08:50,2020-09-14 09:00,,,,0,,',
      'SJT-I-3,CASE-IMP-1,自然人,窗口办理,2020-09-14 08:50,2020-09-14 09:00,2020-09-11 09:00,,准予,1,C99,',
      'SJT-I-1,CASE-IMP-1,自然人,窗口办理,2020-09-14 08:50,2020-09-14 09:00,,,,1,,',
      'SJT-I-5,CASE-IMP-1,自然人,窗口办理,2020-09-14 08:50,2020-09-14 09:00,2020-09-28 09:00,,准予,1,,专家评审 2020-09-15~2020-09-16',
      'SJT-I-6,CASE-IMP-1,自然人,柜台,2020-09-14 8点,2020-09-14 09:00,,,,1,,现场核查 9月15日',
    );
    for (const dryRun of [true, false]) {
      const res = await run(file, dryRun);
      expect(res.errors).toBeUndefined();
      const r = res.data!.importServiceCases;
      expect(r).toMatchObject({ committed: false, totalRows: 6, created: 0 });
      expect(r.problems.map((p) => [p.row, p.column, p.header])).toEqual([
        [3, 'B', '事项实施编码'],
        [4, 'G', '办结时间'],
        [4, 'K', '受理窗口'],
        [5, 'A', '办件编号'],
        [6, 'L', '暂停计时'],
        [7, 'D', '申请渠道'],
        [7, 'E', '收件时间'],
        [7, 'L', '暂停计时'],
      ]);
      expect(r.problems.find((p) => p.row === 4 && p.column === 'G')!.reason).toBe('办结时间不能早于受理时间');
      expect(r.problems.find((p) => p.row === 6)!.reason).toContain('专家评审');
    }
    expect(await t.server.db.getRepository(ServiceCase).count()).toBe(0);
    const audits = await t.server.db.getRepository(AuditRecord).findBy({ entityType: 'ServiceCases' });
    expect(audits.map((a) => a.action)).toEqual(['serviceCase.import.check', 'serviceCase.import.refused']);
  });

  it('adds new case numbers, updates known ones, and counts their handling time', async () => {
    const first = await run(
      csv(
        'SJT-I-1,CASE-IMP-1,法人或其他组织,窗口办理,2020-09-14 08:50,2020-09-14 09:00,2020-09-24 15:00,2020-09-24 16:00,准予,1,C03,现场核查 2020-09-16~2020-09-18',
        'SJT-I-2,CASE-IMP-1,自然人,网上办理,2020-09-21 10:00,2020-09-21 10:30,,,,0,,',
      ),
      false,
    );
    expect(first.data!.importServiceCases).toMatchObject({ committed: true, created: 2, updated: 0, problems: [] });
    // The next export: the pending one decided since.
    const next = await run(csv('SJT-I-2,CASE-IMP-1,自然人,网上办理,2020-09-21 10:00,2020-09-21 10:30,2020-09-23 11:00,,准予,0,,'), false);
    expect(next.data!.importServiceCases).toMatchObject({ committed: true, created: 0, updated: 1 });
    const cases = await t.gql<{ serviceCases: { nodes: Array<Record<string, unknown>> } }>(
      '{ serviceCases { nodes { caseNo handlingDays pausedDays onTime window { number } acceptedAt } } }',
      {},
      token,
    );
    expect(cases.data!.serviceCases.nodes).toEqual([
      { caseNo: 'SJT-I-2', handlingDays: 2, pausedDays: 0, onTime: true, window: null, acceptedAt: '2020-09-21T02:30:00.000Z' },
      { caseNo: 'SJT-I-1', handlingDays: 5, pausedDays: 3, onTime: true, window: { number: 'C03' }, acceptedAt: '2020-09-14T01:00:00.000Z' },
    ]);
  });

  it('reads the .xlsx template, and refuses other districts and analysts', async () => {
    const template = Buffer.from(await (await fetch(`${t.url}/api/service-items/cases-template.xlsx`)).arrayBuffer());
    const res = await run(template, true, '办件导入模板.xlsx');
    // The example names an item this district does not have.
    expect(res.data!.importServiceCases.problems.map((p) => [p.row, p.header])).toEqual([[2, '事项实施编码']]);
    const dadong = await t.login('admin.dadong');
    const file = await uploadSpreadsheet(t, dadong, csv('X,CASE-IMP-1,自然人,窗口办理,2020-09-14 08:50,2020-09-14 09:00,,,,1,,'), 'x.csv');
    expect(errorCode(await t.gql(IMPORT, { d: sujiatun, f: file, dry: true }, dadong))).toBe('FORBIDDEN');
  });
});
