import path from 'node:path';
import fs from 'node:fs';
import Ajv from 'ajv';
import { Area } from '../../core/areas/area.entity';
import { AuditRecord } from '../../core/audit/audit-record.entity';
import { Project } from './project.entity';
import { setTodayForTesting } from '../../core/clock';
import { repoRoot } from '../../config';
import { DRIVERS, startTestServer, type TestServer } from '../../testing/harness';

// The OC4IDS package validated against the vendored OC4IDS 0.9 schemas (schema/oc4ids/, JSON Schema draft 4).
function validator() {
  const ajv = new Ajv({ schemaId: 'id', meta: false, allErrors: true });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-04.json'));
  const read = (name: string) => JSON.parse(fs.readFileSync(path.join(repoRoot, 'schema', 'oc4ids', name), 'utf8')) as object;
  ajv.addSchema(read('project-schema.json'));
  return { ajv, validate: ajv.compile(read('project-package-schema.json')) };
}

interface Pkg {
  version: string;
  publisher: { name: string };
  license: string;
  projects: Array<{
    id: string;
    title: string;
    status: string;
    identifiers: { id: string; scheme: string }[];
    budget: { amount: { amount: number; currency: string }; budgetBreakdowns?: { id: string; budgetBreakdown: { amount: { amount: number }; sourceParty: { name: string } }[] }[] };
    parties?: { id: string; roles: string[]; identifier?: { scheme: string; id: string } }[];
    documents?: { documentType: string; title: string }[];
    contractingProcesses?: { summary: { contractValue: { amount: number }; modifications?: { type: string; rationale: string; oldContractValue?: { amount: number }; newContractValue?: { amount: number } }[] } }[];
    completion?: { endDate: string; finalValue: { amount: number }; finalValueDetails?: string; finalScope: string };
    locations?: { geometry?: { type: string } }[];
  }>;
}

describe.each(DRIVERS)('the OC4IDS open-data file [%s]', (driver) => {
  let t: TestServer;
  const tokens: Record<string, string> = {};
  const area: Record<string, number> = {};
  const { ajv, validate } = validator();
  beforeAll(async () => {
    setTodayForTesting('2020-10-15');
    t = await startTestServer(driver, { seedModules: ['areas', 'accounts', 'projects'] });
    for (const u of ['admin.sujiatun', 'admin.dadong', 'admin.shenyang']) tokens[u] = await t.login(u);
    for (const name of ['苏家屯区', '沈阳市']) area[name] = (await t.server.db.getRepository(Area).findOneByOrFail({ name })).id;
  }, 120_000);
  afterAll(async () => {
    setTodayForTesting(undefined);
    await t.close();
  });

  const get = async (query: string, who?: string) => {
    const res = await fetch(`${t.url}/api/projects/oc4ids.json?${query}`, { headers: who ? { authorization: `Bearer ${tokens[who]}` } : {} });
    return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
  };
  const gql = <T>(q: string, v: Record<string, unknown>) => t.gql<T>(q, v, tokens['admin.sujiatun']);

  it('publishes 苏家屯区 2020 as a package the OC4IDS schema accepts, with the national code, funding by source, parties, documents, a varied contract and a completion', async () => {
    const list = await gql<{ projects: { nodes: { id: string; code: string; name: string }[] } }>('{ projects(filter: { stages: [CONTINUING] }, first: 2, orderBy: CODE) { nodes { id code name } } }', {});
    const [p, q] = list.data!.projects.nodes;
    const national = '2019-210111-48-01-000123';
    const current = await gql<{ project: { version: number } }>('query($id: ID!) { project(id: $id) { version } }', { id: p.id });
    expect((await gql('mutation($id: ID!, $i: UpdateProjectInput!) { updateProject(id: $id, input: $i) { id } }', { id: p.id, i: { version: current.data!.project.version, nationalCode: national } })).errors).toBeUndefined();
    const party = await gql<{ saveProjectParty: { id: string } }>('mutation($p: ID!, $i: ProjectPartyInput!) { saveProjectParty(projectId: $p, input: $i) { id } }', { p: p.id, i: { role: 'CONTRACTOR', name: '中国建筑第三工程局有限公司', creditCode: '91350100M000100Y43' } });
    await gql('mutation($p: ID!, $i: ProjectDocumentInput!) { saveProjectDocument(projectId: $p, input: $i) { id } }', { p: p.id, i: { documentType: 'ENVIRONMENTAL_IMPACT', title: '环境影响报告表批复', issuer: '沈阳市生态环境局', issuedOn: '2019-05-20' } });
    const contract = await gql<{ saveProjectContract: { id: string } }>('mutation($p: ID!, $i: ProjectContractInput!) { saveProjectContract(projectId: $p, input: $i) { id } }', {
      p: p.id, i: { title: '主体工程施工总承包', nature: 'CONSTRUCTION', status: 'ACTIVE', supplierPartyId: party.data!.saveProjectParty.id, originalValue: '12000000.01', signedOn: '2019-06-01', originalEndDate: '2020-12-31' },
    });
    await gql('mutation($c: ID!, $i: ContractVariationInput!) { addContractVariation(contractId: $c, input: $i) { seq } }', { c: contract.data!.saveProjectContract.id, i: { kind: 'VALUE', date: '2020-03-01', reason: '增加地下车库', oldValue: '12000000.01', newValue: '12500000.55' } });
    const done = await gql('mutation($p: ID!, $i: CompletionInput!) { completeProject(projectId: $p, input: $i) { id } }', { p: q.id, i: { endDate: '2020-09-30', finalCost: '1.23', finalScope: '建成并投产', deviationReason: '按批复缩减规模' } });
    expect(done.errors).toBeUndefined();

    const res = await get(`areaId=${area['苏家屯区']}&year=2020`, 'admin.sujiatun');
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/application\/json/);
    const pkg = JSON.parse(res.text) as Pkg;
    const valid = validate(pkg);
    if (!valid) throw new Error(ajv.errorsText(validate.errors, { separator: '\n' }));
    expect(pkg).toMatchObject({ version: '0.9', publisher: { name: '重点项目调度平台' }, license: 'https://creativecommons.org/licenses/by/4.0/' });
    expect(pkg.projects.length).toBeGreaterThan(50);

    const first = pkg.projects.find((x) => x.title === p.name)!;
    expect(first.id).toBe(`oc4ids-kpd-${national}`);
    expect(first.identifiers).toEqual([{ id: p.code, scheme: 'KPD' }, { id: national, scheme: 'CN-TZXMSPJG' }]);
    expect(first.budget.amount.currency).toBe('CNY');
    expect(first.budget.budgetBreakdowns?.find((b) => b.id === 'funding-2020')?.budgetBreakdown.length).toBeGreaterThan(0);
    expect(first.parties).toEqual(expect.arrayContaining([expect.objectContaining({ roles: ['supplier'], identifier: expect.objectContaining({ scheme: 'CN-USCC', id: '91350100M000100Y43' }) })]));
    expect(first.documents).toEqual([expect.objectContaining({ documentType: 'environmentalImpact', title: '环境影响报告表批复' })]);
    expect(first.contractingProcesses![0].summary.contractValue.amount).toBe(12000000.01);
    expect(first.contractingProcesses![0].summary.modifications).toEqual([expect.objectContaining({ type: 'value', rationale: '增加地下车库', oldContractValue: { amount: 12000000.01, currency: 'CNY' }, newContractValue: { amount: 12500000.55, currency: 'CNY' } })]);
    expect(res.text).toContain('"amount": 12500000.55,');
    const second = pkg.projects.find((x) => x.title === q.name)!;
    expect(second.status).toBe('completion');
    expect(second.completion).toEqual({ endDate: '2020-09-30T00:00:00+08:00', finalValue: { amount: 1.23, currency: 'CNY' }, finalValueDetails: '按批复缩减规模', finalScope: '建成并投产' });
    expect(pkg.projects.filter((x) => x.locations?.[0]?.geometry?.type === 'Polygon').length).toBeGreaterThan(0);
  });

  it('publishes 大东区’s completed demo project with its completion and the scanned acceptance as a document with its url', async () => {
    const res = await get(`areaId=${(await t.server.db.getRepository(Area).findOneByOrFail({ name: '大东区' })).id}&year=2020`, 'admin.dadong');
    expect(res.status).toBe(200);
    const pkg = JSON.parse(res.text) as Pkg & { projects: { documents?: { documentType: string; url?: string; format?: string }[] }[] };
    if (!validate(pkg)) throw new Error(ajv.errorsText(validate.errors, { separator: '\n' }));
    const done = pkg.projects.find((x) => x.identifiers.some((i) => i.id === 'DD-2019-001'))!;
    expect(done.status).toBe('completion');
    expect(done.completion).toMatchObject({ endDate: '2020-08-28T00:00:00+08:00', finalValue: { amount: 116400000, currency: 'CNY' }, finalScope: expect.stringContaining('老旧小区') });
    const acceptance = done.documents!.find((d) => d.documentType === 'completionCertificate')!;
    expect(acceptance).toMatchObject({ format: 'image/jpeg', url: expect.stringMatching(/^https:\/\/kpd\.example\.gov\.cn\/api\/files\/[0-9a-f-]{36}$/) });
  });

  it('publishes 沈阳市 2020 for its city admin, valid too; refuses the signed-out, an area out of scope and a bad year', async () => {
    const city = await get(`areaId=${area['沈阳市']}&year=2020`, 'admin.shenyang');
    expect(city.status).toBe(200);
    const pkg = JSON.parse(city.text) as Pkg;
    if (!validate(pkg)) throw new Error(ajv.errorsText(validate.errors, { separator: '\n' }));
    expect(new Set(pkg.projects.map((p) => p.id)).size).toBe(pkg.projects.length);
    // The validator does read the project schema: a status outside its codelist or a string amount is refused.
    expect(validate({ ...pkg, projects: [{ ...pkg.projects[0], status: 'building' }] })).toBe(false);
    expect(validate({ ...pkg, projects: [{ ...pkg.projects[0], budget: { amount: { amount: '1.00', currency: 'CNY' } } }] })).toBe(false);
    expect((await get(`areaId=${area['苏家屯区']}&year=2020`)).status).toBe(401);
    expect((await get(`areaId=${area['苏家屯区']}&year=2020`, 'admin.dadong')).status).toBe(404);
    expect((await get(`areaId=${area['苏家屯区']}&year=20`, 'admin.sujiatun')).status).toBe(400);
  });

  // The open file (公开): no sign-in, only the projects an admin marked public.
  const open = async (query: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${t.url}/api/open/oc4ids.json?${query}`, { headers });
    return { status: res.status, cache: res.headers.get('cache-control'), type: res.headers.get('content-type'), text: await res.text() };
  };
  const codeOf = async (name: string) => (await t.server.db.getRepository(Area).findOneByOrFail({ name })).code!;
  const SET_OPEN = 'mutation($p: ID!, $o: Boolean!) { setProjectOpenData(projectId: $p, open: $o) { id openData } }';

  it('serves 苏家屯区’s public 2020 projects to anyone, valid OC4IDS, with public record documents only and nothing private', async () => {
    const res = await open(`area=${await codeOf('苏家屯区')}&year=2020`);
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/application\/json/);
    expect(res.cache).toBe('public, max-age=600');
    const pkg = JSON.parse(res.text) as Pkg & { uri: string };
    if (!validate(pkg)) throw new Error(ajv.errorsText(validate.errors, { separator: '\n' }));
    expect(pkg).toMatchObject({ version: '0.9', publisher: { name: '重点项目调度平台' }, license: 'https://creativecommons.org/licenses/by/4.0/' });
    expect(pkg.uri).toBe(`https://kpd.example.gov.cn/api/open/oc4ids.json?area=${await codeOf('苏家屯区')}&year=2020`);
    // Exactly the demo's public projects of the district whose construction touches 2020.
    const all = await t.server.db.getRepository(Project).findBy({ areaId: area['苏家屯区'] });
    const touching = all.filter((p) => p.constructionStart <= '2020-12' && p.constructionEnd >= '2020-01');
    const expected = touching.filter((p) => p.openData).map((p) => p.code).sort();
    expect(expected.length).toBe(5);
    expect(pkg.projects.map((p) => p.identifiers[0].id).sort()).toEqual(expected);
    for (const p of touching.filter((x) => !x.openData)) expect(res.text).not.toContain(p.code);
    // Documents: the approvals and acceptance only, as metadata without a file link.
    const docs = pkg.projects.flatMap((p) => (p.documents ?? []) as { documentType: string; url?: string }[]);
    expect(docs.length).toBeGreaterThan(0);
    expect([...new Set(docs.map((d) => d.documentType))].sort()).toEqual(['budgetApproval', 'environmentalImpact']);
    expect(docs.filter((d) => d.url !== undefined)).toEqual([]);
    // No people: no responsible leader, no phone number, no account.
    for (const p of touching.filter((x) => x.openData)) expect(res.text).not.toContain(p.responsibleLeader);
    expect(res.text).not.toMatch(/(?<![\d.])1[3-9]\d{9}(?![\d.])/);
    expect(res.text).not.toMatch(/admin\.|secretary\./);
  });

  it('refuses a bad or unknown area and a bad year with 400 naming the parameter; a city’s file is its districts’ public projects', async () => {
    const bad = async (query: string, field: string) => {
      const res = await open(query);
      expect(res.status).toBe(400);
      expect(JSON.parse(res.text)).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT', field } }] });
    };
    await bad('year=2020', 'area');
    await bad('area=999999&year=2020', 'area');
    await bad("area=210111'%20OR%201=1&year=2020", 'area');
    await bad(`area=${await codeOf('苏家屯区')}&year=20`, 'year');
    await bad(`area=${await codeOf('苏家屯区')}`, 'year');
    await bad(`area=${await codeOf('苏家屯区')}&year=2020.5`, 'year');
    // By id as by code, the same file.
    const byId = await open(`area=${area['苏家屯区']}&year=2020`);
    const byCode = await open(`area=${await codeOf('苏家屯区')}&year=2020`);
    expect(JSON.parse(byId.text).projects).toEqual(JSON.parse(byCode.text).projects);
    const city = await open(`area=${await codeOf('沈阳市')}&year=2020`);
    expect(city.status).toBe(200);
    const pkg = JSON.parse(city.text) as Pkg;
    if (!validate(pkg)) throw new Error(ajv.errorsText(validate.errors, { separator: '\n' }));
    const publicCodes = (await t.server.db.getRepository(Project).findBy({ openData: true })).map((p) => p.code);
    expect(pkg.projects.length).toBeGreaterThanOrEqual(5);
    expect(pkg.projects.every((p) => publicCodes.includes(p.identifiers[0].id))).toBe(true);
  });

  it('puts a project in the open file when its admin marks it public and takes it out when unmarked; no one else may, and a credential changes nothing', async () => {
    const list = await gql<{ projects: { nodes: { id: string; code: string; openData: boolean }[] } }>('{ projects(filter: { stages: [NEW] }, first: 1, orderBy: CODE) { nodes { id code openData } } }', {});
    const p = list.data!.projects.nodes[0];
    expect(p.openData).toBe(false);
    const query = `area=${await codeOf('苏家屯区')}&year=2020`;
    expect((await open(query)).text).not.toContain(p.code);
    // Another district's admin, and the signed-out, cannot mark it.
    const other = await t.gql(SET_OPEN, { p: p.id, o: true }, tokens['admin.dadong']);
    expect(other.errors?.[0].extensions?.code).toMatch(/NOT_FOUND|FORBIDDEN/);
    const anon = await t.gql(SET_OPEN, { p: p.id, o: true });
    expect(anon.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await open(query)).text).not.toContain(p.code);
    // Its own admin marks it: it is in, audited.
    const marked = await gql<{ setProjectOpenData: { openData: boolean } }>(SET_OPEN, { p: p.id, o: true });
    expect(marked.data!.setProjectOpenData.openData).toBe(true);
    const withIt = JSON.parse((await open(query)).text) as Pkg;
    if (!validate(withIt)) throw new Error(ajv.errorsText(validate.errors, { separator: '\n' }));
    expect(withIt.projects.map((x) => x.identifiers[0].id)).toContain(p.code);
    // A signed-in reader's credential does not widen the open file.
    const signedIn = JSON.parse((await open(query, { authorization: `Bearer ${tokens['admin.sujiatun']}` })).text) as Pkg;
    expect(signedIn.projects.length).toBe(withIt.projects.length);
    // Marking it again changes nothing and writes no second record.
    expect((await gql<{ setProjectOpenData: { openData: boolean } }>(SET_OPEN, { p: p.id, o: true })).data!.setProjectOpenData.openData).toBe(true);
    // Unmarked: out again.
    await gql(SET_OPEN, { p: p.id, o: false });
    expect((await open(query)).text).not.toContain(p.code);
    const audit = await t.server.db.getRepository(AuditRecord).find({ where: { entityType: 'Project', entityId: p.id }, order: { id: 'ASC' } });
    expect(audit.map((a) => a.action).filter((a) => a.startsWith('project.open-data'))).toEqual(['project.open-data.publish', 'project.open-data.withdraw']);
  });
});
