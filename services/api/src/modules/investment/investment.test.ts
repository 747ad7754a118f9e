import { creditCodeCheckCharacter, shanghaiDate } from '@kpd/domain';
import { Area } from '../../core/areas/area.entity';
import { AuditRecord } from '../../core/audit/audit-record.entity';
import { DRIVERS, startTestServer, type GraphQLResponse, type TestServer } from '../../testing/harness';
import { Project } from '../projects/project.entity';
import { Secretary, SecretaryAssignment } from '../secretaries/secretary.entity';
import { InvestmentLead, TargetCompany } from './investment.entity';

const SEED = ['areas', 'accounts', 'investment'];

const CHAINS = `query($a: ID) { industryChains(areaId: $a) { id name area { name } } }`;
const CHAIN = `query($id: ID!) { industryChain(id: $id) { id name nodes { id name link priority parentId localCompanies targetCompanies leads signedLeads filled gapWeight } } }`;
const COMPANIES = `query($f: CompanyFilter, $first: Int) { targetCompanies(filter: $f, first: $first) { totalCount nodes { id name creditCode local tags nodes { name } } } }`;
const CREATE_COMPANY = `mutation($i: CreateCompanyInput!) { createTargetCompany(input: $i) { id name creditCode tags nodes { name } } }`;
const DUPLICATES = `query($a: ID!, $c: String, $n: String) { companyDuplicates(areaId: $a, creditCode: $c, name: $n) { id name creditCode } }`;
const CREATE_LEAD = `mutation($i: CreateLeadInput!) { createInvestmentLead(input: $i) { id stage version amount source stalled node { name } company { name } } }`;
const MOVE = `mutation($id: ID!, $i: MoveLeadInput!) { moveInvestmentLead(id: $id, input: $i) { id stage version signedDate lastStepDate } }`;
const VISIT = `mutation($id: ID!, $i: LeadVisitInput!) { logInvestmentVisit(leadId: $id, input: $i) { id kind date note } }`;
const CONVERT = `mutation($id: ID!, $i: ConvertLeadInput!) { convertLeadToKeyProject(id: $id, input: $i) { id stage version project { id code name totalInvestment district { name } } steps { totalCount nodes { kind toStage note } } } }`;
const BOARD = `query($a: ID, $y: Int, $c: ID) { investmentBoard(areaId: $a, year: $y, chainId: $c) {
  year leads platformLeads platformSharePercent signedThisYear signedOver2Billion signedOver5Billion signedFromPlatform signedPlatformSharePercent
  signedTargetPercent stalledLeads visitsThisYear targetCompanies targets { signed over2Billion over5Billion }
  chains { chain { name } nodes filled missing missingPressing } stages { stage count amount reached conversionPercent } sources { source leads signed } } }`;

const field = (res: GraphQLResponse) => res.errors?.[0]?.extensions?.field;
const code = (res: GraphQLResponse) => res.errors?.[0]?.extensions?.code;

/** A valid credit code of 沈阳 from a serial (the check character computed by the one rule). */
function validCode(serial: number): string {
  const first17 = `91210100${String(serial).padStart(8, '0')}X`;
  return first17 + creditCodeCheckCharacter(first17);
}

describe.each(DRIVERS)('investment attraction [%s]', (driver) => {
  let t: TestServer;
  let zoneId: string;
  let newTownId: string;
  let ic: { id: string; nodes: Array<{ id: string; name: string; parentId: string | null; priority: number; filled: boolean; targetCompanies: number; localCompanies: number; gapWeight: number | null; leads: number; signedLeads: number }> };
  const tokens: Record<string, string> = {};
  const today = shanghaiDate(new Date());
  const year = Number(today.slice(0, 4));

  beforeAll(async () => {
    t = await startTestServer(driver, { seedModules: SEED });
    for (const u of ['admin.shenfu', 'admin.sujiatun', 'analyst', 'admin.liaoning']) tokens[u] = await t.login(u);
    const areas = await t.server.db.getRepository(Area).find();
    zoneId = String(areas.find((a) => a.name === '沈抚改革创新示范区')!.id);
    newTownId = String(areas.find((a) => a.name === '沈抚新城')!.id);
    const chains = await t.gql<{ industryChains: Array<{ id: string; name: string }> }>(CHAINS, { a: zoneId }, tokens['admin.shenfu']);
    const icId = chains.data!.industryChains.find((c) => c.name === '集成电路')!.id;
    ic = (await t.gql<{ industryChain: typeof ic }>(CHAIN, { id: icId }, tokens['admin.shenfu'])).data!.industryChain;
  }, 180_000);
  afterAll(() => t?.close());

  it('seeds 沈抚示范区 with three chains, 1,000+ target companies and a pipeline half from the platform', async () => {
    const chains = await t.gql<{ industryChains: Array<{ name: string; area: { name: string } }> }>(CHAINS, { a: zoneId }, tokens['admin.shenfu']);
    expect(chains.data!.industryChains.map((c) => c.name)).toEqual(['集成电路', '新能源汽车', '生物医药']);
    const targets = await t.gql<{ targetCompanies: { totalCount: number } }>(COMPANIES, { f: { areaId: zoneId, local: false } }, tokens['admin.shenfu']);
    expect(targets.data!.targetCompanies.totalCount).toBeGreaterThanOrEqual(1000);
    const board = (await t.gql<{ investmentBoard: Record<string, number | null> }>(BOARD, { a: zoneId, y: year }, tokens['admin.shenfu'])).data!.investmentBoard;
    expect(board.platformSharePercent).toBeGreaterThanOrEqual(45);
    expect(board.platformSharePercent).toBeLessThan(50);
    expect(board.signedPlatformSharePercent).toBeGreaterThan(10);
    expect(board.signedPlatformSharePercent).toBeLessThan(15);
    expect(board).toMatchObject({ signedOver2Billion: 2, signedOver5Billion: 1, targets: { signed: 80, over2Billion: 2, over5Billion: 1 } });
    const converted = await t.server.db.getRepository(InvestmentLead).countBy({ stage: 'KEY_PROJECT' as never });
    expect(converted).toBe(3);
    expect(await t.server.db.getRepository(Project).countBy({ areaId: Number(newTownId) })).toBe(3);
  });

  it('draws the 集成电路 chain: filled nodes have a local company or a signed project, missing ones a weight', async () => {
    expect(ic.nodes.length).toBeGreaterThan(15);
    for (const node of ic.nodes) {
      expect(node.filled).toBe(node.localCompanies > 0 || node.signedLeads > 0);
      expect(node.gapWeight === null).toBe(node.filled);
    }
    expect(ic.nodes.some((x) => !x.filled)).toBe(true);
    expect(ic.nodes.find((x) => x.name === '封装测试')).toMatchObject({ filled: true, localCompanies: 2 });
    // The board counts the same filled and missing nodes as the map, by the database.
    const board = (await t.gql<{ investmentBoard: { chains: Array<{ chain: { name: string }; nodes: number; filled: number; missing: number }> } }>(BOARD, { a: zoneId, c: ic.id }, tokens['admin.shenfu'])).data!.investmentBoard;
    const leaves = ic.nodes.filter((x) => !ic.nodes.some((c) => c.parentId === x.id));
    expect(leaves.length).toBeLessThan(ic.nodes.length);
    expect(board.chains).toEqual([
      { chain: { name: '集成电路' }, nodes: leaves.length, filled: leaves.filter((x) => x.filled).length, missing: leaves.filter((x) => !x.filled).length, missingPressing: leaves.filter((x) => !x.filled && x.priority <= 2).length },
    ]);
  });

  it('lists the targets of a missing node: the target list', async () => {
    const missing = ic.nodes.filter((x) => !x.filled).sort((a, b) => b.gapWeight! - a.gapWeight!)[0];
    expect(missing.targetCompanies).toBeGreaterThan(0);
    const list = await t.gql<{ targetCompanies: { totalCount: number; nodes: Array<{ local: boolean; nodes: Array<{ name: string }> }> } }>(COMPANIES, { f: { nodeId: missing.id, local: false }, first: 100 }, tokens['admin.shenfu']);
    expect(list.data!.targetCompanies.totalCount).toBe(missing.targetCompanies);
    for (const c of list.data!.targetCompanies.nodes) expect(c.nodes.map((x) => x.name)).toContain(missing.name);
  });

  it('enters a company with a checked credit code and refuses duplicates by code and by name', async () => {
    const base = { areaId: zoneId, name: '沈抚测试晶圆材料有限公司', industry: '集成电路', size: 'MEDIUM', source: 'PLATFORM', tags: ['专精特新'], nodeIds: [ic.nodes[1].id] };
    const bad = await t.gql(CREATE_COMPANY, { i: { ...base, creditCode: '91210100MA0TEST00X' } }, tokens['admin.shenfu']);
    expect([code(bad), field(bad)]).toEqual(['BAD_USER_INPUT', 'input.creditCode']);
    const wrongCheck = validCode(1).slice(0, 17) + (validCode(1)[17] === '0' ? '1' : '0');
    const check = await t.gql(CREATE_COMPANY, { i: { ...base, creditCode: wrongCheck } }, tokens['admin.shenfu']);
    expect(check.errors![0].extensions!.reason).toMatch(/校验位/);
    const ok = await t.gql<{ createTargetCompany: { id: string; creditCode: string; tags: string[]; nodes: Array<{ name: string }> } }>(CREATE_COMPANY, { i: { ...base, creditCode: validCode(1).toLowerCase() } }, tokens['admin.shenfu']);
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.createTargetCompany).toMatchObject({ creditCode: validCode(1), tags: ['专精特新'], nodes: [{ name: ic.nodes[1].name }] });
    const audit = await t.server.db.getRepository(AuditRecord).findOneBy({ action: 'investment.company.create', entityId: ok.data!.createTargetCompany.id });
    expect(audit?.actorUsername).toBe('admin.shenfu');
    const sameCode = await t.gql(CREATE_COMPANY, { i: { ...base, name: '另一个名字有限公司', creditCode: validCode(1) } }, tokens['admin.shenfu']);
    expect([code(sameCode), field(sameCode)]).toEqual(['BAD_USER_INPUT', 'input.creditCode']);
    const sameName = await t.gql(CREATE_COMPANY, { i: { ...base, creditCode: validCode(2) } }, tokens['admin.shenfu']);
    expect([code(sameName), field(sameName)]).toEqual(['BAD_USER_INPUT', 'input.name']);
    const dups = await t.gql<{ companyDuplicates: Array<{ name: string }> }>(DUPLICATES, { a: zoneId, c: validCode(1), n: null }, tokens['admin.shenfu']);
    expect(dups.data!.companyDuplicates.map((d) => d.name)).toEqual(['沈抚测试晶圆材料有限公司']);
    expect(await t.server.db.getRepository(TargetCompany).countBy({ name: '另一个名字有限公司' })).toBe(0);
  });

  it('keeps the zone’s lists to its own admins; analysts read them, never write', async () => {
    const other = await t.gql(CHAIN, { id: ic.id }, tokens['admin.sujiatun']);
    expect(code(other)).toBe('NOT_FOUND');
    const list = await t.gql<{ targetCompanies: { totalCount: number } }>(COMPANIES, { f: null }, tokens['admin.sujiatun']);
    expect(list.data!.targetCompanies.totalCount).toBe(0);
    const analyst = await t.gql(CHAIN, { id: ic.id }, tokens['analyst']);
    expect(analyst.errors).toBeUndefined();
    const write = await t.gql(CREATE_LEAD, { i: { areaId: zoneId, name: 'x', amount: '1.00', source: 'PLATFORM', responsiblePerson: '张', responsibleUnit: '局' } }, tokens['analyst']);
    expect(code(write)).toBe('FORBIDDEN');
  });

  it('gives a read:figures token the board’s figures, and the rows only with read:projects', async () => {
    const made = await t.gql<{ createApiToken: { token: string } }>('mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { token } }', { i: { name: '招商看板', scopes: ['READ_FIGURES'] } }, tokens['admin.shenfu']);
    const token = made.data!.createApiToken.token;
    const board = await t.gql<{ investmentBoard: { leads: number; chains: unknown[] } }>(BOARD, { a: zoneId, y: year }, token);
    expect(board.errors).toBeUndefined();
    expect(board.data!.investmentBoard.leads).toBeGreaterThan(100);
    expect(board.data!.investmentBoard.chains).toHaveLength(3);
    const rows = await t.gql(CHAIN, { id: ic.id }, token);
    expect(code(rows)).toBe('FORBIDDEN');
  });

  it('runs a lead from entry to key project with its secretary in one step (招服一体), and the board follows', async () => {
    const before = (await t.gql<{ investmentBoard: { signedThisYear: number; leads: number; visitsThisYear: number } }>(BOARD, { a: zoneId, y: year }, tokens['admin.shenfu'])).data!.investmentBoard;
    const missing = ic.nodes.find((x) => !x.filled)!;
    const created = await t.gql<{ createInvestmentLead: { id: string; version: number; stage: string; stalled: boolean } }>(
      CREATE_LEAD,
      { i: { areaId: zoneId, name: '光刻胶国产化项目', nodeId: missing.id, amount: '1200000000.00', source: 'PLATFORM', responsiblePerson: '张伟', responsibleUnit: '沈抚示范区招商局', nextStep: '邀请企业来区考察', nextStepDate: today } },
      tokens['admin.shenfu'],
    );
    expect(created.errors).toBeUndefined();
    const lead = created.data!.createInvestmentLead;
    expect(lead).toMatchObject({ stage: 'LEAD', version: 1, stalled: false });

    const visit = await t.gql(VISIT, { id: lead.id, i: { date: today, note: '赴上海拜访企业董事长' } }, tokens['admin.shenfu']);
    expect(visit.errors).toBeUndefined();
    const future = await t.gql(VISIT, { id: lead.id, i: { date: `${year + 1}-01-01`, note: '未来' } }, tokens['admin.shenfu']);
    expect(field(future)).toBe('input.date');

    const early = await t.gql(CONVERT, { id: lead.id, i: { version: 2, code: 'SF-T-1', constructionStart: `${year}-01`, constructionEnd: `${year + 1}-12`, responsibleLeader: '副主任', secretaryId: '1' } }, tokens['admin.shenfu']);
    expect(field(early)).toBe('input.version');

    const signed = await t.gql<{ moveInvestmentLead: { version: number; signedDate: string } }>(MOVE, { id: lead.id, i: { version: 2, stage: 'SIGNED', date: today, note: '签订投资协议' } }, tokens['admin.shenfu']);
    expect(signed.errors).toBeUndefined();
    expect(signed.data!.moveInvestmentLead).toMatchObject({ version: 3, signedDate: today });
    const back = await t.gql(MOVE, { id: lead.id, i: { version: 3, stage: 'NEGOTIATING', date: today } }, tokens['admin.shenfu']);
    expect([code(back), field(back)]).toEqual(['BAD_USER_INPUT', 'input.stage']);
    const stale = await t.gql(MOVE, { id: lead.id, i: { version: 2, stage: 'REGISTERED', date: today } }, tokens['admin.shenfu']);
    expect(code(stale)).toBe('CONFLICT');

    const secretaries = await t.gql<{ secretaries: { nodes: Array<{ id: string; name: string }> } }>(`query($a: ID) { secretaries(filter: { areaId: $a }) { nodes { id name } } }`, { a: newTownId }, tokens['admin.shenfu']);
    const secretary = secretaries.data!.secretaries.nodes[0];
    const converted = await t.gql<{ convertLeadToKeyProject: { stage: string; project: { id: string; code: string; name: string; totalInvestment: string; district: { name: string } }; steps: { nodes: Array<{ kind: string }> } } }>(
      CONVERT,
      { id: lead.id, i: { version: 3, districtId: newTownId, code: `SF-T-${driver}`, constructionStart: `${year}-01`, constructionEnd: `${year + 1}-12`, responsibleLeader: '沈抚示范区管委会副主任', secretaryId: secretary.id } },
      tokens['admin.shenfu'],
    );
    expect(converted.errors).toBeUndefined();
    const c = converted.data!.convertLeadToKeyProject;
    expect(c).toMatchObject({ stage: 'KEY_PROJECT', project: { name: '光刻胶国产化项目', totalInvestment: '1200000000.00', district: { name: '沈抚新城' } } });
    expect(c.steps.nodes.map((s) => s.kind)).toEqual(['CONVERTED', 'STAGE', 'VISIT', 'CREATED']);
    const assignment = await t.server.db.getRepository(SecretaryAssignment).findOneBy({ projectId: Number(c.project.id) });
    expect(assignment).toMatchObject({ secretaryId: Number(secretary.id), teamRole: 'SOLE', endDate: null });
    const again = await t.gql(CONVERT, { id: lead.id, i: { version: 5, districtId: newTownId, code: 'SF-T-X', constructionStart: `${year}-01`, constructionEnd: `${year + 1}-12`, responsibleLeader: '副主任', secretaryId: secretary.id } }, tokens['admin.shenfu']);
    expect(field(again)).toBe('input.version');

    const after = (await t.gql<{ investmentBoard: { signedThisYear: number; leads: number; visitsThisYear: number } }>(BOARD, { a: zoneId, y: year }, tokens['admin.shenfu'])).data!.investmentBoard;
    expect(after).toMatchObject({ signedThisYear: before.signedThisYear + 1, leads: before.leads + 1, visitsThisYear: before.visitsThisYear + 1 });
    const actions = (await t.server.db.getRepository(AuditRecord).findBy({ entityType: 'InvestmentLead', entityId: lead.id })).map((a: AuditRecord) => a.action).sort();
    expect(actions).toEqual(['investment.lead.convert', 'investment.lead.create', 'investment.lead.move', 'investment.lead.visit']);
  });

  it('lets one of two concurrent moves of a lead through; the other hears CONFLICT', async () => {
    const created = await t.gql<{ createInvestmentLead: { id: string } }>(
      CREATE_LEAD,
      { i: { areaId: zoneId, name: '并发测试项目', amount: '100.00', source: 'EXPO', responsiblePerson: '王芳', responsibleUnit: '沈抚示范区招商局' } },
      tokens['admin.shenfu'],
    );
    const id = created.data!.createInvestmentLead.id;
    const results = await Promise.all(
      ['CONTACTED', 'VISITED', 'NEGOTIATING', 'SIGNED'].map((stage) => t.gql(MOVE, { id, i: { version: 1, stage, date: today } }, tokens['admin.shenfu'])),
    );
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.filter((r) => r.errors).map(code)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT']);
    const row = await t.server.db.getRepository(InvestmentLead).findOneByOrFail({ id: Number(id) });
    expect(row.version).toBe(2);
  });

  it('opens one ledger entry when a lead is converted twice at once; a refused code lets the form be sent again', async () => {
    const created = await t.gql<{ createInvestmentLead: { id: string } }>(
      CREATE_LEAD,
      { i: { areaId: zoneId, name: '并发转化项目', amount: '300000000.00', source: 'VISIT', responsiblePerson: '王芳', responsibleUnit: '沈抚示范区招商局' } },
      tokens['admin.shenfu'],
    );
    const id = created.data!.createInvestmentLead.id;
    await t.gql(MOVE, { id, i: { version: 1, stage: 'SIGNED', date: today } }, tokens['admin.shenfu']);
    const secretary = await t.server.db.getRepository(Secretary).findOneByOrFail({ name: '周明' });
    const input = (code: string) => ({ version: 2, districtId: newTownId, code, constructionStart: `${year}-01`, constructionEnd: `${year + 1}-12`, responsibleLeader: '副主任', secretaryId: String(secretary.id) });
    const refused = await t.gql(CONVERT, { id, i: input('SF 02') }, tokens['admin.shenfu']);
    expect([code(refused), field(refused)]).toEqual(['BAD_USER_INPUT', 'input.code']);
    const results = await Promise.all(['SF-C-1', 'SF-C-2', 'SF-C-3'].map((c) => t.gql(CONVERT, { id, i: input(`${c}-${driver}`) }, tokens['admin.shenfu'])));
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.filter((r) => r.errors).map(code)).toEqual(['CONFLICT', 'CONFLICT']);
    const projects = await t.server.db.getRepository(Project).countBy({ name: '并发转化项目' });
    expect(projects).toBe(1);
  });

  it('computes the board’s stages and sources as the pipeline lists them', async () => {
    const board = (await t.gql<{ investmentBoard: { leads: number; platformLeads: number; stalledLeads: number; stages: Array<{ stage: string; count: number; reached: number; conversionPercent: number | null }>; sources: Array<{ source: string; leads: number }> } }>(BOARD, { a: zoneId, y: year }, tokens['admin.shenfu'])).data!.investmentBoard;
    for (const s of board.stages) {
      const listed = await t.gql<{ investmentLeads: { totalCount: number } }>(`query($s: LeadStage) { investmentLeads(filter: { stage: $s }) { totalCount } }`, { s: s.stage }, tokens['admin.shenfu']);
      expect([s.stage, s.count]).toEqual([s.stage, listed.data!.investmentLeads.totalCount]);
    }
    expect(board.stages[0].reached).toBe(board.leads);
    expect(board.stages[1].conversionPercent).toBe(Math.round((board.stages[1].reached * 1000) / board.stages[0].reached) / 10);
    expect(board.sources.reduce((a, s) => a + s.leads, 0)).toBe(board.leads);
    const stalled = await t.gql<{ investmentLeads: { totalCount: number; nodes: Array<{ stalled: boolean }> } }>(`{ investmentLeads(filter: { stalledOnly: true }, first: 100) { totalCount nodes { stalled } } }`, {}, tokens['admin.shenfu']);
    expect(stalled.data!.investmentLeads.totalCount).toBe(board.stalledLeads);
    expect(board.stalledLeads).toBeGreaterThan(0);
    expect(stalled.data!.investmentLeads.nodes.every((n) => n.stalled)).toBe(true);
  });
});
