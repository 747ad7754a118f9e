import { Area } from '../../services/api/src/core/areas/area.entity';
import { Notice, NoticeChannel, NoticeDelivery } from '../../services/api/src/core/notices/notice.entity';
import { DeliveryStatus, NoticeChannelKind, NoticeKind } from '../../services/api/src/core/notices/notice.types';
import type { TestServer } from '../../services/api/src/testing/harness';
import { ACCOUNTS, TOKENS, type Principal } from './access-table';

/** Records in 苏家屯区 (and its city) that the matrix's rows point at. */
export interface Fixtures {
  areaId: Record<string, string>;
  /** A signed-in session per person, and the secret of each token principal. */
  tokens: Record<Exclude<Principal, 'anon'>, string>;
  /** A second sign-in session of each person, for revokeSession to end (their own tokens stay live). */
  spareSessions: Record<string, string>;
  sujiatunServiceItem: string;
  /** A 一件事 bundle of the fixture item and one outside part. */
  sujiatunBundle: string;
  /** A decided case of the fixture item, its rating link never used; another's unused link token; a rectification of a bad rating. */
  sujiatunCase: string;
  ratingToken: string;
  sujiatunRectification: string;
  /** A bulk export job of each principal's own. */
  exportJobOf: Partial<Record<Principal, string>>;
  sujiatunUser: string;
  sujiatunApiToken: string;
  /** A dead outbound delivery of a 苏家屯区 channel. */
  sujiatunDelivery: string;
  sujiatunProject: string;
  /** A report correction of the project's closed July 2020, awaiting a city admin. */
  sujiatunCorrection: string;
  /** 苏家屯区's published board of August 2020. */
  sujiatunPublication: string;
  /** A service secretary of 苏家屯区 and its assignment to the fixture project. */
  sujiatunSecretary: string;
  sujiatunAssignment: string;
  sujiatunProblem: string;
  sujiatunMeeting: string;
  /** The first node (立项) of the fixture project's procedure chain, from a one-type 沈阳市 template. */
  sujiatunProcedureNode: string;
  /** An industry chain of 苏家屯区 with one node, a target company on it and a lead. */
  sujiatunChain: string;
  sujiatunChainNode: string;
  sujiatunCompany: string;
  sujiatunLead: string;
  /** A workbook each signed-in principal uploaded itself (an upload is readable by its uploader only). */
  workbookOf: Partial<Record<Principal, string>>;
  /** 阜新市's demo vote (closed and tallied), one of its projects, a published receipt, a proposal. */
  fuxinSession: string;
  fuxinProject: string;
  fuxinReceipt: string;
  fuxinProposal: string;
  fuxinReserveItem: string;
  fuxinCandidate: string;
  fuxinTrackingCode: string;
  /** The demo's supervision group of which delegate.001 is the leader, and an advice not yet answered. */
  fuxinSupervisionGroup: string;
  fuxinAdvice: string;
  /** A demo sub-item evaluated by delegate.001's delegation (新邱区代表团), not yet rated. */
  fuxinSubItem: string;
  delegateUserId: string;
}

/** A whole service guide for the fixture item (so its public page exists). */
const SERVICE_GUIDE = {
  conditions: '在苏家屯区内从事房屋建筑工程施工的建设单位',
  materials: [{ name: '建筑工程施工许可申请表', form: 'ORIGINAL', copies: 1, source: '窗口领取', shared: false }],
  steps: [{ title: '申请' }],
  place: '苏家屯区政务服务中心',
  hours: '周一至周五',
  fees: [],
  pauses: [],
  contactPhone: '024-12345',
  complaintPhone: '12345',
  faq: [],
};

const SERVICE_ITEM = {
  basicCode: '0100105000',
  implementationCode: 'AUTHZ-1',
  name: '建筑工程施工许可证核发',
  type: 'ADMINISTRATIVE_LICENSE',
  department: '区住房和城乡建设局',
  byApplication: true,
  onlineDepth: 'FULLY_ONLINE',
  visits: 0,
  caseKind: 'PROMISED',
  legalLimitDays: 15,
  promisedLimitDays: 3,
  highFrequency: true,
};

function projectInput(districtId: string, code: string) {
  return {
    districtId,
    code,
    name: '矩阵测试项目',
    category: 'INDUSTRIAL',
    stage: 'NEW',
    totalInvestment: '120000000.00',
    constructionStart: '2020-01',
    constructionEnd: '2021-12',
    enterprise: '沈阳测试有限公司',
    responsibleLeader: '副区长',
    responsibleUnit: '苏家屯区工信局',
  };
}

async function must<T>(p: Promise<{ data?: T | null; errors?: unknown[] }>): Promise<T> {
  const res = await p;
  if (res.errors) throw new Error(`fixture failed: ${JSON.stringify(res.errors)}`);
  return res.data!;
}

/** Uploads a workbook as this user; null when the user may not upload (read-only roles). */
async function uploadWorkbook(t: TestServer, token: string): Promise<string | null> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Sheet1').addRow(['x']);
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(await wb.xlsx.writeBuffer())]), 'book.xlsx');
  const res = await fetch(`${t.url}/api/files?purpose=spreadsheet`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  if (res.status === 403) return null;
  if (res.status !== 201) throw new Error(`upload failed: ${res.status}`);
  return ((await res.json()) as { id: string }).id;
}

export async function buildFixtures(t: TestServer): Promise<Fixtures> {
  const areas = await t.server.db.getRepository(Area).find();
  const areaId = Object.fromEntries(areas.map((a) => [a.name, String(a.id)]));
  const tokens = {} as Fixtures['tokens'];
  for (const [p, username] of Object.entries(ACCOUNTS)) tokens[p as keyof typeof ACCOUNTS] = await t.login(username);
  const spareSessions: Record<string, string> = {};
  for (const [p, username] of Object.entries(ACCOUNTS)) {
    const spare = await t.login(username);
    const own = await must(t.gql<{ mySessions: { id: string; current: boolean }[] }>('{ mySessions { id current } }', {}, spare));
    spareSessions[p] = own.mySessions.find((s) => s.current)!.id;
  }
  for (const [p, scopes] of Object.entries(TOKENS)) {
    const made = await must(
      t.gql<{ createApiToken: { token: string } }>(
        'mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { token } }',
        { i: { name: `矩阵 ${p}`, scopes, areaId: areaId['沈阳市'] } },
        tokens.city,
      ),
    );
    tokens[p as keyof typeof TOKENS] = made.createApiToken.token;
  }
  const sj = tokens.district;
  const item = await must(
    t.gql<{ createServiceItem: { id: string } }>('mutation($d: ID!, $i: ServiceItemInput!) { createServiceItem(districtId: $d, input: $i) { id } }', { d: areaId['苏家屯区'], i: SERVICE_ITEM }, sj),
  );
  await must(t.gql('mutation($id: ID!, $i: ServiceGuideInput!) { saveServiceGuide(itemId: $id, input: $i) { version } }', { id: item.createServiceItem.id, i: SERVICE_GUIDE }, sj));
  const bundle = await must(
    t.gql<{ saveServiceBundle: { id: string } }>(
      'mutation($d: ID!, $i: ServiceBundleInput!) { saveServiceBundle(districtId: $d, input: $i) { id } }',
      { d: areaId['苏家屯区'], i: { name: '矩阵公开一件事', items: [{ itemId: item.createServiceItem.id, stage: 1 }], parts: [{ name: '银行开户', department: '开户银行', stage: 1, promisedDays: 1, visits: 1, visitsReason: '需到银行面签' }] } },
      sj,
    ),
  );
  const serviceCase = async (caseNo: string) =>
    (
      await must(
        t.gql<{ recordServiceCase: { id: string } }>('mutation($i: ServiceCaseInput!) { recordServiceCase(input: $i) { id } }', {
          i: { itemId: item.createServiceItem.id, caseNo, applicantType: 'PERSON', channel: 'WINDOW', receivedAt: '2020-09-14T01:00:00.000Z', acceptedAt: '2020-09-14T01:10:00.000Z', decidedAt: '2020-09-16T07:00:00.000Z', outcome: 'APPROVED', visits: 1 },
        }, sj),
      )
    ).recordServiceCase.id;
  const ratingLink = async (caseId: string) =>
    (await must(t.gql<{ issueServiceRatingLink: { token: string } }>('mutation($c: ID!) { issueServiceRatingLink(caseId: $c) { token } }', { c: caseId }, sj))).issueServiceRatingLink.token;
  const linkCase = await serviceCase('AUTHZ-RATE-LINK');
  const ratingToken = await ratingLink(await serviceCase('AUTHZ-RATE-PUBLIC'));
  const badToken = await ratingLink(await serviceCase('AUTHZ-RATE-BAD'));
  await must(t.gql('mutation($t: String!) { rateServiceCase(token: $t, input: { score: 1, reasons: [POOR_ATTITUDE] }) { rated } }', { t: badToken }, null));
  const rectification = await must(t.gql<{ serviceRectifications: { nodes: Array<{ id: string }> } }>('{ serviceRectifications { nodes { id } } }', {}, sj));
  const user = await must(
    t.gql<{ createUser: { id: string } }>(
      'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
      { i: { username: 'authz.sujiatun', displayName: '苏家屯区测试账号', role: 'SECRETARY', areaId: areaId['苏家屯区'], password: 'Authz@Matrix2020' } },
      sj,
    ),
  );
  const apiToken = await must(
    t.gql<{ createApiToken: { apiToken: { id: string } } }>('mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { apiToken { id } } }', { i: { name: '苏家屯区报表工具', scopes: ['READ_FIGURES'] } }, sj),
  );
  const project = await must(
    t.gql<{ createProject: { id: string } }>('mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }', { i: projectInput(areaId['苏家屯区'], 'AUTHZ-P') }, sj),
  );
  const secretary = await must(
    t.gql<{ createSecretary: { id: string } }>(
      'mutation($i: CreateSecretaryInput!) { createSecretary(input: $i) { id } }',
      { i: { districtId: areaId['苏家屯区'], name: '矩阵秘书', workUnit: '苏家屯区发改局', contact: '024-0000 0000' } },
      sj,
    ),
  );
  const assignment = await must(
    t.gql<{ assignSecretary: { id: string } }>(
      'mutation($i: AssignSecretaryInput!) { assignSecretary(input: $i) { id } }',
      { i: { secretaryId: secretary.createSecretary.id, projectId: project.createProject.id, startDate: '2020-01-01' } },
      sj,
    ),
  );
  const problem = await must(
    t.gql<{ raiseProblem: { id: string } }>(
      'mutation($i: RaiseProblemInput!) { raiseProblem(input: $i) { id } }',
      { i: { projectId: project.createProject.id, category: 'LAND', title: '矩阵测试问题', ownerUnit: '苏家屯区自然资源分局', workingDays: 10, raisedDate: '2020-09-01' } },
      sj,
    ),
  );
  await must(
    t.gql('mutation($c: ID!, $i: ProcedureTypeInput!) { saveProcedureType(cityId: $c, input: $i) { cityId } }', {
      c: areaId['沈阳市'],
      i: { code: 'LX', name: '项目审批（核准、备案）', department: '{区县}发展和改革局', legalDays: 20, promisedDays: 5, predecessors: [] },
    }, tokens.city),
  );
  const procedureChain = await must(
    t.gql<{ startProcedureChain: { nodes: { id: string }[] } }>('mutation($p: ID!) { startProcedureChain(projectId: $p) { nodes { id } } }', { p: project.createProject.id }, sj),
  );
  const meeting = await must(
    t.gql<{ createDispatchMeeting: { id: string } }>('mutation($i: CreateMeetingInput!) { createDispatchMeeting(input: $i) { id } }', { i: { areaId: areaId['苏家屯区'], period: '2020-09', heldOn: '2020-09-28' } }, sj),
  );
  const industryChain = await must(
    t.gql<{ createIndustryChain: { id: string } }>('mutation($i: CreateChainInput!) { createIndustryChain(input: $i) { id } }', { i: { areaId: areaId['苏家屯区'], name: '矩阵产业链' } }, sj),
  );
  const chainNode = await must(
    t.gql<{ addChainNode: { id: string } }>('mutation($i: AddChainNodeInput!) { addChainNode(input: $i) { id } }', { i: { chainId: industryChain.createIndustryChain.id, link: 'UPSTREAM', name: '矩阵节点' } }, sj),
  );
  const company = await must(
    t.gql<{ createTargetCompany: { id: string } }>(
      'mutation($i: CreateCompanyInput!) { createTargetCompany(input: $i) { id } }',
      { i: { areaId: areaId['苏家屯区'], creditCode: '91210111MA0P5QXXX7', name: '矩阵目标企业有限公司', industry: '集成电路', size: 'SMALL', source: 'PLATFORM', nodeIds: [chainNode.addChainNode.id], contactPerson: '矩阵联系人', contactPhone: '024-5555 0000' } },
      sj,
    ),
  );
  await must(
    t.gql('mutation($i: ResponsibleUnitInput!) { saveResponsibleUnit(input: $i) { id } }', { i: { areaId: areaId['苏家屯区'], name: '矩阵责任单位', contactName: '矩阵联系人', phone: '13904180000', enabled: true } }, sj),
  );
  const lead = await must(
    t.gql<{ createInvestmentLead: { id: string } }>(
      'mutation($i: CreateLeadInput!) { createInvestmentLead(input: $i) { id } }',
      { i: { areaId: areaId['苏家屯区'], name: '矩阵招商项目', nodeId: chainNode.addChainNode.id, amount: '100000000.00', source: 'PLATFORM', responsiblePerson: '矩阵', responsibleUnit: '苏家屯区招商局', date: '2020-09-01' } },
      sj,
    ),
  );
  // 苏家屯区 closes July 2020 and asks to correct the project's July; it publishes August's board.
  await must(t.gql('mutation($a: ID) { closeMonth(areaId: $a, period: "2020-07") { closed } }', { a: areaId['苏家屯区'] }, sj));
  const correction = await must(
    t.gql<{ requestReportCorrection: { id: string } }>(
      'mutation($i: ReportCorrectionInput!) { requestReportCorrection(input: $i) { id } }',
      { i: { projectId: project.createProject.id, period: '2020-07', actualInvestment: '1.00', progress: '', reason: '矩阵测试' } },
      sj,
    ),
  );
  await must(t.gql('mutation($a: ID!) { publishLightBoard(areaId: $a, period: "2020-08") }', { a: areaId['苏家屯区'] }, sj));
  const publications = await must(t.gql<{ publishedLightBoards: { id: string; period: string }[] }>('{ publishedLightBoards { id period } }', {}, null));
  const workbookOf: Fixtures['workbookOf'] = {};
  for (const [p, token] of Object.entries(tokens)) {
    const id = await uploadWorkbook(t, token);
    if (id) workbookOf[p as Principal] = id;
  }
  // Each principal's own bulk export (a token lacking read:projects gets a FAILED one: still its own).
  const exportJobOf: Fixtures['exportJobOf'] = {};
  for (const [p, token] of Object.entries(tokens)) {
    const started = await t.gql<{ startExport: { id: string } }>('mutation { startExport(query: "{ projects { nodes { id } } }", format: CSV) { id } }', {}, token);
    if (started.data?.startExport) exportJobOf[p as Principal] = started.data.startExport.id;
  }
  const fx = tokens.fuxin;
  const sessions = await must(t.gql<{ voteSessions: { id: string }[] }>('query($c: ID) { voteSessions(cityId: $c) { id } }', { c: areaId['阜新市'] }, fx));
  const session = sessions.voteSessions[0].id;
  const board = await must(t.gql<{ livelihoodBoard: { id: string }[] }>('query($c: ID!) { livelihoodBoard(cityId: $c, year: 2021) { id } }', { c: areaId['阜新市'] }, fx));
  const candidate = await must(t.gql<{ voteSession: { candidates: { id: string }[] } }>('query($s: ID!) { voteSession(id: $s) { candidates { id } } }', { s: session }, fx));
  const reserve = await must(t.gql<{ livelihoodReserve: { id: string }[] }>('query($a: ID!) { livelihoodReserve(areaId: $a) { id } }', { a: areaId['阜新市'] }, fx));
  const ballots = await must(
    t.gql<{ publishedBallots: { nodes: { receiptCode: string }[] } }>('query($s: ID!) { publishedBallots(sessionId: $s, first: 1) { nodes { receiptCode } } }', { s: session }, fx),
  );
  const proposal = await must(
    t.gql<{ submitLivelihoodProposal: { trackingCode: string; proposal: { id: string } } }>(
      'mutation($i: ProposalInput!) { submitLivelihoodProposal(input: $i) { trackingCode proposal { id } } }',
      { i: { cityId: areaId['阜新市'], title: '细河沿岸增设健身步道', description: '沿细河两岸修建健身步道和照明', category: 'OTHER', submitterName: '王女士', contact: '13800000000' } },
      null,
    ),
  );
  const delegate = await must(t.gql<{ me: { id: string } }>('{ me { id } }', {}, tokens.delegate));
  const supervised = await must(
    t.gql<{ livelihoodBoard: { subItems: { id: string; delegation: string }[]; supervisionGroups: { id: string; isMember: boolean; inspections: { advices: { id: string; answeredOn: string | null }[] }[] }[] }[] }>(
      'query($c: ID!) { livelihoodBoard(cityId: $c, year: 2021) { subItems { id delegation } supervisionGroups { id isMember inspections { advices { id answeredOn } } } } }',
      { c: areaId['阜新市'] },
      tokens.delegate,
    ),
  );
  const groups = supervised.livelihoodBoard.flatMap((p) => p.supervisionGroups);
  const openAdvice = groups.flatMap((g) => g.inspections.flatMap((i) => i.advices)).find((a) => a.answeredOn === null)!;
  const channel = await t.server.db.getRepository(NoticeChannel).save({ kind: NoticeChannelKind.SMS, name: '矩阵测试', url: 'http://127.0.0.1:9/hook', secret: 'matrix-secret-0123456789', enabled: false, maxAttempts: 1, areaId: Number(areaId['苏家屯区']), createdBy: 'admin.sujiatun' });
  const notice = await t.server.db.getRepository(Notice).save({ userId: 1, kind: NoticeKind.PROBLEM_ESCALATED, title: '矩阵测试', body: '', recordType: 'Problem', recordId: '1', link: '/dispatch', areaId: Number(areaId['苏家屯区']), dedupeKey: null, readAt: null, dispatchedAt: new Date(), outbound: true, leaseOwner: null, leaseUntil: null });
  const delivery = await t.server.db.getRepository(NoticeDelivery).save({ noticeId: notice.id, channelId: channel.id, status: DeliveryStatus.DEAD, attempts: 1, nextAttemptAt: new Date(), lastError: '网关返回 500', deliveredAt: null, leaseOwner: null, leaseUntil: null });
  return {
    areaId,
    tokens,
    spareSessions,
    exportJobOf,
    fuxinSession: session,
    fuxinProject: board.livelihoodBoard[0].id,
    fuxinReceipt: ballots.publishedBallots.nodes[0].receiptCode,
    fuxinProposal: proposal.submitLivelihoodProposal.proposal.id,
    fuxinReserveItem: reserve.livelihoodReserve[0].id,
    fuxinCandidate: candidate.voteSession.candidates[0].id,
    fuxinTrackingCode: proposal.submitLivelihoodProposal.trackingCode,
    fuxinSupervisionGroup: groups.find((g) => g.isMember)!.id,
    fuxinAdvice: openAdvice.id,
    fuxinSubItem: supervised.livelihoodBoard.flatMap((p) => p.subItems).find((i) => i.delegation === '新邱区代表团')!.id,
    delegateUserId: delegate.me.id,
    sujiatunServiceItem: item.createServiceItem.id,
    sujiatunBundle: bundle.saveServiceBundle.id,
    sujiatunCase: linkCase,
    ratingToken,
    sujiatunRectification: rectification.serviceRectifications.nodes[0].id,
    sujiatunUser: user.createUser.id,
    sujiatunApiToken: apiToken.createApiToken.apiToken.id,
    sujiatunDelivery: String(delivery.id),
    sujiatunProject: project.createProject.id,
    sujiatunCorrection: correction.requestReportCorrection.id,
    sujiatunPublication: publications.publishedLightBoards.find((b) => b.period === '2020-08')!.id,
    sujiatunSecretary: secretary.createSecretary.id,
    sujiatunAssignment: assignment.assignSecretary.id,
    sujiatunProblem: problem.raiseProblem.id,
    sujiatunMeeting: meeting.createDispatchMeeting.id,
    sujiatunProcedureNode: procedureChain.startProcedureChain.nodes[0].id,
    sujiatunChain: industryChain.createIndustryChain.id,
    sujiatunChainNode: chainNode.addChainNode.id,
    sujiatunCompany: company.createTargetCompany.id,
    sujiatunLead: lead.createInvestmentLead.id,
    workbookOf,
  };
}

type Vars = Record<string, unknown>;

/** How each sensitive field is reached: a query and the path to the field's value. */
export const SENSITIVE_QUERIES: Record<string, (fx: Fixtures) => { query: string; variables: Vars; pick: (data: Record<string, unknown>) => unknown }> = {
  'LivelihoodProposal.contact': (fx) => proposalField(fx, 'contact'),
  'LivelihoodProposal.submitterName': (fx) => proposalField(fx, 'submitterName'),
  'LivelihoodProposal.trackingCode': (fx) => proposalField(fx, 'trackingCode'),
  'TargetCompany.contactPhone': (fx) => ({
    query: 'query($id: ID!) { targetCompany(id: $id) { id contactPhone } }',
    variables: { id: fx.sujiatunCompany },
    pick: (data: Record<string, unknown>) => (data.targetCompany as { contactPhone?: string | null } | null)?.contactPhone,
  }),
  'ResponsibleUnit.phone': (fx) => ({
    query: 'query($a: ID!) { responsibleUnits(areaId: $a) { name phone } }',
    variables: { a: fx.areaId['苏家屯区'] },
    pick: (data: Record<string, unknown>) => (data.responsibleUnits as { name: string; phone: string | null }[] | null)?.find((u) => u.name === '矩阵责任单位')?.phone,
  }),
  'Secretary.contact': (fx) => ({
    query: 'query($id: ID!) { secretary(id: $id) { id contact } }',
    variables: { id: fx.sujiatunSecretary },
    pick: (data: Record<string, unknown>) => (data.secretary as { contact?: string | null } | null)?.contact,
  }),
};

function proposalField(fx: Fixtures, field: string) {
  return {
    query: `{ livelihoodProposals(first: 100) { nodes { id ${field} } } }`,
    variables: {},
    pick: (data: Record<string, unknown>) =>
      (data.livelihoodProposals as { nodes: Record<string, unknown>[] }).nodes.find((n) => n.id === fx.fuxinProposal)?.[field],
  };
}

/**
 * The arguments each row is called with: the 苏家屯区 fixture or its city, so "out of scope" is
 * tested for admin.dadong and the other roles. Arguments not listed are filled from the schema.
 */
export const ARGUMENTS: Record<string, (fx: Fixtures, p: Principal) => Vars> = {
  area: (fx) => ({ id: fx.areaId['苏家屯区'] }),
  district: (fx) => ({ id: fx.areaId['苏家屯区'] }),
  districts: (fx) => ({ cityId: fx.areaId['沈阳市'] }),
  users: (fx) => ({ areaId: fx.areaId['苏家屯区'] }),
  auditLog: () => ({}),
  serviceItems: (fx) => ({ filter: { areaId: fx.areaId['苏家屯区'] } }),
  serviceItem: (fx) => ({ id: fx.sujiatunServiceItem }),
  serviceCatalogueFigures: (fx) => ({ areaId: fx.areaId['苏家屯区'] }),
  serviceZones: (fx) => ({ districtId: fx.areaId['苏家屯区'] }),
  serviceBaseline: (fx) => ({ districtId: fx.areaId['苏家屯区'] }),
  publicServiceGuides: (fx) => ({ districtId: fx.areaId['苏家屯区'] }),
  publicServiceGuide: (fx) => ({ itemId: fx.sujiatunServiceItem }),
  serviceCases: (fx) => ({ filter: { areaId: fx.areaId['苏家屯区'] } }),
  serviceCaseFigures: (fx) => ({ filter: { areaId: fx.areaId['苏家屯区'] }, groupBy: 'ITEM' }),

  login: () => ({ username: 'analyst', password: 'Liaoning@2020' }),
  changePassword: () => ({ currentPassword: 'not-the-password', newPassword: 'Another@Password2020' }),
  verifySignInCode: () => ({ code: '000000' }),
  confirmTotpEnrolment: () => ({ code: '000000' }),
  revokeSession: (fx, p) => ({ id: fx.spareSessions[p] ?? fx.spareSessions.city }),
  createApiToken: () => ({ input: { name: '矩阵测试', scopes: ['READ_FIGURES'] } }),
  revokeApiToken: (fx) => ({ id: fx.sujiatunApiToken }),
  retryNoticeDelivery: (fx) => ({ id: fx.sujiatunDelivery }),
  markNoticesRead: () => ({ ids: null }),
  setNoticePreferences: () => ({ input: [{ kind: 'NO_CONTACT', inbox: true, outbound: true }] }),
  responsibleUnits: (fx) => ({ areaId: fx.areaId['苏家屯区'] }),
  saveResponsibleUnit: (fx, p) => ({ input: { areaId: fx.areaId['苏家屯区'], name: `矩阵单位 ${p}`, contactName: '矩阵联系人', phone: '13904180001', enabled: false } }),
  saveNoticeChannel: (_fx, p) => ({ input: { kind: 'SMS', name: `矩阵测试 ${p}`, url: 'http://127.0.0.1:9/hook', secret: 'matrix-secret-0123456789', enabled: false } }),
  exportJob: (fx, p) => ({ id: fx.exportJobOf[p] ?? '1' }),
  createUser: (fx, p) => ({ input: { username: `authz.${p}`, displayName: '矩阵测试', role: 'SECRETARY', areaId: fx.areaId['苏家屯区'], password: 'Authz@Matrix2020' } }),
  updateUserAccess: (fx) => ({ id: fx.sujiatunUser, active: true }),
  resetUserPassword: (fx) => ({ id: fx.sujiatunUser, password: 'Authz@Matrix2021' }),
  resetUserTwoFactor: (fx) => ({ id: fx.sujiatunUser }),
  updateCitySettings: (fx) => ({ cityId: fx.areaId['沈阳市'], input: { reportDeadlineDay: 5 } }),
  createServiceItem: (fx, p) => ({ districtId: fx.areaId['苏家屯区'], input: { ...SERVICE_ITEM, implementationCode: `AUTHZ-${p}` } }),
  updateServiceItem: (fx) => ({ id: fx.sujiatunServiceItem, expectedVersion: 1, input: SERVICE_ITEM }),
  saveServiceZone: (fx, p) => ({ districtId: fx.areaId['苏家屯区'], name: `矩阵测试区 ${p}`, windows: [] }),
  recordServiceCase: (fx, p) => ({
    input: { itemId: fx.sujiatunServiceItem, caseNo: `AUTHZ-${p}`, applicantType: 'ORGANIZATION', channel: 'WINDOW', receivedAt: '2020-09-14T01:00:00.000Z', acceptedAt: '2020-09-14T01:10:00.000Z', decidedAt: '2020-09-16T07:00:00.000Z', outcome: 'APPROVED', visits: 1 },
  }),
  issueServiceRatingLink: (fx) => ({ caseId: fx.sujiatunCase }),
  publicServiceRating: (fx) => ({ token: fx.ratingToken }),
  rateServiceCase: (fx) => ({ token: fx.ratingToken, input: { score: 5, reasons: ['FAST'] } }),
  serviceRectifications: (fx) => ({ filter: { areaId: fx.areaId['苏家屯区'] } }),
  serviceRectification: (fx) => ({ id: fx.sujiatunRectification }),
  serviceRatingFigures: (fx) => ({ filter: { areaId: fx.areaId['苏家屯区'] }, groupBy: 'DEPARTMENT' }),
  recordRectificationStep: (fx) => ({ id: fx.sujiatunRectification, expectedVersion: 999, input: { step: 'VERIFY', date: '2020-09-16', note: '矩阵测试', founded: true } }),
  importServiceCases: (fx, p) => ({ districtId: fx.areaId['苏家屯区'], fileId: fx.workbookOf[p] ?? '00000000-0000-4000-8000-000000000000', dryRun: true }),
  serviceBundles: (fx) => ({ areaId: fx.areaId['苏家屯区'] }),
  publicServiceBundle: (fx) => ({ id: fx.sujiatunBundle }),
  saveServiceBundle: (fx) => ({ districtId: fx.areaId['苏家屯区'], input: { name: '矩阵测试一件事', items: [{ itemId: fx.sujiatunServiceItem, stage: 1 }] } }),
  saveServiceGuide: (fx) => ({ itemId: fx.sujiatunServiceItem, expectedVersion: 1, input: SERVICE_GUIDE }),
  setServiceBaseline: (fx) => ({ districtId: fx.areaId['苏家屯区'], takenOn: '2018-06-30', windowsBefore: 139 }),
  // 民生实事: 阜新市's session, projects and proposals.
  voteSessions: (fx) => ({ cityId: fx.areaId['阜新市'] }),
  voteSession: (fx) => ({ id: fx.fuxinSession }),
  publishedBallots: (fx) => ({ sessionId: fx.fuxinSession }),
  verifyReceipt: (fx) => ({ sessionId: fx.fuxinSession, receiptCode: fx.fuxinReceipt }),
  voteBulletinBoard: (fx) => ({ sessionId: fx.fuxinSession }),
  publishedEvaluationSheets: (fx) => ({ sessionId: fx.fuxinSession, year: 2021 }),
  verifyEvaluationReceipt: (fx) => ({ sessionId: fx.fuxinSession, year: 2021, receiptCode: 'NO-SUCH-RECEIPT' }),
  livelihoodBoard: (fx) => ({ cityId: fx.areaId['阜新市'], year: 2021 }),
  livelihoodProject: (fx) => ({ id: fx.fuxinProject }),
  livelihoodProposalByCode: (fx) => ({ trackingCode: fx.fuxinTrackingCode }),
  livelihoodProposals: () => ({}),
  submitLivelihoodProposal: (fx, p) => ({ input: { cityId: fx.areaId['阜新市'], title: `矩阵测试建议 ${p}`, description: '增设公交站亭', category: 'OTHER' } }),
  livelihoodReserve: (fx) => ({ areaId: fx.areaId['阜新市'] }),
  supportLivelihoodCandidate: (fx) => ({ candidateId: fx.fuxinCandidate, phone: '13904181000' }),
  withdrawLivelihoodReserveItem: (fx) => ({ id: fx.fuxinReserveItem, reason: '矩阵测试出库' }),
  screenLivelihoodProposal: (fx) => ({ id: fx.fuxinProposal, input: { status: 'REJECTED', reasonCode: 'NOT_FEASIBLE_THIS_YEAR' } }),
  createVoteSession: (fx) => ({ cityId: fx.areaId['阜新市'], input: { name: '矩阵测试会议', meetingDate: '2022-01-15', seats: 10 } }),
  updateVoteSession: (fx) => ({ id: fx.fuxinSession, input: { name: '改名' } }),
  setVoteCandidates: (fx) => ({ sessionId: fx.fuxinSession, candidates: [{ name: '候选', description: '说明' }] }),
  importVoteRoster: (fx, p) => ({ sessionId: fx.fuxinSession, fileId: fx.workbookOf[p] ?? '00000000-0000-4000-8000-000000000000', dryRun: true }),
  checkInToSession: (fx) => ({ sessionId: fx.fuxinSession }),
  openVote: (fx) => ({ sessionId: fx.fuxinSession }),
  castBallot: (fx) => ({ sessionId: fx.fuxinSession, candidateIds: [] }),
  issuePaperBallot: (fx) => ({ sessionId: fx.fuxinSession, userId: fx.delegateUserId }),
  enterPaperBallots: (fx) => ({ sessionId: fx.fuxinSession, sheets: [[]] }),
  confirmPaperBatch: (fx) => ({ sessionId: fx.fuxinSession, batchId: '1' }),
  printPaperSheets: (fx) => ({ sessionId: fx.fuxinSession, count: 1 }),
  closeVote: (fx) => ({ sessionId: fx.fuxinSession, shares: [] }),
  registerCountingKey: (fx) => ({ sessionId: fx.fuxinSession, publicKey: 'BAAA' }),
  submitCountingShare: (fx) => ({ sessionId: fx.fuxinSession, share: '00000000-1-00' }),
  concludeVote: (fx) => ({ sessionId: fx.fuxinSession }),
  updateLivelihoodProject: (fx) => ({ id: fx.fuxinProject, input: { leadDepartment: '市住房和城乡建设局' } }),
  saveLivelihoodMilestones: (fx) => ({ projectId: fx.fuxinProject, milestones: [] }),
  reportLivelihoodProgress: (fx) => ({ projectId: fx.fuxinProject, period: '2021-06', quantityDone: '1', note: '矩阵测试' }),
  completeLivelihoodProject: (fx) => ({ projectId: fx.fuxinProject, completedOn: '2021-12-20' }),
  openEvaluation: (fx) => ({ sessionId: fx.fuxinSession, year: 2021 }),
  submitEvaluation: (fx) => ({ sessionId: fx.fuxinSession, year: 2021, ratings: [{ projectId: fx.fuxinProject, rating: 'SATISFIED' }] }),
  closeEvaluation: (fx) => ({ sessionId: fx.fuxinSession, year: 2021 }),
  livelihoodSupervisionAdvices: (fx) => ({ areaId: fx.areaId['阜新市'], year: 2021, overdueOnly: true }),
  livelihoodRatingRule: (fx) => ({ areaId: fx.areaId['阜新市'], sessionId: fx.fuxinSession }),
  formLivelihoodSupervisionGroup: (fx, p) => ({ projectId: fx.fuxinProject, input: { name: `矩阵测试小组 ${p}`, memberIds: ['999999'] } }),
  recordLivelihoodInspection: (fx) => ({ groupId: fx.fuxinSupervisionGroup, input: { inspectedOn: '2021-06-01', place: '矩阵测试地点', findings: '矩阵测试发现' } }),
  answerLivelihoodSupervisionAdvice: (fx) => ({ id: fx.fuxinAdvice, input: { answer: '矩阵测试答复', answeredBy: '矩阵测试单位' } }),
  setLivelihoodRatingRule: (fx) => ({ input: { areaId: fx.areaId['阜新市'], sessionId: fx.fuxinSession, delegateWeight: 40, publicWeight: 60, satisfiedFrom: 80, basicFrom: 60 } }),
  addLivelihoodSubItem: (fx) => ({ projectId: fx.fuxinProject, input: { name: '矩阵测试分项目', delegation: '海州区代表团', targetQuantity: '1', unit: '个' } }),
  reportLivelihoodSubItem: (fx) => ({ id: fx.fuxinSubItem, doneQuantity: '22', note: '矩阵测试进展' }),
  rateLivelihoodSubItem: (fx) => ({ id: fx.fuxinSubItem, rating: 'SATISFIED', note: '矩阵测试' }),
  recordLivelihoodPublicSurvey: (fx) => ({ sessionId: fx.fuxinSession, year: 2021, input: { source: '矩阵测试调查', entries: [{ projectId: fx.fuxinProject, satisfied: 1, basicallySatisfied: 0, unsatisfied: 0 }] } }),
  // 重点项目: a 苏家屯区 project.
  projects: (fx) => ({ filter: { districtId: fx.areaId['苏家屯区'] } }),
  project: (fx) => ({ id: fx.sujiatunProject }),
  lightBoard: (fx) => ({ areaId: fx.areaId['苏家屯区'], period: '2020-09' }),
  publishedLightBoards: () => ({}),
  lightBoardPublication: (fx) => ({ id: fx.sujiatunPublication }),
  monthClose: (fx) => ({ areaId: fx.areaId['苏家屯区'], period: '2020-07' }),
  lightCorrections: () => ({}),
  planVersionRequests: () => ({}),
  createProject: (fx, p) => ({ input: projectInput(fx.areaId['苏家屯区'], `AUTHZ-${p}`) }),
  updateProject: (fx) => ({ id: fx.sujiatunProject, input: { version: 1 } }),
  savePlanTable: (fx) => ({ projectId: fx.sujiatunProject, input: { years: [] } }),
  saveMonthlyReport: (fx) => ({ input: { projectId: fx.sujiatunProject, period: '2020-09', actualInvestment: '1.00' } }),
  setProjectLocation: (fx) => ({ projectId: fx.sujiatunProject }),
  setProjectOpenData: (fx) => ({ projectId: fx.sujiatunProject, open: false }),
  setProjectRenderings: (fx) => ({ projectId: fx.sujiatunProject, fileIds: [] }),
  saveMilestones: (fx) => ({ projectId: fx.sujiatunProject, milestones: [] }),
  decideLibraryRemoval: (fx) => ({ projectId: fx.sujiatunProject, period: '2020-09', confirm: false, reason: '矩阵测试' }),
  publishLightBoard: (fx) => ({ areaId: fx.areaId['苏家屯区'], period: '2020-09' }),
  runMonthEndLights: () => ({ period: '2020-09' }),
  closeMonth: (fx) => ({ areaId: fx.areaId['苏家屯区'], period: '2020-09' }),
  requestReportCorrection: (fx) => ({ input: { projectId: fx.sujiatunProject, period: '2020-07', actualInvestment: '2.00', progress: '', reason: '矩阵测试' } }),
  requestPlanCorrection: (fx) => ({ projectId: fx.sujiatunProject, input: { years: [] }, reason: '矩阵测试' }),
  decideCorrection: (fx) => ({ id: fx.sujiatunCorrection, approve: false, reason: '矩阵测试' }),
  approvePlanBaseline: (fx) => ({ projectId: fx.sujiatunProject, year: 2020 }),
  requestPlanVersion: (fx) => ({ projectId: fx.sujiatunProject, input: { years: [] }, reason: '矩阵测试' }),
  decidePlanVersion: () => ({ id: '999999', approve: false, reason: '矩阵测试' }),
  problems: (fx) => ({ filter: { areaId: fx.areaId['苏家屯区'] } }),
  problem: (fx) => ({ id: fx.sujiatunProblem }),
  problemFigures: (fx) => ({ areaId: fx.areaId['苏家屯区'] }),
  raiseProblem: (fx) => ({ input: { projectId: fx.sujiatunProject, category: 'LAND', title: '矩阵', ownerUnit: '苏家屯区', workingDays: 5, raisedDate: '2020-09-01' } }),
  moveProblem: (fx) => ({ id: fx.sujiatunProblem, action: 'START', input: { version: 1, date: '2020-09-02' } }),
  escalateOverdueProblems: (fx) => ({ areaId: fx.areaId['苏家屯区'], cityLeader: '副市长' }),
  addProblemNote: (fx) => ({ problemId: fx.sujiatunProblem, period: '2020-09', note: '矩阵测试' }),
  ranking: (fx) => ({ cityId: fx.areaId['沈阳市'], period: '2020-09' }),
  rankHistory: (fx) => ({ districtId: fx.areaId['苏家屯区'] }),
  investmentStats: (fx) => ({ areaId: fx.areaId['苏家屯区'], period: '2020-09' }),
  planVsActual: (fx) => ({ areaId: fx.areaId['苏家屯区'], year: 2020 }),
  milestoneView: (fx) => ({ areaId: fx.areaId['苏家屯区'], period: '2020-09' }),
  publishRanking: (fx) => ({ cityId: fx.areaId['沈阳市'], period: '2020-09' }),
  earlyWarnings: (fx) => ({ areaId: fx.areaId['苏家屯区'], period: '2020-09' }),
  dispatchList: (fx) => ({ areaId: fx.areaId['苏家屯区'] }),
  dispatchMeetings: (fx) => ({ areaId: fx.areaId['苏家屯区'] }),
  dispatchMeeting: (fx) => ({ id: fx.sujiatunMeeting }),
  suggestedMeetingHost: (fx) => ({ cityId: fx.areaId['沈阳市'], period: '2020-10' }),
  createDispatchMeeting: (fx, p) => ({ input: { areaId: fx.areaId['苏家屯区'], period: `2020-${p === 'city' ? '10' : '11'}` } }),
  recordDispatchMeeting: (fx) => ({ id: fx.sujiatunMeeting, input: { version: 1, minutes: '矩阵测试' } }),
  addDispatchDecision: (fx) => ({ meetingId: fx.sujiatunMeeting, input: { projectId: fx.sujiatunProject, category: 'LAND', title: '矩阵', ownerUnit: '苏家屯区', workingDays: 5 } }),
  procedureTemplate: (fx) => ({ areaId: fx.areaId['苏家屯区'] }),
  procedureFigures: (fx) => ({ areaId: fx.areaId['苏家屯区'], today: '2020-10-15' }),
  saveProcedureType: (fx, p) => ({ cityId: fx.areaId['沈阳市'], input: { code: `AUTHZ_${p.replace(/\W/g, '_').toUpperCase()}`, name: '矩阵测试手续', department: '矩阵测试部门', legalDays: 10, promisedDays: 3, predecessors: ['LX'] } }),
  startProcedureChain: (fx) => ({ projectId: fx.sujiatunProject }),
  updateProcedureNode: (fx) => ({ id: fx.sujiatunProcedureNode, input: { version: 1, state: 'NOT_STARTED', ownerUnit: '沈阳测试有限公司' } }),
  fundingSources: (fx) => ({ areaId: fx.areaId['苏家屯区'] }),
  fundingStats: (fx) => ({ areaId: fx.areaId['苏家屯区'], year: 2020 }),
  saveFundingSource: (fx, p) => ({ cityId: fx.areaId['沈阳市'], input: { code: `AUTHZ_${p.replace(/\W/g, '_').toUpperCase()}`, name: `矩阵测试来源 ${p}`, specialBond: false } }),
  saveProjectFunding: (fx) => ({ projectId: fx.sujiatunProject, year: 2020, lines: [] }),
  saveProjectParty: (fx, p) => ({ projectId: fx.sujiatunProject, input: { role: p === 'city' ? 'CONTRACTOR' : 'DESIGNER', name: '矩阵测试单位', creditCode: '91350100M000100Y43' } }),
  removeProjectParty: () => ({ id: '999999' }),
  saveProjectDocument: (fx) => ({ projectId: fx.sujiatunProject, input: { documentType: 'FEASIBILITY_STUDY', title: '矩阵测试可研报告' } }),
  removeProjectDocument: () => ({ id: '999999' }),
  saveProjectContract: (fx) => ({ projectId: fx.sujiatunProject, input: { title: '矩阵测试合同', nature: 'CONSTRUCTION', status: 'ACTIVE', originalValue: '1000.00' } }),
  addContractVariation: () => ({ contractId: '999999', input: { kind: 'SCOPE', date: '2020-08-01', reason: '矩阵测试' } }),
  completeProject: (fx) => ({ projectId: fx.sujiatunProject, input: { endDate: '2020-09-30', finalCost: '1.00', finalScope: ' ' } }),
  raiseProcedureProblem: (fx) => ({ nodeId: fx.sujiatunProcedureNode, raisedDate: '2020-09-30' }),
  importPlans: (fx, p) => ({ fileId: fx.workbookOf[p] ?? '00000000-0000-4000-8000-000000000000', dryRun: true }),
  // 服务秘书: 苏家屯区's secretary, assigned to the fixture project.
  secretaries: (fx) => ({ filter: { areaId: fx.areaId['苏家屯区'] } }),
  secretary: (fx) => ({ id: fx.sujiatunSecretary }),
  secretaryOverview: (fx) => ({ areaId: fx.areaId['苏家屯区'], today: '2020-10-15' }),
  quietProjects: (fx) => ({ areaId: fx.areaId['苏家屯区'], today: '2020-10-15' }),
  serviceLog: (fx) => ({ filter: { areaId: fx.areaId['苏家屯区'] } }),
  createSecretary: (fx, p) => ({ input: { districtId: fx.areaId['苏家屯区'], name: `矩阵秘书 ${p}`, workUnit: '苏家屯区发改局' } }),
  updateSecretary: (fx) => ({ id: fx.sujiatunSecretary, input: { version: 1 } }),
  assignSecretary: (fx) => ({ input: { secretaryId: fx.sujiatunSecretary, projectId: fx.sujiatunProject, startDate: '2020-01-01' } }),
  endSecretaryAssignment: (fx) => ({ id: fx.sujiatunAssignment, endDate: '2099-12-31' }),
  logService: (fx) => ({ input: { projectId: fx.sujiatunProject, secretaryId: fx.sujiatunSecretary, kind: 'VISIT', date: '2020-09-30', summary: '矩阵测试走访' } }),
  scoreSecretary: (fx) => ({ input: { secretaryId: fx.sujiatunSecretary, period: '2020-06', score: 90 } }),
  importSecretaryEvaluations: (fx, p) => ({ fileId: fx.workbookOf[p] ?? '00000000-0000-4000-8000-000000000000', dryRun: true }),
  // 招商: 苏家屯区's chain, node, company and lead.
  industryChains: (fx) => ({ areaId: fx.areaId['苏家屯区'] }),
  industryChain: (fx) => ({ id: fx.sujiatunChain }),
  targetCompanies: (fx) => ({ filter: { areaId: fx.areaId['苏家屯区'] } }),
  targetCompany: (fx) => ({ id: fx.sujiatunCompany }),
  companyDuplicates: (fx) => ({ areaId: fx.areaId['苏家屯区'], name: '矩阵目标企业有限公司' }),
  investmentLeads: (fx) => ({ filter: { areaId: fx.areaId['苏家屯区'] } }),
  investmentLead: (fx) => ({ id: fx.sujiatunLead }),
  investmentBoard: (fx) => ({ areaId: fx.areaId['苏家屯区'], year: 2020 }),
  companyMatches: (fx) => ({ companyId: fx.sujiatunCompany }),
  createIndustryChain: (fx, p) => ({ input: { areaId: fx.areaId['苏家屯区'], name: `矩阵产业链 ${p}` } }),
  addChainNode: (fx, p) => ({ input: { chainId: fx.sujiatunChain, link: 'MIDSTREAM', name: `矩阵节点 ${p}` } }),
  createTargetCompany: (fx, p) => ({ input: { areaId: fx.areaId['苏家屯区'], creditCode: '91210111MA0P5QXXXQ', name: `矩阵企业 ${p}`, industry: '集成电路', size: 'SMALL', source: 'PLATFORM' } }),
  createInvestmentLead: (fx, p) => ({ input: { areaId: fx.areaId['苏家屯区'], name: `矩阵项目 ${p}`, amount: '1.00', source: 'VISIT', responsiblePerson: '矩阵', responsibleUnit: '苏家屯区招商局', date: '2020-09-01' } }),
  moveInvestmentLead: (fx) => ({ id: fx.sujiatunLead, input: { version: 1, stage: 'CONTACTED', date: '2020-09-30' } }),
  logInvestmentVisit: (fx) => ({ leadId: fx.sujiatunLead, input: { date: '2020-09-30', note: '矩阵测试走访' } }),
  importIndustryChains: (fx, p) => ({ areaId: fx.areaId['苏家屯区'], fileId: fx.workbookOf[p] ?? '00000000-0000-4000-8000-000000000000', dryRun: true }),
  convertLeadToKeyProject: (fx) => ({ id: fx.sujiatunLead, input: { version: 1, code: 'AUTHZ-CONVERT', constructionStart: '2020-10', constructionEnd: '2021-12', responsibleLeader: '矩阵', secretaryId: fx.sujiatunSecretary } }),
  setInvestmentTargets: (fx) => ({ areaId: fx.areaId['苏家屯区'], year: 2020, input: { signed: 10, over2Billion: 1, over5Billion: 0 } }),
  importServiceItems: (fx, p) => ({ districtId: fx.areaId['苏家屯区'], fileId: fx.workbookOf[p] ?? '00000000-0000-4000-8000-000000000000', dryRun: true }),
};
