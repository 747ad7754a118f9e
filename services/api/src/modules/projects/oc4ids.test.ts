import path from 'node:path';
import fs from 'node:fs';
import Ajv from 'ajv';
import { Area } from '../../core/areas/area.entity';
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
});
