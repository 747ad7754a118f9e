import { creditCodeProblem, projectCodeProblem } from '@kpd/domain';
import { AuditRecord } from '../../core/audit/audit-record.entity';
import { setTodayForTesting } from '../../core/clock';
import { DRIVERS, errorCode, startTestServer, type TestServer } from '../../testing/harness';

interface Contract { id: string; originalValue: string; currentValue: string; currentEndDate: string | null; supplier: { name: string } | null; variations: { seq: number; kind: string; reason: string; oldValue: string | null; newValue: string | null }[] }
type Problem = { field: string; reason: string };

describe.each(DRIVERS)('documents, contracts and completion of a project [%s]', (driver) => {
  let t: TestServer;
  const tokens: Record<string, string> = {};
  let project: { id: string; totalInvestment: string; constructionEnd: string };
  beforeAll(async () => {
    setTodayForTesting('2020-10-15');
    t = await startTestServer(driver, { seedModules: ['areas', 'accounts', 'projects'] });
    for (const u of ['admin.sujiatun', 'admin.dadong']) tokens[u] = await t.login(u);
    const res = await t.gql<{ projects: { nodes: (typeof project)[] } }>('{ projects(filter: { stages: [CONTINUING] }, first: 1, orderBy: CODE) { nodes { id totalInvestment constructionEnd } } }', {}, tokens['admin.sujiatun']);
    project = res.data!.projects.nodes[0];
  }, 120_000);
  afterAll(async () => {
    setTodayForTesting(undefined);
    await t.close();
  });

  const gql = <T>(q: string, v: Record<string, unknown>, who = 'admin.sujiatun') => t.gql<T>(q, v, tokens[who]);
  const problemsOf = (r: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => (r.errors?.[0].extensions?.problems ?? [{ field: r.errors?.[0].extensions?.field, reason: '' }]) as Problem[];

  it('the demo: ten of 苏家屯区’s key projects carry a valid national code, parties with valid credit codes, approvals and contracts, some varied', async () => {
    const res = await gql<{ projects: { nodes: { nationalCode: string | null; parties: { creditCode: string }[]; documents: { documentType: string }[]; contracts: { originalValue: string; currentValue: string; variations: { reason: string }[] }[] }[] } }>(
      '{ projects(filter: { stages: [NEW, CONTINUING] }, last: 10, orderBy: CODE) { nodes { nationalCode parties { creditCode } documents { documentType } contracts { originalValue currentValue variations { reason } } } } }',
      {},
    );
    const demo = res.data!.projects.nodes.filter((p) => p.nationalCode);
    expect(demo).toHaveLength(10);
    for (const p of demo) {
      expect(projectCodeProblem(p.nationalCode!, 2020)).toBeNull();
      for (const party of p.parties) expect(creditCodeProblem(party.creditCode)).toBeNull();
      expect(p.documents.map((d) => d.documentType)).toEqual(expect.arrayContaining(['FEASIBILITY_STUDY', 'BUDGET_APPROVAL', 'ENVIRONMENTAL_IMPACT']));
      expect(p.contracts).toHaveLength(2);
    }
    const varied = demo.flatMap((p) => p.contracts).filter((c) => c.variations.length > 0);
    expect(varied.length).toBeGreaterThanOrEqual(4);
    expect(varied.some((c) => c.currentValue !== c.originalValue)).toBe(true);
  });

  it('files documents by type, refuses another district, removes one', async () => {
    const save = (input: Record<string, unknown>, who?: string) =>
      gql<{ saveProjectDocument: { id: string; documentType: string; version: number } }>('mutation($p: ID!, $i: ProjectDocumentInput!) { saveProjectDocument(projectId: $p, input: $i) { id documentType version } }', { p: project.id, i: input }, who);
    const eia = await save({ documentType: 'ENVIRONMENTAL_IMPACT', title: '环境影响报告表批复', number: '沈环审〔2019〕21号', issuer: '沈阳市生态环境局', issuedOn: '2019-05-20' });
    expect(eia.errors).toBeUndefined();
    expect(errorCode(await save({ documentType: 'FEASIBILITY_STUDY', title: '可研' }, 'admin.dadong'))).toBe('NOT_FOUND');
    const blank = await save({ documentType: 'FEASIBILITY_STUDY', title: '  ' });
    expect(blank.errors![0].extensions!.field).toBe('input.title');
    const draft = await save({ documentType: 'FEASIBILITY_STUDY', title: '可行性研究报告' });
    const changed = await save({ id: draft.data!.saveProjectDocument.id, version: 1, documentType: 'FEASIBILITY_STUDY', title: '可行性研究报告（修订）' });
    expect(changed.data!.saveProjectDocument.version).toBe(2);
    const removed = await gql<{ removeProjectDocument: boolean }>('mutation($id: ID!) { removeProjectDocument(id: $id) }', { id: draft.data!.saveProjectDocument.id });
    expect(removed.data!.removeProjectDocument).toBe(true);
    const docs = await gql<{ project: { documents: { documentType: string; number: string }[] } }>('query($id: ID!) { project(id: $id) { documents { documentType number } } }', { id: project.id });
    expect(docs.data!.project.documents).toEqual([{ documentType: 'ENVIRONMENTAL_IMPACT', number: '沈环审〔2019〕21号' }]);
  });

  it('files a document with its uploaded PDF: served to readers of the project only, never anything but a PDF or a scan', async () => {
    const upload = async (body: Buffer | string, name: string, purpose = 'document', who = 'admin.sujiatun') => {
      const form = new FormData();
      form.append('file', new Blob([body]), name);
      const res = await fetch(`${t.url}/api/files?purpose=${purpose}`, { method: 'POST', headers: { authorization: `Bearer ${tokens[who]}` }, body: form });
      return { status: res.status, body: (await res.json()) as { id: string; mime: string; purpose: string; errors?: { extensions: { field?: string } }[] } };
    };
    const pdf = `%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`;
    const up = await upload(pdf, '环评批复.pdf');
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ purpose: 'DOCUMENT', mime: 'application/pdf' });
    expect((await upload('just some text', 'notes.txt')).status).toBe(400);
    expect((await upload('%PDF-1.4\n1 0 obj', 'cut.pdf')).status).toBe(400);

    const save = (i: Record<string, unknown>) =>
      gql<{ saveProjectDocument: { id: string; version: number; files: { id: string; mime: string; url: string }[] } }>('mutation($p: ID!, $i: ProjectDocumentInput!) { saveProjectDocument(projectId: $p, input: $i) { id version files { id mime url } } }', { p: project.id, i });
    const saved = await save({ documentType: 'ENVIRONMENTAL_IMPACT', title: '环境影响报告书批复（附件）', issuer: '沈阳市生态环境局', issuedOn: '2019-06-10', fileIds: [up.body.id] });
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.saveProjectDocument.files).toEqual([{ id: up.body.id, mime: 'application/pdf', url: `/api/files/${up.body.id}` }]);
    const get = (who: string) => fetch(`${t.url}/api/files/${up.body.id}`, { headers: { authorization: `Bearer ${tokens[who]}` } });
    const read = await get('admin.sujiatun');
    expect(read.status).toBe(200);
    expect(read.headers.get('content-type')).toBe('application/pdf');
    expect(read.headers.get('content-disposition')).toMatch(/^attachment; filename="file\.pdf"/);
    expect(await read.text()).toBe(pdf);
    expect((await get('admin.dadong')).status).toBe(404);

    // A change without fileIds keeps the file; a photo is not a document.
    const kept = await save({ id: saved.data!.saveProjectDocument.id, version: 1, documentType: 'ENVIRONMENTAL_IMPACT', title: '环境影响报告书批复' });
    expect(kept.data!.saveProjectDocument.files.map((f) => f.id)).toEqual([up.body.id]);
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    const photo = await upload(png, 'site.png', 'photo');
    expect(photo.status).toBe(201);
    const wrong = await save({ id: saved.data!.saveProjectDocument.id, version: 2, documentType: 'ENVIRONMENTAL_IMPACT', title: '环境影响报告书批复', fileIds: [photo.body.id] });
    expect(problemsOf(wrong).map((x) => x.field)).toEqual(['input.fileIds[0]']);
    // A scanned page is a document too; removing the document releases its files.
    const scan = await upload(png, 'scan.png');
    expect(scan.body).toMatchObject({ purpose: 'DOCUMENT', mime: 'image/png' });
    const both = await save({ id: saved.data!.saveProjectDocument.id, version: 2, documentType: 'ENVIRONMENTAL_IMPACT', title: '环境影响报告书批复', fileIds: [up.body.id, scan.body.id] });
    expect(both.data!.saveProjectDocument.files.map((f) => f.mime)).toEqual(['application/pdf', 'image/png']);
    expect((await gql('mutation($id: ID!) { removeProjectDocument(id: $id) }', { id: saved.data!.saveProjectDocument.id })).errors).toBeUndefined();
    expect((await fetch(`${t.url}/api/files/${scan.body.id}`, { headers: { authorization: `Bearer ${tokens['admin.dadong']}` } })).status).toBe(404);
  });

  it('the demo: 大东区’s DD-2019-001 is completed, with its acceptance scanned, its final cost and why, lit up to August only', async () => {
    const res = await gql<{ projects: { nodes: { id: string; code: string; stage: string; august: { color: string } | null; september: { color: string } | null; completion: { endDate: string; finalCost: string; finalScope: string; deviationReason: string; acceptance: { documentType: string; files: { mime: string; url: string }[] } } }[] } }>(
      '{ projects(filter: { stages: [COMPLETED] }, first: 10) { nodes { id code stage august: light(period: "2020-08") { color } september: light(period: "2020-09") { color } completion { endDate finalCost finalScope deviationReason acceptance { documentType files { mime url } } } } } }',
      {},
      'admin.dadong',
    );
    expect(res.errors).toBeUndefined();
    const done = res.data!.projects.nodes.find((p) => p.code === 'DD-2019-001')!;
    expect(done).toMatchObject({ stage: 'COMPLETED', august: { color: 'GREEN' }, september: null });
    expect(done.completion).toMatchObject({ endDate: '2020-08-28', finalCost: '116400000.00', deviationReason: expect.stringContaining('节余360万元') });
    expect(done.completion.acceptance.documentType).toBe('COMPLETION_CERTIFICATE');
    expect(done.completion.acceptance.files).toEqual([{ mime: 'image/jpeg', url: expect.stringMatching(/^\/api\/files\//) }]);
    const scan = await fetch(`${t.url}${done.completion.acceptance.files[0].url}`, { headers: { authorization: `Bearer ${tokens['admin.dadong']}` } });
    expect(scan.status).toBe(200);
    expect(scan.headers.get('content-type')).toBe('image/jpeg');
  });

  it('records a contract with its supplier, then variations from the terms as they stand, each with its reason', async () => {
    const party = await gql<{ saveProjectParty: { id: string } }>('mutation($p: ID!, $i: ProjectPartyInput!) { saveProjectParty(projectId: $p, input: $i) { id } }', {
      p: project.id, i: { role: 'CONTRACTOR', name: '中国建筑第三工程局有限公司', creditCode: '91350100M000100Y43' },
    });
    const saved = await gql<{ saveProjectContract: { id: string } }>('mutation($p: ID!, $i: ProjectContractInput!) { saveProjectContract(projectId: $p, input: $i) { id } }', {
      p: project.id,
      i: { title: '主体工程施工总承包', number: 'SG-2019-01', nature: 'CONSTRUCTION', status: 'ACTIVE', supplierPartyId: party.data!.saveProjectParty.id, originalValue: '12000000.00', signedOn: '2019-06-01', startDate: '2019-06-15', originalEndDate: '2020-12-31' },
    });
    expect(saved.errors).toBeUndefined();
    const contractId = saved.data!.saveProjectContract.id;
    const vary = (input: Record<string, unknown>) => gql<{ addContractVariation: { seq: number } }>('mutation($c: ID!, $i: ContractVariationInput!) { addContractVariation(contractId: $c, input: $i) { seq } }', { c: contractId, i: input });

    const noReason = await vary({ kind: 'VALUE', date: '2020-03-01', reason: ' ', oldValue: '12000000.00', newValue: '12500000.00' });
    expect(errorCode(noReason)).toBe('BAD_USER_INPUT');
    expect(problemsOf(noReason).map((p) => p.field)).toContain('input.reason');
    expect((await vary({ kind: 'VALUE', date: '2020-03-01', reason: '增加地下车库', oldValue: '12000000.00', newValue: '12500000.00' })).data!.addContractVariation.seq).toBe(1);
    const staleOld = await vary({ kind: 'VALUE', date: '2020-05-01', reason: '钢材调差', oldValue: '12000000.00', newValue: '12600000.00' });
    expect(problemsOf(staleOld).map((p) => p.field)).toContain('input.oldValue');
    expect((await vary({ kind: 'DURATION', date: '2020-06-01', reason: '疫情停工顺延', oldEndDate: '2020-12-31', newEndDate: '2021-04-30' })).data!.addContractVariation.seq).toBe(2);

    const frozen = await gql<{ saveProjectContract: { id: string } }>('mutation($p: ID!, $i: ProjectContractInput!) { saveProjectContract(projectId: $p, input: $i) { id } }', {
      p: project.id, i: { id: contractId, version: 1, title: '主体工程施工总承包', nature: 'CONSTRUCTION', status: 'ACTIVE', originalValue: '1.00', originalEndDate: '2020-12-31' },
    });
    expect(frozen.errors![0].extensions!.field).toBe('input.originalValue');

    const read = await gql<{ project: { contracts: Contract[] } }>('query($id: ID!) { project(id: $id) { contracts { id originalValue currentValue currentEndDate supplier { name } variations { seq kind reason oldValue newValue } } } }', { id: project.id });
    expect(read.data!.project.contracts[0]).toMatchObject({
      originalValue: '12000000.00', currentValue: '12500000.00', currentEndDate: '2021-04-30', supplier: { name: '中国建筑第三工程局有限公司' },
      variations: [{ seq: 1, kind: 'VALUE', reason: '增加地下车库', oldValue: '12000000.00', newValue: '12500000.00' }, { seq: 2, kind: 'DURATION', reason: '疫情停工顺延', oldValue: null, newValue: null }],
    });
    expect(await t.server.db.getRepository(AuditRecord).count({ where: { action: 'contract-variation.create' } })).toBe(2);
  });

  it('completes a project: a reason is asked when the cost differs, the acceptance must be one, and the project leaves the monthly cycle', async () => {
    const complete = (input: Record<string, unknown>) =>
      gql<{ completeProject: { endDate: string; finalCost: string; acceptance: { title: string } | null } }>('mutation($p: ID!, $i: CompletionInput!) { completeProject(projectId: $p, input: $i) { endDate finalCost acceptance { title } } }', { p: project.id, i: input });
    const over = (BigInt(project.totalInvestment.replace('.', '')) + 123n).toString();
    const finalCost = `${over.slice(0, -2)}.${over.slice(-2)}`;
    const noReason = await complete({ endDate: '2020-09-30', finalCost, finalScope: '建成厂房 3 栋及配套' });
    expect(problemsOf(noReason).map((p) => p.field)).toContain('input.deviationReason');
    const eia = await gql<{ project: { documents: { id: string }[] } }>('query($id: ID!) { project(id: $id) { documents { id } } }', { id: project.id });
    const wrongDoc = await complete({ endDate: '2020-09-30', finalCost, finalScope: '建成厂房 3 栋及配套', deviationReason: '钢材涨价', acceptanceDocumentId: eia.data!.project.documents[0].id });
    expect(wrongDoc.errors![0].extensions!.field).toBe('input.acceptanceDocumentId');
    expect(errorCode(await complete({ endDate: '2020-10-16', finalCost, finalScope: 'x', deviationReason: 'y' }))).toBe('BAD_USER_INPUT');
    const stageBefore = await gql<{ project: { stage: string } }>('query($id: ID!) { project(id: $id) { stage } }', { id: project.id });
    expect(stageBefore.data!.project.stage).toBe('CONTINUING');

    const acceptance = await gql<{ saveProjectDocument: { id: string } }>('mutation($p: ID!, $i: ProjectDocumentInput!) { saveProjectDocument(projectId: $p, input: $i) { id } }', {
      p: project.id, i: { documentType: 'COMPLETION_CERTIFICATE', title: '竣工验收备案表', issuedOn: '2020-09-30' },
    });
    const done = await complete({ endDate: '2020-09-30', finalCost, finalScope: '建成厂房 3 栋及配套', deviationReason: '钢材涨价', acceptanceDocumentId: acceptance.data!.saveProjectDocument.id });
    expect(done.errors).toBeUndefined();
    expect(done.data!.completeProject).toEqual({ endDate: '2020-09-30', finalCost, acceptance: { title: '竣工验收备案表' } });
    const after = await gql<{ project: { stage: string; completion: { deviationReason: string } } }>('query($id: ID!) { project(id: $id) { stage completion { deviationReason } } }', { id: project.id });
    expect(after.data!.project).toEqual({ stage: 'COMPLETED', completion: { deviationReason: '钢材涨价' } });
    const removeAcceptance = await gql<{ removeProjectDocument: boolean }>('mutation($id: ID!) { removeProjectDocument(id: $id) }', { id: acceptance.data!.saveProjectDocument.id });
    expect(errorCode(removeAcceptance)).toBe('BAD_USER_INPUT');
  });
});
