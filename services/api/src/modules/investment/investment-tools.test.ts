import ExcelJS from 'exceljs';
import { Area } from '../../core/areas/area.entity';
import { AuditRecord } from '../../core/audit/audit-record.entity';
import { DRIVERS, startTestServer, type GraphQLResponse, type TestServer } from '../../testing/harness';
import type { ImportResult } from '../../core/xlsx';
import { ChainNode, IndustryChain } from './investment.entity';

/** The tools of 招商图谱: matchmaking (撮合), the company brief's fields, and the chain sheet's import and export. */
const SEED = ['areas', 'accounts', 'investment'];

const FIND = `query($a: ID, $q: String) { targetCompanies(filter: { areaId: $a, search: $q }, first: 5) { nodes { id name local } } }`;
const MATCHES = `query($id: ID!, $first: Int) { companyMatches(companyId: $id, first: $first) { score customerPairs supplierPairs reasons company { id name local } nodes { name link } } }`;
const BRIEF = `query($id: ID!) { targetCompany(id: $id) { name contactPerson contactPhone nodes { name filled } leads { name stage responsiblePerson } visits { date note } } }`;
const IMPORT = `mutation($a: ID!, $f: ID!, $dry: Boolean!) { importIndustryChains(areaId: $a, fileId: $f, dryRun: $dry) {
  dryRun committed totalRows validRows created updated problems { row column header reason } } }`;

const HEADERS = ['产业链', '环节', '上级节点', '节点名称', '优先级', '产业链说明'];

describe.each(DRIVERS)('investment tools [%s]', (driver) => {
  let t: TestServer;
  let zoneId: string;
  const tokens: Record<string, string> = {};

  async function download(path: string, token?: string): Promise<{ status: number; buffer: Buffer }> {
    const res = await fetch(`${t.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: res.status, buffer: Buffer.from(await res.arrayBuffer()) };
  }

  /** The template with its example rows replaced by ours, written under the template's own headers. */
  async function sheetOf(rows: (string | number | null)[][]): Promise<Buffer> {
    const template = await download('/api/investment/chain-template.xlsx', tokens['admin.shenfu']);
    expect(template.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.buffer as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('产业链图谱')!;
    const cols = new Map<string, number>();
    sheet.getRow(1).eachCell((cell, col) => cols.set(String(cell.value).replace(/\*$/, '').trim(), col));
    sheet.spliceRows(2, sheet.rowCount);
    rows.forEach((values, i) => {
      const row = sheet.getRow(i + 2);
      values.forEach((v, j) => (row.getCell(cols.get(HEADERS[j])!).value = v));
      row.commit();
    });
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  async function importSheet(buffer: Buffer, dryRun: boolean, token = tokens['admin.shenfu'], areaId = zoneId): Promise<GraphQLResponse<{ importIndustryChains: ImportResult }>> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(buffer)]), '产业链.xlsx');
    const res = await fetch(`${t.url}/api/files?purpose=spreadsheet`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    return t.gql<{ importIndustryChains: ImportResult }>(IMPORT, { a: areaId, f: id, dry: dryRun }, token);
  }

  const nodeCount = () => t.server.db.getRepository(ChainNode).count();

  beforeAll(async () => {
    t = await startTestServer(driver, { seedModules: SEED });
    for (const u of ['admin.shenfu', 'admin.sujiatun', 'analyst']) tokens[u] = await t.login(u);
    zoneId = String((await t.server.db.getRepository(Area).findOneByOrFail({ name: '沈抚改革创新示范区' })).id);
  }, 180_000);
  afterAll(() => t?.close());

  async function companyNamed(part: string): Promise<{ id: string; name: string; local: boolean }> {
    const res = await t.gql<{ targetCompanies: { nodes: Array<{ id: string; name: string; local: boolean }> } }>(FIND, { a: zoneId, q: part }, tokens['admin.shenfu']);
    return res.data!.targetCompanies.nodes[0];
  }

  it('suggests 蓝卡 first for 龙芯: a local company downstream of its processors, with the reasons', async () => {
    const longxin = await companyNamed('龙芯');
    expect(longxin).toMatchObject({ local: false });
    const res = await t.gql<{ companyMatches: Array<{ score: number; customerPairs: number; supplierPairs: number; reasons: string[]; company: { name: string; local: boolean }; nodes: Array<{ name: string }> }> }>(
      MATCHES,
      { id: longxin.id },
      tokens['admin.shenfu'],
    );
    expect(res.errors).toBeUndefined();
    const matches = res.data!.companyMatches;
    expect(matches.length).toBeGreaterThan(3);
    expect(matches[0]).toMatchObject({ score: 2, customerPairs: 2, supplierPairs: 0, company: { name: expect.stringContaining('蓝卡') } });
    expect(matches[0].nodes.map((n) => n.name).sort()).toEqual(['工业控制', '汽车电子']);
    expect(matches[0].reasons).toContain('其“汽车电子”（下游）以“处理器（CPU）”（中游）为投入：目标企业可为其供货');
    // Ranked: every suggestion is a local company, best first; upstream suppliers are among them.
    expect(matches.every((m) => m.company.local)).toBe(true);
    expect(matches.map((m) => m.score)).toEqual([...matches.map((m) => m.score)].sort((a, b) => b - a));
    expect(matches.some((m) => m.supplierPairs > 0)).toBe(true);
    // Analysts read them; another district's admin does not reach the company; the count is checked.
    expect((await t.gql(MATCHES, { id: longxin.id, first: 1 }, tokens['analyst'])).data).toMatchObject({ companyMatches: [{ score: 2 }] });
    expect((await t.gql(MATCHES, { id: longxin.id }, tokens['admin.sujiatun'])).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const bad = await t.gql(MATCHES, { id: longxin.id, first: 0 }, tokens['admin.shenfu']);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('gives the brief its company, nodes, contacts (the phone to admins only), projects and visits', async () => {
    const longxin = await companyNamed('龙芯');
    const res = await t.gql<{ targetCompany: { contactPerson: string; contactPhone: string | null; nodes: Array<{ name: string; filled: boolean }>; leads: Array<{ name: string; stage: string; responsiblePerson: string }>; visits: Array<{ note: string }> } }>(
      BRIEF,
      { id: longxin.id },
      tokens['admin.shenfu'],
    );
    expect(res.errors).toBeUndefined();
    const c = res.data!.targetCompany;
    expect(c).toMatchObject({ contactPerson: '李总监', contactPhone: '010-5555 0188', nodes: [{ name: '处理器（CPU）', filled: true }] });
    expect(c.leads).toEqual([expect.objectContaining({ name: '龙芯蓝卡智慧停车终端国产化项目', stage: 'SIGNED' })]);
    expect(c.visits.length).toBeGreaterThan(0);
    const analyst = await t.gql<{ targetCompany: { contactPerson: string; contactPhone: string | null } }>(BRIEF, { id: longxin.id }, tokens['analyst']);
    expect(analyst.data!.targetCompany).toMatchObject({ contactPerson: '李总监', contactPhone: null });
  });

  it('gives the chain sheet as a template to signed-in users and the area’s chains as an export that imports back unchanged', async () => {
    expect((await download('/api/investment/chain-template.xlsx')).status).toBe(401);
    const exported = await download(`/api/investment/chains.xlsx?areaId=${zoneId}`, tokens['analyst']);
    expect(exported.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.buffer as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('产业链图谱')!;
    const rows = sheet.getSheetValues().filter(Boolean).map((r) => Array.from({ length: HEADERS.length }, (_, i) => (r as unknown[])[i + 1] ?? null));
    expect(rows[0].map((h) => String(h).replace(/\*$/, ''))).toEqual(HEADERS);
    expect(rows).toContainEqual(['集成电路', '上游', '半导体材料', '光刻胶', 1, null]);
    expect(rows.length - 1).toBe(await t.server.db.getRepository(ChainNode).countBy({ areaId: Number(zoneId) }));
    expect((await download(`/api/investment/chains.xlsx?areaId=${zoneId}`, tokens['admin.sujiatun'])).status).toBe(404);
    const before = await nodeCount();
    const again = await importSheet(exported.buffer, false);
    expect(again.data!.importIndustryChains).toMatchObject({ committed: true, created: 0, updated: 0, problems: [] });
    expect(await nodeCount()).toBe(before);
  });

  it('names every problem of a sheet by row and column in Chinese and writes nothing', async () => {
    const before = await nodeCount();
    const sheet = await sheetOf([
      ['高端装备', '上游', null, '数控机床', 2, '以数控机床与工业机器人为主'],
      ['高端装备', '中游', '数控机床', '工业机器人', 1, null], // parent in another link
      ['高端装备', '上游', '减速器', '谐波减速器', 1, null], // no such parent
      ['高端装备', '上游', null, '数控机床', 3, null], // the same node twice
      ['集成电路', '侧游', null, '光掩模', 2, null], // no such link
      ['集成电路', '上游', null, '光掩模版', 9, null], // priority out of range
      ['集成电路', '上游', '光刻胶', '光刻胶', 2, null], // its own parent
    ]);
    const res = await importSheet(sheet, true);
    expect(res.errors).toBeUndefined();
    const outcome = res.data!.importIndustryChains;
    const at = (row: number, header: string) => outcome.problems.find((p) => p.row === row && p.header === header)?.reason;
    expect(at(3, '上级节点')).toMatch(/上级节点“数控机床”在上游，须与节点“工业机器人”同一环节/);
    expect(at(4, '上级节点')).toMatch(/产业链“高端装备”中没有节点“减速器”/);
    expect(at(5, '节点名称')).toMatch(/与第 2 行重复/);
    expect(at(6, '环节')).toMatch(/不在可选值中：上游、中游、下游/);
    expect(at(7, '优先级')).toMatch(/不能大于 5/);
    expect(at(8, '上级节点')).toMatch(/不能是节点自身/);
    // A commit of the same sheet is refused whole: nothing written, the attempt audited.
    const commit = await importSheet(sheet, false);
    expect(commit.data!.importIndustryChains).toMatchObject({ committed: false, created: 0 });
    expect(await nodeCount()).toBe(before);
    expect(await t.server.db.getRepository(IndustryChain).countBy({ name: '高端装备' })).toBe(0);
    const actions = (await t.server.db.getRepository(AuditRecord).findBy({ entityType: 'IndustryChain', entityId: zoneId })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['investment.chain.import.check', 'investment.chain.import.refused']));
  });

  it('imports a new chain (a child before its parent) and updates a known node, in one audited transaction', async () => {
    const sheet = await sheetOf([
      ['高端装备', '中游', '工业机器人', '协作机器人', 2, null],
      ['高端装备', '中游', null, '工业机器人', 1, '以数控机床与工业机器人为主'],
      ['高端装备', '上游', null, '精密减速器', 1, null],
      ['集成电路', '上游', '半导体材料', '光刻胶', 2, null],
    ]);
    const dry = await importSheet(sheet, true);
    expect(dry.data!.importIndustryChains).toMatchObject({ committed: false, totalRows: 4, validRows: 4, problems: [] });
    const res = await importSheet(sheet, false);
    expect(res.data!.importIndustryChains).toMatchObject({ committed: true, created: 4, updated: 1, problems: [] });
    const chain = await t.server.db.getRepository(IndustryChain).findOneByOrFail({ areaId: Number(zoneId), name: '高端装备' });
    expect(chain.description).toBe('以数控机床与工业机器人为主');
    const nodes = await t.server.db.getRepository(ChainNode).findBy({ chainId: chain.id });
    const robot = nodes.find((n) => n.name === '工业机器人')!;
    expect(nodes.find((n) => n.name === '协作机器人')).toMatchObject({ parentId: robot.id, link: 'MIDSTREAM', priority: 2 });
    expect(await t.server.db.getRepository(ChainNode).findOneBy({ areaId: Number(zoneId), name: '光刻胶' })).toMatchObject({ priority: 2 });
    expect(await t.server.db.getRepository(AuditRecord).countBy({ action: 'investment.chain.import', entityId: zoneId })).toBe(2);
    // Only the area's admins import into it.
    const other = await importSheet(sheet, true, tokens['admin.sujiatun']);
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
