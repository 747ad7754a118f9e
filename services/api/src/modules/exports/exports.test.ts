import ExcelJS from 'exceljs';
import { DRIVERS, startTestServer, type TestServer } from '../../testing/harness';
import { AuditRecord } from '../../core/audit/audit-record.entity';
import { exportsSettled } from './exports.service';
import { parseCsv } from '../../testing/csv';

/**
 * Bulk exports, tried as an analyst would: one job pages through a whole connection as its
 * requester (same scope, same token scopes), the file is exact and only the requester reads it.
 */

interface Job {
  id: string;
  status: string;
  rowCount: number;
  totalCount: number | null;
  error: string | null;
  downloadUrl: string | null;
  connection: string;
}
const JOB = 'id status rowCount totalCount error downloadUrl connection';
const START = `mutation($q: String!, $v: String, $f: ExportFormat!) { startExport(query: $q, variables: $v, format: $f) { ${JOB} } }`;
const PROJECTS = 'query($filter: ProjectFilter) { projects(filter: $filter) { totalCount nodes { id name totalInvestment district { name } } } }';

describe.each(DRIVERS)('bulk export [%s]', (driver) => {
  let t: TestServer;
  let province: string;
  beforeAll(async () => {
    t = await startTestServer(driver, { seedModules: ['areas', 'accounts', 'projects', 'secretaries'] });
    province = await t.login('admin.liaoning');
  }, 120_000);
  afterAll(() => t?.close());

  async function start(token: string, query: string, format = 'CSV', variables?: Record<string, unknown>) {
    return t.gql<{ startExport: Job }>(START, { q: query, f: format, v: variables ? JSON.stringify(variables) : null }, token);
  }

  async function finished(token: string, id: string): Promise<Job> {
    await exportsSettled();
    const res = await t.gql<{ exportJob: Job }>(`query($id: ID!) { exportJob(id: $id) { ${JOB} } }`, { id }, token);
    expect(res.errors).toBeUndefined();
    return res.data!.exportJob;
  }

  async function download(token: string | null, url: string) {
    return fetch(`${t.url}${url}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  }

  it('exports every project of the province as CSV in one job, as many rows as totalCount, amounts exact', async () => {
    const started = await start(province, PROJECTS);
    expect(started.errors).toBeUndefined();
    expect(started.data!.startExport).toMatchObject({ status: 'QUEUED', connection: 'projects' });
    const job = await finished(province, started.data!.startExport.id);
    const total = (await t.gql<{ projects: { totalCount: number } }>('{ projects { totalCount } }', {}, province)).data!.projects.totalCount;
    expect(total).toBeGreaterThan(100); // more than one page
    expect(job).toMatchObject({ status: 'DONE', rowCount: total, totalCount: total, error: null });
    const got = await download(province, job.downloadUrl!);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = parseCsv(await got.text());
    expect(rows[0]).toEqual(['id', 'name', 'totalInvestment', 'district.name']);
    expect(rows.length - 1).toBe(total);
    expect(new Set(rows.slice(1).map((r) => r[0])).size).toBe(total);
    // An amount is the API's exact decimal text, never a float.
    const first = (await t.gql<{ projects: { nodes: { id: string; totalInvestment: string }[] } }>('{ projects(first: 1) { nodes { id totalInvestment } } }', {}, province)).data!.projects.nodes[0];
    expect(rows.find((r) => r[0] === first.id)![2]).toBe(first.totalInvestment);
    expect(rows.slice(1).every((r) => /^\d+\.\d{2}$/.test(r[2]))).toBe(true);
    // The start is audited.
    const audit = await t.server.db.getRepository(AuditRecord).findOneBy({ action: 'export.start', entityId: job.id });
    expect(audit).toMatchObject({ actorUsername: 'admin.liaoning', entityType: 'ExportJob' });
  }, 120_000);

  it('keeps a district admin’s export to its district, with the filter and the edges shape', async () => {
    const sujiatun = await t.login('admin.sujiatun');
    const query = 'query { projects { edges { node { id district { name } } } } }';
    const job = await finished(sujiatun, (await start(sujiatun, query)).data!.startExport.id);
    const total = (await t.gql<{ projects: { totalCount: number } }>('{ projects { totalCount } }', {}, sujiatun)).data!.projects.totalCount;
    expect(job).toMatchObject({ status: 'DONE', rowCount: total });
    const rows = parseCsv(await (await download(sujiatun, job.downloadUrl!)).text());
    expect(rows[0]).toEqual(['id', 'district.name']);
    expect(rows.length - 1).toBe(total);
    expect(new Set(rows.slice(1).map((r) => r[1]))).toEqual(new Set(['苏家屯区']));
  }, 60_000);

  it('writes money in XLSX as numbers with two decimals, and JSONL as the API answers', async () => {
    const xlsx = await finished(province, (await start(province, PROJECTS, 'XLSX', { filter: {} })).data!.startExport.id);
    expect(xlsx.status).toBe('DONE');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await (await download(province, xlsx.downloadUrl!)).arrayBuffer()) as never);
    const sheet = workbook.worksheets[0];
    const money = sheet.getRow(2).getCell(3);
    expect(typeof money.value).toBe('number');
    expect(sheet.getColumn(3).numFmt).toBe('#,##0.00');
    expect(sheet.rowCount - 1).toBe(xlsx.rowCount);
    const jsonl = await finished(province, (await start(province, PROJECTS, 'JSONL')).data!.startExport.id);
    const lines = (await (await download(province, jsonl.downloadUrl!)).text()).trim().split('\n');
    expect(lines).toHaveLength(jsonl.rowCount);
    const node = JSON.parse(lines[0]) as { totalInvestment: unknown; district: { name: string } };
    expect(typeof node.totalInvestment).toBe('string');
    expect(Number((money.value as number).toFixed(2))).toBe(Number(parseCsvMoney(lines, sheet)));
  }, 120_000);

  it('lets nobody but the requester download the file', async () => {
    const job = await finished(province, (await start(province, PROJECTS)).data!.startExport.id);
    expect((await download(province, job.downloadUrl!)).status).toBe(200);
    for (const other of ['admin.shenyang', 'analyst']) expect((await download(await t.login(other), job.downloadUrl!)).status).toBe(404);
    expect((await download(null, job.downloadUrl!)).status).toBe(404);
    // Nor read the job.
    const res = await t.gql(`query($id: ID!) { exportJob(id: $id) { id } }`, { id: job.id }, await t.login('analyst'));
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  }, 60_000);

  it('runs as a token with its scopes: no secretaries’ phones without read:contacts', async () => {
    const make = async (scopes: string[]) =>
      (await t.gql<{ createApiToken: { token: string } }>('mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { token } }', { i: { name: '导出', scopes } }, province)).data!
        .createApiToken.token;
    const plain = await make(['READ_PROJECTS']);
    const contacts = await make(['READ_PROJECTS', 'READ_CONTACTS']);
    const query = '{ secretaries { nodes { name contact } } }';
    const refused = await finished(plain, (await start(plain, query)).data!.startExport.id);
    expect(refused.status).toBe('FAILED');
    expect(refused.error).toContain('read:contacts');
    expect(refused.downloadUrl).toBeNull();
    const allowed = await finished(contacts, (await start(contacts, query)).data!.startExport.id);
    expect(allowed.status).toBe('DONE');
    const rows = parseCsv(await (await download(contacts, allowed.downloadUrl!)).text());
    expect(rows.slice(1).some((r) => /\d{7,}/.test(r[1]))).toBe(true);
    // The file is the token's: the admin who made the token cannot download it.
    expect((await download(province, allowed.downloadUrl!)).status).toBe(404);
    // A token without read:projects cannot export projects at all.
    const figures = await make(['READ_FIGURES']);
    const none = await finished(figures, (await start(figures, PROJECTS)).data!.startExport.id);
    expect(none).toMatchObject({ status: 'FAILED', error: expect.stringContaining('read:projects') });
  }, 60_000);

  it('refuses a query with no connection, two connections, or a mutation, naming `query`', async () => {
    const cases = [
      '{ me { username } }',
      '{ projects { nodes { id } } secretaries { nodes { id } } }',
      'mutation { logout }',
      '{ projects { nodes { id } }',
      '{ projects { totalCount } }',
    ];
    for (const query of cases) {
      const res = await start(province, query);
      expect({ query, code: res.errors?.[0]?.extensions?.code, field: res.errors?.[0]?.extensions?.field }).toEqual({ query, code: 'BAD_USER_INPUT', field: 'query' });
    }
    const badVariables = await t.gql(START, { q: PROJECTS, f: 'CSV', v: '{nope' }, province);
    expect(badVariables.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'variables' });
  });

  it('lets an analyst export, and holds each requester to two running jobs even when asked at once', async () => {
    const analyst = await t.login('analyst');
    const answers = await Promise.all([1, 2, 3, 4].map(() => start(analyst, PROJECTS)));
    const accepted = answers.filter((a) => a.data?.startExport);
    const refused = answers.filter((a) => a.errors?.[0]?.extensions?.code === 'BAD_USER_INPUT');
    expect(accepted).toHaveLength(2);
    expect(refused).toHaveLength(2);
    expect(refused[0].errors![0].extensions).toMatchObject({ field: 'query' });
    await exportsSettled();
    const jobs = await t.gql<{ exportJobs: Job[] }>(`{ exportJobs { ${JOB} } }`, {}, analyst);
    expect(jobs.data!.exportJobs.map((j) => j.status)).toEqual(['DONE', 'DONE']);
    // Once they are done, another may start.
    expect((await start(analyst, PROJECTS)).errors).toBeUndefined();
    await exportsSettled();
  }, 120_000);
});

/** The first node's amount from the JSONL text, for comparing with the workbook's number. */
function parseCsvMoney(lines: string[], sheet: ExcelJS.Worksheet): string {
  const id = String(sheet.getRow(2).getCell(1).value);
  const node = lines.map((l) => JSON.parse(l) as { id: string; totalInvestment: string }).find((n) => n.id === id)!;
  return node.totalInvestment;
}
