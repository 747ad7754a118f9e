import { Area } from '../../services/api/src/core/areas/area.entity';
import type { TestServer } from '../../services/api/src/testing/harness';
import { ACCOUNTS, TOKENS, type Principal } from './access-table';

/** Records in 苏家屯区 (and its city) that the matrix's rows point at. */
export interface Fixtures {
  areaId: Record<string, string>;
  /** A signed-in session per person, and the secret of each token principal. */
  tokens: Record<Exclude<Principal, 'anon'>, string>;
  sujiatunServiceItem: string;
  sujiatunUser: string;
  sujiatunApiToken: string;
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
  /** A workbook each signed-in principal uploaded itself (an upload is readable by its uploader only). */
  workbookOf: Partial<Record<Principal, string>>;
  /** 阜新市's demo vote (closed and tallied), one of its projects, a published receipt, a proposal. */
  fuxinSession: string;
  fuxinProject: string;
  fuxinReceipt: string;
  fuxinProposal: string;
  fuxinTrackingCode: string;
  delegateUserId: string;
}

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
  const meeting = await must(
    t.gql<{ createDispatchMeeting: { id: string } }>('mutation($i: CreateMeetingInput!) { createDispatchMeeting(input: $i) { id } }', { i: { areaId: areaId['苏家屯区'], period: '2020-09', heldOn: '2020-09-28' } }, sj),
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
  const fx = tokens.fuxin;
  const sessions = await must(t.gql<{ voteSessions: { id: string }[] }>('query($c: ID) { voteSessions(cityId: $c) { id } }', { c: areaId['阜新市'] }, fx));
  const session = sessions.voteSessions[0].id;
  const board = await must(t.gql<{ livelihoodBoard: { id: string }[] }>('query($c: ID!) { livelihoodBoard(cityId: $c, year: 2021) { id } }', { c: areaId['阜新市'] }, fx));
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
  return {
    areaId,
    tokens,
    fuxinSession: session,
    fuxinProject: board.livelihoodBoard[0].id,
    fuxinReceipt: ballots.publishedBallots.nodes[0].receiptCode,
    fuxinProposal: proposal.submitLivelihoodProposal.proposal.id,
    fuxinTrackingCode: proposal.submitLivelihoodProposal.trackingCode,
    delegateUserId: delegate.me.id,
    sujiatunServiceItem: item.createServiceItem.id,
    sujiatunUser: user.createUser.id,
    sujiatunApiToken: apiToken.createApiToken.apiToken.id,
    sujiatunProject: project.createProject.id,
    sujiatunCorrection: correction.requestReportCorrection.id,
    sujiatunPublication: publications.publishedLightBoards.find((b) => b.period === '2020-08')!.id,
    sujiatunSecretary: secretary.createSecretary.id,
    sujiatunAssignment: assignment.assignSecretary.id,
    sujiatunProblem: problem.raiseProblem.id,
    sujiatunMeeting: meeting.createDispatchMeeting.id,
    workbookOf,
  };
}

type Vars = Record<string, unknown>;

/** How each sensitive field is reached: a query and the path to the field's value. */
export const SENSITIVE_QUERIES: Record<string, (fx: Fixtures) => { query: string; variables: Vars; pick: (data: Record<string, unknown>) => unknown }> = {
  'LivelihoodProposal.contact': (fx) => proposalField(fx, 'contact'),
  'LivelihoodProposal.submitterName': (fx) => proposalField(fx, 'submitterName'),
  'LivelihoodProposal.trackingCode': (fx) => proposalField(fx, 'trackingCode'),
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

  login: () => ({ username: 'analyst', password: 'Liaoning@2020' }),
  changePassword: () => ({ currentPassword: 'not-the-password', newPassword: 'Another@Password2020' }),
  createApiToken: () => ({ input: { name: '矩阵测试', scopes: ['READ_FIGURES'] } }),
  revokeApiToken: (fx) => ({ id: fx.sujiatunApiToken }),
  createUser: (fx, p) => ({ input: { username: `authz.${p}`, displayName: '矩阵测试', role: 'SECRETARY', areaId: fx.areaId['苏家屯区'], password: 'Authz@Matrix2020' } }),
  updateUserAccess: (fx) => ({ id: fx.sujiatunUser, active: true }),
  updateCitySettings: (fx) => ({ cityId: fx.areaId['沈阳市'], input: { reportDeadlineDay: 5 } }),
  createServiceItem: (fx, p) => ({ districtId: fx.areaId['苏家屯区'], input: { ...SERVICE_ITEM, implementationCode: `AUTHZ-${p}` } }),
  updateServiceItem: (fx) => ({ id: fx.sujiatunServiceItem, expectedVersion: 1, input: SERVICE_ITEM }),
  saveServiceZone: (fx, p) => ({ districtId: fx.areaId['苏家屯区'], name: `矩阵测试区 ${p}`, windows: [] }),
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
  closeVote: (fx) => ({ sessionId: fx.fuxinSession }),
  concludeVote: (fx) => ({ sessionId: fx.fuxinSession }),
  updateLivelihoodProject: (fx) => ({ id: fx.fuxinProject, input: { leadDepartment: '市住房和城乡建设局' } }),
  saveLivelihoodMilestones: (fx) => ({ projectId: fx.fuxinProject, milestones: [] }),
  reportLivelihoodProgress: (fx) => ({ projectId: fx.fuxinProject, period: '2021-06', quantityDone: '1', note: '矩阵测试' }),
  completeLivelihoodProject: (fx) => ({ projectId: fx.fuxinProject, completedOn: '2021-12-20' }),
  openEvaluation: (fx) => ({ sessionId: fx.fuxinSession, year: 2021 }),
  submitEvaluation: (fx) => ({ sessionId: fx.fuxinSession, year: 2021, ratings: [{ projectId: fx.fuxinProject, rating: 'SATISFIED' }] }),
  closeEvaluation: (fx) => ({ sessionId: fx.fuxinSession, year: 2021 }),
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
  importServiceItems: (fx, p) => ({ districtId: fx.areaId['苏家屯区'], fileId: fx.workbookOf[p] ?? '00000000-0000-4000-8000-000000000000', dryRun: true }),
};
