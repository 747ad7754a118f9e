import ExcelJS from 'exceljs';
import { AuditRecord } from '../audit/audit-record.entity';
import { DRIVERS, startTestServer, type TestServer } from '../../testing/harness';
import { bool, CellError, choice, date, dateTime, integer, money, period, text, type Column, type SheetSpec } from './columns';
import { chunks, duplicateKeyProblems, ImportRowError, runImport } from './import';
import { readSheet, templateSheet, writeSheet } from './sheet';

type Parse = (v: string | number | boolean | Date) => unknown;
const parser = (c: Column<Record<string, unknown>>) => c.parse as Parse;

describe('cell parsers', () => {
  const m = parser(money<Record<string, unknown>, 'a'>('a', { header: '金额' }));
  it.each<[string | number, bigint]>([
    [1234.56, 123456n],
    ['1234.56', 123456n],
    ['1,234.5', 123450n],
    [0.1, 10n],
    [930000000, 93000000000n],
    [1e-2, 1n],
  ])('money %p → %p fen', (cell, fen) => expect(m(cell)).toBe(fen));

  it.each<[string | number, RegExp]>([
    [1234.567, /两位小数/],
    ['12元', /两位小数/],
    [-5, /不能为负/],
    [Number('1e22'), /过大/],
  ])('money refuses %p', (cell, reason) => expect(() => m(cell)).toThrow(reason));

  const p = parser(period<Record<string, unknown>, 'a'>('a', { header: '月份' }));
  it.each<[string | Date, string]>([
    ['2020-09', '2020-09'],
    ['2020/9', '2020-09'],
    ['2020年9月', '2020-09'],
    [new Date(Date.UTC(2020, 8, 1)), '2020-09'],
  ])('period %p → %s', (cell, out) => expect(p(cell)).toBe(out));
  it.each(['2020-13', '九月', '20-09'])('period refuses %p', (cell) => expect(() => p(cell)).toThrow(CellError));

  const d = parser(date<Record<string, unknown>, 'a'>('a', { header: '日期' }));
  it.each<[string | Date, string]>([
    ['2020-09-30', '2020-09-30'],
    ['2020/09/30', '2020-09-30'],
    [new Date(Date.UTC(2020, 9, 1)), '2020-10-01'],
  ])('date %p → %s', (cell, out) => expect(d(cell)).toBe(out));
  it.each(['2020-02-30', '30/09/2020'])('date refuses %p', (cell) => expect(() => d(cell)).toThrow(CellError));

  const b = parser(bool<Record<string, unknown>, 'a'>('a', { header: '是否' }));
  it.each<[string | boolean | number, boolean]>([
    ['是', true],
    ['否', false],
    ['Y', true],
    ['n', false],
    [true, true],
    [0, false],
  ])('boolean %p → %p', (cell, out) => expect(b(cell)).toBe(out));
  it('boolean refuses 也许', () => expect(() => b('也许')).toThrow(/是.*否/));

  const i = parser(integer<Record<string, unknown>, 'a'>('a', { header: '天数', min: 0, max: 365 }));
  it.each<[string | number, number]>([
    [20, 20],
    ['20', 20],
  ])('integer %p → %p', (cell, out) => expect(i(cell)).toBe(out));
  it.each<[string | number, RegExp]>([
    [2.5, /整数/],
    ['二十', /整数/],
    [-1, /不能小于/],
    [400, /不能大于/],
  ])('integer refuses %p', (cell, reason) => expect(() => i(cell)).toThrow(reason));

  const c = parser(choice<Record<string, unknown>, 'a'>('a', { header: '类别', labels: { INDUSTRIAL: '工业项目', SOCIAL: '社会事业项目' } }));
  it.each([
    ['工业项目', 'INDUSTRIAL'],
    ['SOCIAL', 'SOCIAL'],
  ])('choice %p → %p', (cell, out) => expect(c(cell)).toBe(out));
  it('choice refuses an unknown label, listing the allowed ones', () => expect(() => c('农业')).toThrow(/工业项目、社会事业项目/));

  const dt = parser(dateTime<Record<string, unknown>, 'a'>('a', { header: '受理时间' }));
  it.each<[string | Date, string]>([
    ['2020-09-14 09:05', '2020-09-14T01:05:00.000Z'],
    ['2020/9/14 9:05:30', '2020-09-14T01:05:30.000Z'],
    ['2020-09-14', '2020-09-13T16:00:00.000Z'],
    [new Date(Date.UTC(2020, 8, 14, 9, 5)), '2020-09-14T01:05:00.000Z'],
  ])('dateTime %p on China’s clock → %p', (cell, out) => expect((dt(cell) as Date).toISOString()).toBe(out));
  it.each(['2020-02-30 09:00', '2020-09-14 24:00', '9月14日', '2020-09-14 09:60'])('dateTime refuses %p', (cell) =>
    expect(() => dt(cell)).toThrow(/不是时间/),
  );

  const t = parser(text<Record<string, unknown>, 'a'>('a', { header: '名称', max: 5 }));
  it('text trims and limits length', () => {
    expect(t('  桃李面包 ')).toBe('桃李面包');
    expect(() => t('恒力石化2000万吨')).toThrow(/最多 5 个字/);
  });
});

interface PlanRow {
  code: string;
  name: string;
  period: string;
  amount: bigint;
  keyPush: boolean | null;
}
const spec: SheetSpec<PlanRow> = {
  name: '月度计划',
  columns: [
    text<PlanRow, 'code'>('code', { header: '项目编码', required: true, max: 32 }),
    text<PlanRow, 'name'>('name', { header: '项目名称', required: true, max: 100 }),
    period<PlanRow, 'period'>('period', { header: '月份', required: true }),
    money<PlanRow, 'amount'>('amount', { header: '计划投资（元）', required: true }),
    bool<PlanRow, 'keyPush'>('keyPush', { header: '重点推进' }),
  ],
};

async function sheetWith(headers: string[], rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('月度计划');
  ws.addRow(['苏家屯区 2020 年重点项目月度计划']); // a title row above the headers
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('reading and writing sheets', () => {
  it('reports every bad cell with its row, column and header, and keeps the good rows', async () => {
    const buffer = await sheetWith(
      ['备注', '项目名称', '项目编码', '月份', '计划投资（元）'],
      [
        ['', '桃李面包', 'SJT-001', '2020-09', 15000000],
        ['', '达利食品', '', '2020-13', 'abc'],
        [],
        ['', '苏宁易购', 'SJT-003', '2020-09', -1],
        ['x', '航空生物联仪', 'SJT-004', new Date(Date.UTC(2020, 8, 1)), '2000000.50'],
      ],
    );
    const read = await readSheet(buffer, spec);
    expect(read.totalRows).toBe(4);
    expect(read.rows.map((r) => [r.rowNumber, r.values.code, r.values.amount])).toEqual([
      [3, 'SJT-001', 1500000000n],
      [7, 'SJT-004', 200000050n],
    ]);
    expect(read.problems).toEqual([
      { row: 4, column: 'C', header: '项目编码', reason: '必填 (required)' },
      { row: 4, column: 'D', header: '月份', reason: expect.stringMatching(/不是年月/) },
      { row: 4, column: 'E', header: '计划投资（元）', reason: expect.stringMatching(/两位小数/) },
      { row: 6, column: 'E', header: '计划投资（元）', reason: expect.stringMatching(/不能为负/) },
    ]);
    expect(read.locate('amount')).toEqual({ column: 'E', header: '计划投资（元）' });
  });

  it('names a missing required column once', async () => {
    const read = await readSheet(await sheetWith(['项目编码', '项目名称'], [['SJT-001', '桃李面包']]), spec);
    expect(read.problems.map((p) => p.header)).toEqual(['月份', '计划投资（元）']);
    expect(read.problems[0].reason).toMatch(/缺少必填列/);
  });

  it('reads a CSV export as one sheet, its records numbered as rows', async () => {
    const csv = '\uFEFF项目编码,项目名称,月份,计划投资（元）\r\nSJT-001,"桃李面包,一期",2020-09,1500.5\r\nSJT-002,达利食品,2020-13,abc\r\n';
    const read = await readSheet(Buffer.from(csv, 'utf8'), spec);
    expect(read.rows.map((r) => [r.rowNumber, r.values.name, r.values.amount])).toEqual([[2, '桃李面包,一期', 150050n]]);
    expect(read.problems.map((p) => [p.row, p.column, p.header])).toEqual([
      [3, 'C', '月份'],
      [3, 'D', '计划投资（元）'],
    ]);
  });

  it('refuses a file that is neither a workbook nor CSV text', async () => {
    const read = await readSheet(Buffer.from([0x00, 0x01, 0xff, 0xfe]), spec);
    expect(read.problems).toEqual([{ row: 0, column: '', header: '', reason: expect.stringMatching(/CSV/) }]);
    const broken = await readSheet(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x01, 0x02]), spec);
    expect(broken.problems).toEqual([{ row: 0, column: '', header: '', reason: expect.stringMatching(/不是有效的 \.xlsx/) }]);
  });

  it('refuses sheets over the row limit', async () => {
    const rows = Array.from({ length: 12 }, (_, i) => ['', `项目${i}`, `C${i}`, '2020-09', 1]);
    const read = await readSheet(await sheetWith(['备注', '项目名称', '项目编码', '月份', '计划投资（元）'], rows), { ...spec, maxRows: 10 });
    expect(read.problems.at(-1)!.reason).toMatch(/超过 10 行/);
  });

  it('round-trips: what an export writes imports back to the same values', async () => {
    const rows: PlanRow[] = [
      { code: 'SJT-001', name: '桃李面包', period: '2020-09', amount: 1500000000n, keyPush: true },
      { code: 'SJT-002', name: '达利食品', period: '2020-10', amount: 123456n, keyPush: false },
      { code: 'SJT-003', name: '恒大文化旅游城', period: '2020-11', amount: 999999999999n, keyPush: null },
    ];
    const read = await readSheet(await writeSheet(spec, rows), spec);
    expect(read.problems).toEqual([]);
    expect(read.rows.map((r) => r.values)).toEqual(rows);
  });

  it('makes a template with required marks, notes and drop-downs that reads back its examples', async () => {
    const example: PlanRow = { code: 'SJT-001', name: '桃李面包', period: '2020-09', amount: 1500000000n, keyPush: true };
    const buffer = await templateSheet(spec, [example]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('月度计划')!;
    expect(ws.getRow(1).getCell(1).value).toBe('项目编码*');
    expect(String(ws.getRow(1).getCell(1).note ?? '')).toMatch(/必填/);
    expect(ws.getCell('E2').dataValidation?.type).toBe('list');
    expect((await readSheet(buffer, spec)).rows.map((r) => r.values)).toEqual([example]);
  });

  it('finds duplicate keys and splits work into chunks', () => {
    const rows = [1, 2, 3, 4].map((n) => ({ rowNumber: n + 1, values: { code: n === 4 ? 'A' : String.fromCharCode(64 + n) } }));
    expect(duplicateKeyProblems(rows, (r) => r.code, { column: 'A', header: '项目编码' })).toEqual([
      { row: 5, column: 'A', header: '项目编码', reason: '与第 2 行重复 (duplicates row 2)' },
    ]);
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  });
});

describe.each(DRIVERS)('the import flow [%s]', (driver) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(driver);
  });
  afterAll(() => t.close());

  const good = () =>
    writeSheet(
      spec,
      Array.from({ length: 2200 }, (_, i) => ({ code: `SJT-${String(i).padStart(4, '0')}`, name: `项目${i}`, period: '2020-09', amount: BigInt(i) * 100n, keyPush: i % 2 === 0 })),
    );
  // The rows land in the audit table: a real table, in the same transaction as everything else.
  const commit = async (tx: Parameters<Parameters<typeof runImport<PlanRow>>[1]['commit']>[0], rows: { rowNumber: number; values: PlanRow }[]) => {
    for (const part of chunks(rows)) {
      await tx.em.insert(
        AuditRecord,
        part.map((r) => ({ action: 'test.row', entityType: 'PlanRow', entityId: r.values.code, actorUserId: null, actorUsername: null, areaId: null, before: null, after: null, requestId: null })),
      );
    }
    return { created: rows.length, updated: 0 };
  };
  const rowsWritten = () => t.server.db.getRepository(AuditRecord).countBy({ action: 'test.row' });

  it('checks 2,200 rows in a dry run without writing, then commits them all, quickly', async () => {
    const ctx = await t.context('admin.sujiatun');
    const buffer = await good();
    let started = Date.now();
    const dry = await runImport(ctx, { spec, buffer, dryRun: true, commit, audit: { action: 'test.import', entityType: 'PlanRow' } });
    const dryMs = Date.now() - started;
    expect(dry).toMatchObject({ dryRun: true, totalRows: 2200, validRows: 2200, committed: false, problems: [] });
    expect(await rowsWritten()).toBe(0);
    const check = await t.server.db.getRepository(AuditRecord).findOneByOrFail({ action: 'test.import.check' });
    expect(check.actorUsername).toBe('admin.sujiatun');
    expect(JSON.parse(check.after!)).toEqual({ rows: 2200, validRows: 2200, problems: 0 });
    started = Date.now();
    const done = await runImport(ctx, { spec, buffer, dryRun: false, commit, audit: { action: 'test.import', entityType: 'PlanRow' } });
    const commitMs = Date.now() - started;
    expect(done).toMatchObject({ committed: true, created: 2200 });
    expect(await rowsWritten()).toBe(2200);
    const audit = await t.server.db.getRepository(AuditRecord).findOneByOrFail({ action: 'test.import' });
    expect(JSON.parse(audit.after!)).toEqual({ rows: 2200, created: 2200, updated: 0 });
    console.log(`[${driver}] 2,200-row import: dry run ${dryMs} ms, commit ${commitMs} ms`);
    expect(dryMs + commitMs).toBeLessThan(15_000);
    await t.server.db.getRepository(AuditRecord).delete({ action: 'test.row' });
  });

  it('writes nothing when a row is bad, or when the commit fails part-way', async () => {
    const ctx = await t.context('admin.sujiatun');
    const bad = await sheetWith(['项目编码', '项目名称', '月份', '计划投资（元）'], [
      ['SJT-1', '桃李面包', '2020-09', 100],
      ['SJT-2', '达利食品', '2020-09', 'x'],
    ]);
    const refused = await runImport(ctx, { spec, buffer: bad, dryRun: false, commit, audit: { action: 'test.import', entityType: 'PlanRow' } });
    expect(refused).toMatchObject({ committed: false, validRows: 1, problems: [{ row: 4, column: 'D' }] });
    expect(await t.server.db.getRepository(AuditRecord).countBy({ action: 'test.import.refused' })).toBe(1);

    const failing = await runImport(ctx, {
      spec,
      buffer: await good(),
      dryRun: false,
      audit: { action: 'test.import', entityType: 'PlanRow' },
      commit: async (tx, rows) => {
        await commit(tx, rows.slice(0, 1000));
        throw new ImportRowError({ row: 1002, column: 'A', header: '项目编码', reason: '项目不存在 (no such project)' });
      },
    });
    expect(failing).toMatchObject({ committed: false, problems: [{ row: 1002, reason: '项目不存在 (no such project)' }] });
    expect(await rowsWritten()).toBe(0);
  });

  it('adds cross-row problems from the module and then refuses the commit', async () => {
    const ctx = await t.context('admin.sujiatun');
    const dup = await sheetWith(['项目编码', '项目名称', '月份', '计划投资（元）'], [
      ['SJT-1', '桃李面包', '2020-09', 100],
      ['SJT-1', '达利食品', '2020-09', 100],
    ]);
    const result = await runImport(ctx, {
      spec,
      buffer: dup,
      dryRun: false,
      commit,
      audit: { action: 'test.import', entityType: 'PlanRow' },
      validateRows: async (rows, locate) => duplicateKeyProblems(rows, (r) => r.code, locate('code')),
    });
    expect(result).toMatchObject({ committed: false, problems: [{ row: 4, column: 'A', header: '项目编码' }] });
    expect(await rowsWritten()).toBe(0);
  });
});
