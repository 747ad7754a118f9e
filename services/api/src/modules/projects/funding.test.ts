import { Area } from '../../core/areas/area.entity';
import { AuditRecord } from '../../core/audit/audit-record.entity';
import { DRIVERS, errorCode, startTestServer, type TestServer } from '../../testing/harness';

const SEED = ['areas', 'accounts', 'projects'];
const fen = (yuan: string) => BigInt(yuan.replace('.', ''));

interface Stats {
  fundingStats: {
    planned: string;
    received: string;
    rows: { source: { code: string; name: string; specialBond: boolean }; projects: number; planned: string | null; received: string | null; bondIssued: string | null; bondSpent: string | null }[];
  };
}
const STATS = 'query($a: ID, $y: Int!) { fundingStats(areaId: $a, year: $y) { planned received rows { source { code name specialBond } projects planned received bondIssued bondSpent } } }';

describe.each(DRIVERS)('funding by source [%s]', (driver) => {
  let t: TestServer;
  let ids: Record<string, string>;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestServer(driver, { seedModules: SEED });
    ids = Object.fromEntries((await t.server.db.getRepository(Area).find()).map((a) => [a.name, String(a.id)]));
    for (const u of ['admin.sujiatun', 'admin.shenyang', 'admin.dadong', 'analyst']) tokens[u] = await t.login(u);
  }, 120_000);
  afterAll(() => t.close());

  async function sources(): Promise<{ id: string; code: string; specialBond: boolean }[]> {
    const res = await t.gql<{ fundingSources: { id: string; code: string; specialBond: boolean }[] }>('query($a: ID) { fundingSources(areaId: $a) { id code specialBond } }', { a: ids['苏家屯区'] }, tokens['admin.sujiatun']);
    return res.data!.fundingSources;
  }

  it('Sujiatun’s 2020 investment by source: the sources add up to the key projects’ 2020 plan and January–September actual, to the 分', async () => {
    const res = await t.gql<Stats>(STATS, { a: ids['苏家屯区'], y: 2020 }, tokens['analyst']);
    expect(res.errors).toBeUndefined();
    const s = res.data!.fundingStats;
    expect(s.rows.map((r) => r.source.name)).toEqual(['中央预算内投资', '地方政府专项债券', '地方财政资金', '银行贷款', '社会资本（企业自筹）']);
    // Every row sums to the totals, and the totals are the projects' own plan and reports.
    expect(s.rows.reduce((a, r) => a + fen(r.planned ?? '0.00'), 0n)).toBe(fen(s.planned));
    expect(s.rows.reduce((a, r) => a + fen(r.received ?? '0.00'), 0n)).toBe(fen(s.received));
    const stats = await t.gql<{ investmentStats: { total: { ytdActual: string } } }>('query($a: ID!) { investmentStats(areaId: $a, period: "2020-09") { total { ytdActual } } }', { a: ids['苏家屯区'] }, tokens['analyst']);
    expect(s.received).toBe(stats.data!.investmentStats.total.ytdActual);
    expect(fen(s.received)).toBe(93n * 100_000_000n * 100n); // 93亿元, report 000
    const bond = s.rows.find((r) => r.source.specialBond)!;
    expect(bond.projects).toBeGreaterThan(10);
    expect(bond.bondIssued).toBe(bond.planned);
    expect(bond.bondSpent).toBe(bond.received);
    expect(s.rows.find((r) => r.source.code === 'YHDK')!.bondIssued).toBeNull();
    // Another district's admin cannot ask for 苏家屯区; 2019 lists every source with nothing (null, not zero).
    expect(errorCode(await t.gql(STATS, { a: ids['苏家屯区'], y: 2020 }, tokens['admin.dadong']))).toBe('FORBIDDEN');
    const empty = await t.gql<Stats>(STATS, { a: ids['苏家屯区'], y: 2019 }, tokens['admin.sujiatun']);
    expect(empty.data!.fundingStats.rows.every((r) => r.planned === null && r.projects === 0)).toBe(true);
  });

  it('an admin records a year’s lines; a bond needs its batch and spends no more than issued; each refusal names its field; the figures follow', async () => {
    const list = await sources();
    const bond = list.find((x) => x.specialBond)!;
    const local = list.find((x) => x.code === 'DFCZ')!;
    const projects = await t.gql<{ projects: { nodes: { id: string; code: string }[] } }>('query($d: ID) { projects(filter: { districtId: $d, stages: [RESERVE] }, first: 5, orderBy: CODE) { nodes { id code } } }', { d: ids['苏家屯区'] }, tokens['admin.sujiatun']);
    const project = projects.data!.projects.nodes.find((p) => p.code === 'SJT-2020-R01')!;
    const save = (lines: unknown[], token = tokens['admin.sujiatun'], year = 2021) =>
      t.gql<{ saveProjectFunding: { year: number; planned: string; received: string; lines: { source: { code: string }; planned: string; bondBatch: string | null; bondIssued: string | null }[] } }>(
        'mutation($p: ID!, $y: Int!, $l: [FundingLineInput!]!) { saveProjectFunding(projectId: $p, year: $y, lines: $l) { year planned received lines { source { code } planned bondBatch bondIssued } } }',
        { p: project.id, y: year, l: lines },
        token,
      );
    const noBatch = await save([{ sourceId: bond.id, planned: '20000000.00', received: '0.00', bondIssued: '20000000.00' }]);
    expect(errorCode(noBatch)).toBe('BAD_USER_INPUT');
    expect(noBatch.errors![0].extensions!.field).toBe('lines[0].bondBatch');
    const overspent = await save([{ sourceId: bond.id, planned: '20000000.00', received: '0.00', bondBatch: '2021年第一批', bondIssued: '10000000.00', bondSpent: '10000000.01' }]);
    expect(overspent.errors![0].extensions!.field).toBe('lines[0].bondSpent');
    const twice = await save([{ sourceId: local.id, planned: '1.00', received: '0.00' }, { sourceId: local.id, planned: '2.00', received: '0.00' }]);
    expect(twice.errors![0].extensions!.field).toBe('lines[1].sourceId');
    const outside = await save([{ sourceId: local.id, planned: '1.00', received: '0.00' }], tokens['admin.sujiatun'], 2030);
    expect(outside.errors![0].extensions!.field).toBe('year');
    expect(errorCode(await save([], tokens['admin.dadong']))).toBe('NOT_FOUND');

    const audits = await t.server.db.getRepository(AuditRecord).count({ where: { action: 'project-funding.save' } });
    const ok = await save([
      { sourceId: bond.id, planned: '20000000.00', received: '5000000.00', bondBatch: '2021年第一批', bondIssued: '20000000.00', bondSpent: '5000000.00' },
      { sourceId: local.id, planned: '40000000.00', received: '0.01' },
    ]);
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.saveProjectFunding).toMatchObject({ year: 2021, planned: '60000000.00', received: '5000000.01' });
    expect(await t.server.db.getRepository(AuditRecord).count({ where: { action: 'project-funding.save' } })).toBe(audits + 1);

    const stats = await t.gql<Stats>(STATS, { a: ids['苏家屯区'], y: 2021 }, tokens['admin.shenyang']);
    const rows = stats.data!.fundingStats.rows;
    expect(rows.find((r) => r.source.code === 'ZXZ')).toMatchObject({ projects: 1, planned: '20000000.00', received: '5000000.00', bondIssued: '20000000.00', bondSpent: '5000000.00' });
    expect(rows.find((r) => r.source.code === 'DFCZ')).toMatchObject({ projects: 1, planned: '40000000.00', received: '0.01', bondIssued: null });
    expect(rows.find((r) => r.source.code === 'YHDK')!.planned).toBeNull();

    // Saving again replaces the year's lines.
    await save([{ sourceId: local.id, planned: '1.00', received: '0.00' }]);
    const again = await t.gql<Stats>(STATS, { a: ids['苏家屯区'], y: 2021 }, tokens['admin.shenyang']);
    expect(again.data!.fundingStats.planned).toBe('1.00');
  });

  it('a monthly report splits its actual investment by source: the parts add up exactly, each a code of the list, refused under the field with nothing written; the figures use the splits', async () => {
    const SPLIT_STATS = 'query($a: ID, $y: Int!) { fundingStats(areaId: $a, year: $y) { actual actualUnsplit rows { source { code } actual } } }';
    type SplitStats = { fundingStats: { actual: string; actualUnsplit: string; rows: { source: { code: string }; actual: string | null }[] } };
    const SAVE = 'mutation($i: MonthlyReportInput!) { saveMonthlyReport(input: $i) { id version actualInvestment investmentBySource { source { code } amount } } }';
    type Saved = { saveMonthlyReport: { version: number; actualInvestment: string; investmentBySource: { source: { code: string }; amount: string }[] } };
    const stats = async () => (await t.gql<SplitStats>(SPLIT_STATS, { a: ids['苏家屯区'], y: 2020 }, tokens['analyst'])).data!.fundingStats;
    const before = await stats();
    const ytd = await t.gql<{ investmentStats: { total: { ytdActual: string } } }>('query($a: ID!) { investmentStats(areaId: $a, period: "2020-12") { total { ytdActual } } }', { a: ids['苏家屯区'] }, tokens['analyst']);
    // Nothing is split yet: every month counts as unsplit, and the year's actual is the reports'.
    expect(before.actual).toBe(ytd.data!.investmentStats.total.ytdActual);
    expect(before.actualUnsplit).toBe(before.actual);
    expect(before.rows.every((r) => r.actual === null)).toBe(true);

    const list = await t.gql<{ projects: { nodes: { id: string; code: string; report: { period: string; version: number; actualInvestment: string } | null }[] } }>(
      'query($d: ID) { projects(filter: { districtId: $d, stages: [CONTINUING] }, first: 20, orderBy: CODE) { nodes { id code report(period: "2020-09") { period version actualInvestment } } } }',
      { d: ids['苏家屯区'] },
      tokens['admin.sujiatun'],
    );
    const project = list.data!.projects.nodes.find((p) => p.report && fen(p.report.actualInvestment) > 100n)!;
    const report = project.report!;
    const actual = fen(report.actualInvestment);
    const yuan = (f: bigint) => `${f / 100n}.${String(f % 100n).padStart(2, '0')}`;
    const base = { projectId: project.id, period: '2020-09', actualInvestment: report.actualInvestment, progress: '主体施工', version: report.version };
    const save = (extra: Record<string, unknown>) => t.gql<Saved>(SAVE, { i: { ...base, ...extra } }, tokens['admin.sujiatun']);
    const refused = async (extra: Record<string, unknown>, field: string, reason: RegExp) => {
      const res = await save(extra);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      const problems = (res.errors![0].extensions!.problems as { field: string; reason: string }[] | undefined) ?? [{ field: res.errors![0].extensions!.field as string, reason: res.errors![0].extensions!.reason as string }];
      expect(problems).toEqual(expect.arrayContaining([expect.objectContaining({ field, reason: expect.stringMatching(reason) })]));
    };
    // One 分 short, under the last part's amount; a code not in the list; a source twice; a negative part.
    await refused({ investmentBySource: [{ sourceCode: 'ZXZ', amount: yuan(actual - 100n) }, { sourceCode: 'DFCZ', amount: '0.99' }] }, 'input.investmentBySource[1].amount', /还差 0\.01 元/);
    await refused({ investmentBySource: [{ sourceCode: 'ZXZ', amount: yuan(actual) }, { sourceCode: 'QT', amount: '0' }] }, 'input.investmentBySource[1].sourceCode', /QT/);
    await refused({ investmentBySource: [{ sourceCode: 'ZXZ', amount: '0' }, { sourceCode: 'ZXZ', amount: yuan(actual) }] }, 'input.investmentBySource[1].sourceCode', /只能填一行/);
    await refused({ investmentBySource: [{ sourceCode: 'ZXZ', amount: yuan(actual + 100n) }, { sourceCode: 'DFCZ', amount: '-1.00' }] }, 'input.investmentBySource[1].amount', /不能为负/);
    // Nothing was written: the report keeps its version, no part is stored, the figures stand.
    const after = await t.gql<{ project: { report: { version: number; investmentBySource: unknown[] } } }>('query($id: ID!) { project(id: $id) { report(period: "2020-09") { version investmentBySource { amount } } } }', { id: project.id }, tokens['admin.sujiatun']);
    expect(after.data!.project.report).toEqual({ version: report.version, investmentBySource: [] });
    expect(await stats()).toEqual(before);

    // Split to the 分: stored, listed in the list's order, counted by source; the rest of the year stays unsplit.
    const bondPart = actual - actual / 3n;
    const ok = await save({ investmentBySource: [{ sourceCode: 'DFCZ', amount: yuan(actual / 3n) }, { sourceCode: 'ZXZ', amount: yuan(bondPart) }] });
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.saveMonthlyReport.investmentBySource).toEqual([{ source: { code: 'ZXZ' }, amount: yuan(bondPart) }, { source: { code: 'DFCZ' }, amount: yuan(actual / 3n) }]);
    const split = await stats();
    expect(split.actual).toBe(before.actual);
    expect(fen(split.actualUnsplit)).toBe(fen(before.actual) - actual);
    expect(split.rows.find((r) => r.source.code === 'ZXZ')!.actual).toBe(yuan(bondPart));
    expect(split.rows.find((r) => r.source.code === 'DFCZ')!.actual).toBe(yuan(actual / 3n));
    expect(split.rows.find((r) => r.source.code === 'YHDK')!.actual).toBeNull();
    expect(split.rows.reduce((a, r) => a + fen(r.actual ?? '0.00'), 0n) + fen(split.actualUnsplit)).toBe(fen(split.actual));

    // A change of amount without a new split is refused (the old one no longer adds up); the same amount keeps it.
    const v2 = ok.data!.saveMonthlyReport.version;
    await refused({ version: v2, actualInvestment: yuan(actual + 100n) }, 'input.investmentBySource', /重新拆分/);
    const kept = await save({ version: v2, progress: '主体封顶' });
    expect(kept.data!.saveMonthlyReport.investmentBySource).toHaveLength(2);
    // An empty split removes it: the month is unsplit again.
    const cleared = await save({ version: v2 + 1, investmentBySource: [] });
    expect(cleared.data!.saveMonthlyReport.investmentBySource).toEqual([]);
    expect(await stats()).toEqual(before);
  });

  it('a city admin keeps the code list; a district admin reads it', async () => {
    const add = (input: Record<string, unknown>, token = tokens['admin.shenyang']) =>
      t.gql<{ saveFundingSource: { id: string; code: string; version: number } }>('mutation($c: ID!, $i: FundingSourceInput!) { saveFundingSource(cityId: $c, input: $i) { id code version } }', { c: ids['沈阳市'], i: input }, token);
    expect(errorCode(await add({ code: 'ZCXJRJJ', name: '政策性开发性金融工具', specialBond: false }, tokens['admin.sujiatun']))).toBe('FORBIDDEN');
    const dup = await add({ code: 'DFCZ', name: '重复', specialBond: false });
    expect(dup.errors![0].extensions!.field).toBe('input.code');
    const ok = await add({ code: 'ZCXJRJJ', name: '政策性开发性金融工具', specialBond: false });
    expect(ok.errors).toBeUndefined();
    expect((await sources()).map((s) => s.code)).toContain('ZCXJRJJ');
    const bond = (await sources()).find((s) => s.specialBond)!;
    const unBond = await add({ id: bond.id, version: 1, code: 'ZXZ', name: '地方政府专项债券', specialBond: false });
    expect(unBond.errors![0].extensions!.field).toBe('input.specialBond');
  });
});
