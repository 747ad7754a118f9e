/**
 * Who may call what: the authorization matrix as one readable table.
 *
 * Every root query and mutation of schema/schema.graphql has a row; a field the table does not
 * list fails the battery, so a new field is classified before it lands. The fixtures the rows point
 * at belong to 苏家屯区 (a district of 沈阳市), so for each row the columns say:
 *
 *   anon      — no credentials
 *   analyst   — the province's read-only analyst
 *   city      — admin.shenyang, whose scope covers 苏家屯区
 *   district  — admin.sujiatun, the fixture's own district
 *   other     — admin.dadong, another district of the same city (out of scope)
 *   secretary — secretary.lijun, a service secretary in 大连市中山区
 *   delegate  — delegate.001, a people's-congress delegate in 阜新市, on the roster of its session
 *   fuxin     — admin.fuxin, the city admin of 阜新市
 *
 * The livelihood rows point at 阜新市's demo session (阜新市十六届人大四次会议) and its projects
 * instead, so there the delegate and admin.fuxin are the ones in scope.
 *
 * A: allowed — the call reaches its resolver (it may still refuse bad input or a conflict);
 * D: denied — UNAUTHENTICATED, FORBIDDEN or NOT_FOUND, and no data.
 *
 * The analyst's credential is read-only: every mutation is refused to it, signing in and out included
 * (it signs in afresh without a token), except making and revoking its own API tokens.
 *
 * The steps of a sign-in after the password (verifySignInCode, beginTotpEnrolment,
 * confirmTotpEnrolment, changePassword) are taken by a session waiting at that step, which reads
 * nothing else (two-factor.test.ts); in this table, with no session waiting, they are
 * UNAUTHENTICATED for anon and reach their resolver for a signed-in person (which enrols its own
 * authenticator, or hears CONFLICT: it is signed in already). revokeSession ends a spare session of
 * the caller's own.
 *
 * API tokens are principals too, one per scope, each made by admin.shenyang for 沈阳市 (so the
 * fixtures lie inside their area). A token is an analyst with scopes: its column is not written
 * out but follows from the analyst's column and TOKEN_NEEDS below, the scope each root query asks
 * of a token. Tokens never change anything; they may start a bulk export (TOKEN_MUTATIONS), which
 * reads as the token, and read their own export jobs.
 */
export const PEOPLE = ['anon', 'analyst', 'city', 'district', 'other', 'secretary', 'delegate', 'fuxin'] as const;
export type Person = (typeof PEOPLE)[number];

/** The token principals and the scopes (GraphQL enum values) each is made with. */
export const TOKENS = {
  'token:projects': ['READ_PROJECTS'],
  'token:figures': ['READ_FIGURES'],
  'token:services': ['READ_SERVICES'],
  'token:livelihood': ['READ_LIVELIHOOD'],
  'token:contacts': ['READ_PROJECTS', 'READ_CONTACTS'],
} as const;
export type TokenPrincipal = keyof typeof TOKENS;
export const TOKEN_PRINCIPALS = Object.keys(TOKENS) as TokenPrincipal[];

export const PRINCIPALS = [...PEOPLE, ...TOKEN_PRINCIPALS] as const;
export type Principal = Person | TokenPrincipal;
export const isToken = (p: Principal): p is TokenPrincipal => p.startsWith('token:');

export const ACCOUNTS: Record<Exclude<Person, 'anon'>, string> = {
  analyst: 'analyst',
  city: 'admin.shenyang',
  district: 'admin.sujiatun',
  other: 'admin.dadong',
  secretary: 'secretary.lijun',
  delegate: 'delegate.001',
  fuxin: 'admin.fuxin',
};

type Row = string; // eight letters, one per person, in PEOPLE order

//                                     anon analyst city district other secretary delegate fuxin
export const QUERIES: Record<string, Row> = {
  me:                      /* */ 'A A A A A A A A',
  demoAccounts:            /* */ 'A A A A A A A A',
  currentApiToken:         /* */ 'A A A A A A A A',
  signInStep:              /* */ 'A A A A A A A A',
  myTwoFactor:             /* */ 'D A A A A A A A',
  mySessions:              /* */ 'D A A A A A A A',
  rateLimit:               /* */ 'A A A A A A A A',
  exportJob:               /* */ 'D A A A A A A A',
  exportJobs:              /* */ 'D A A A A A A A',
  myNotices:               /* */ 'D A A A A A A A',
  unreadNoticeCount:       /* */ 'D A A A A A A A',
  myNoticePreferences:     /* */ 'D A A A A A A A',
  noticeChannels:          /* */ 'D D A A A D D A',
  noticeDeliveries:        /* */ 'D D A A A D D A',
  responsibleUnits:        /* */ 'D A A A D D D D',
  areas:                   /* */ 'D A A A A A A A',
  area:                    /* */ 'D A A A D D D D',
  district:                /* */ 'D A A A D D D D',
  districts:               /* */ 'D A A A A A A A',
  users:                   /* */ 'D D A A D D D D',
  apiTokens:               /* */ 'D A A A A D D A',
  auditLog:                /* */ 'D D A A A D D A',
  serviceItems:            /* */ 'D A A A D D D D',
  serviceItem:             /* */ 'D A A A D D D D',
  serviceCatalogueFigures: /* */ 'D A A A D D D D',
  serviceZones:            /* */ 'D A A A D D D D',
  serviceBaseline:         /* */ 'D A A A D D D D',
  publicServiceGuides:     /* */ 'A A A A A A A A',
  publicServiceGuide:      /* */ 'A A A A A A A A',
  serviceCases:            /* */ 'D A A A D D D D',
  serviceCaseFigures:      /* */ 'D A A A D D D D',
  publicServiceRating:     /* */ 'A A A A A A A A',
  serviceRectifications:   /* */ 'D A A A D D D D',
  serviceRectification:    /* */ 'D A A A D D D D',
  serviceRatingFigures:    /* */ 'D A A A D D D D',
  serviceBundles:          /* */ 'D A A A D D D D',
  publicServiceBundle:     /* */ 'A A A A A A A A',
  // 民生实事 (livelihood): against 阜新市's session and projects
  voteSessions:              /* */ 'A A A A A A A A',
  voteSession:               /* */ 'A A A A A A A A',
  publishedBallots:          /* */ 'A A A A A A A A',
  verifyReceipt:             /* */ 'A A A A A A A A',
  voteBulletinBoard:         /* */ 'A A A A A A A A',
  publishedEvaluationSheets: /* */ 'A A A A A A A A',
  verifyEvaluationReceipt:   /* */ 'A A A A A A A A',
  livelihoodBoard:           /* */ 'A A A A A A A A',
  livelihoodProject:         /* */ 'A A A A A A A A',
  livelihoodProposalByCode:  /* */ 'A A A A A A A A',
  livelihoodProposals:       /* */ 'A A A A A A A A',
  livelihoodReserve:         /* */ 'A A A A A A A A',
  livelihoodSupervisionAdvices: /* */ 'A A A A A A A A',
  livelihoodRatingRule:      /* */ 'A A A A A A A A',
  // 重点项目 (projects): against 苏家屯区's project
  projects:                /* */ 'D A A A D D D D',
  project:                 /* */ 'D A A A D D D D',
  lightBoard:              /* */ 'D A A A D D D D',
  monthClose:              /* */ 'D A A A D D D D',
  procedureTemplate:       /* */ 'D A A A D D D D',
  procedureFigures:        /* */ 'D A A A D D D D',
  fundingSources:          /* */ 'D A A A D D D D',
  fundingStats:            /* */ 'D A A A D D D D',
  lightCorrections:        /* */ 'D A A A A A A A',
  planVersionRequests:     /* */ 'D A A A A A A A',
  lightBoardPublication:   /* */ 'A A A A A A A A',
  publishedLightBoards:    /* */ 'A A A A A A A A',
  // 服务秘书 (secretaries): against 苏家屯区's secretary
  secretaries:             /* */ 'D A A A D D D D',
  secretary:               /* */ 'D A A A D D D D',
  secretaryOverview:       /* */ 'D A A A D D D D',
  quietProjects:           /* */ 'D A A A D D D D',
  serviceLog:              /* */ 'D A A A D D D D',
  // 问题清单、调度会、排名与统计 (problems, dispatch, rankings, statistics): against 苏家屯区
  problems:                  /* */ 'D A A A D D D D',
  problem:                   /* */ 'D A A A D D D D',
  problemFigures:            /* */ 'D A A A D D D D',
  ranking:                   /* */ 'D A A A A D D D',
  rankHistory:               /* */ 'D A A A A D D D',
  investmentStats:           /* */ 'D A A A D D D D',
  planVsActual:              /* */ 'D A A A D D D D',
  milestoneView:             /* */ 'D A A A D D D D',
  earlyWarnings:             /* */ 'D A A A D D D D',
  dispatchList:              /* */ 'D A A A D D D D',
  dispatchMeetings:          /* */ 'D A A A D D D D',
  dispatchMeeting:           /* */ 'D A A A D D D D',
  suggestedMeetingHost:      /* */ 'D A A A A D D D',
  // 招商 (investment attraction): against a 苏家屯区 chain, company and lead
  industryChains:            /* */ 'D A A A D D D D',
  industryChain:             /* */ 'D A A A D D D D',
  targetCompanies:           /* */ 'D A A A D D D D',
  targetCompany:             /* */ 'D A A A D D D D',
  companyDuplicates:         /* */ 'D A A A D D D D',
  investmentLeads:           /* */ 'D A A A D D D D',
  investmentLead:            /* */ 'D A A A D D D D',
  investmentBoard:           /* */ 'D A A A D D D D',
  companyMatches:            /* */ 'D A A A D D D D',
};

//                                     anon analyst city district other secretary delegate fuxin
export const MUTATIONS: Record<string, Row> = {
  login:                   /* */ 'A D A A A A A A',
  logout:                  /* */ 'A D A A A A A A',
  changePassword:          /* */ 'D D A A A A A A',
  verifySignInCode:        /* */ 'D D A A A A A A',
  beginTotpEnrolment:      /* */ 'D D A A A A A A',
  confirmTotpEnrolment:    /* */ 'D D A A A A A A',
  revokeSession:           /* */ 'D D A A A A A A',
  createApiToken:          /* */ 'D A A A A D D A',
  startExport:             /* */ 'D A A A A A A A',
  markNoticesRead:         /* */ 'D D A A A A A A',
  setNoticePreferences:    /* */ 'D D A A A A A A',
  saveNoticeChannel:       /* */ 'D D A A A D D A',
  retryNoticeDelivery:     /* */ 'D D A A D D D D',
  saveResponsibleUnit:     /* */ 'D D A A D D D D',
  revokeApiToken:          /* */ 'D D A A D D D D',
  createUser:              /* */ 'D D A A D D D D',
  updateUserAccess:        /* */ 'D D A A D D D D',
  resetUserPassword:       /* */ 'D D A A D D D D',
  resetUserTwoFactor:      /* */ 'D D A A D D D D',
  updateCitySettings:      /* */ 'D D A D D D D D',
  createServiceItem:       /* */ 'D D A A D D D D',
  updateServiceItem:       /* */ 'D D A A D D D D',
  saveServiceZone:         /* */ 'D D A A D D D D',
  setServiceBaseline:      /* */ 'D D A A D D D D',
  saveServiceGuide:        /* */ 'D D A A D D D D',
  recordServiceCase:       /* */ 'D D A A D D D D',
  issueServiceRatingLink:  /* */ 'D D A A D D D D',
  rateServiceCase:         /* */ 'A D A A A A A A',
  recordRectificationStep: /* */ 'D D A A D D D D',
  saveServiceBundle:       /* */ 'D D A A D D D D',
  importServiceCases:      /* */ 'D D A A D D D D',
  importServiceItems:      /* */ 'D D A A D D D D',
  // 民生实事 (livelihood)
  submitLivelihoodProposal:  /* */ 'A D A A A A A A',
  supportLivelihoodCandidate: /* */ 'A D A A A A A A',
  screenLivelihoodProposal:  /* */ 'D D D D D D D A',
  createVoteSession:         /* */ 'D D D D D D D A',
  updateVoteSession:         /* */ 'D D D D D D D A',
  setVoteCandidates:         /* */ 'D D D D D D D A',
  importVoteRoster:          /* */ 'D D D D D D D A',
  checkInToSession:          /* */ 'D D D D D D A D',
  openVote:                  /* */ 'D D D D D D D A',
  castBallot:                /* */ 'D D D D D D A D',
  issuePaperBallot:          /* */ 'D D D D D D D A',
  enterPaperBallots:         /* */ 'D D D D D D D A',
  confirmPaperBatch:         /* */ 'D D D D D D D A',
  printPaperSheets:          /* */ 'D D D D D D D A',
  closeVote:                 /* */ 'D D D D D D D A',
  registerCountingKey:       /* */ 'D D D D D D D D',
  submitCountingShare:       /* */ 'D D D D D D A A',
  concludeVote:              /* */ 'D D D D D D D A',
  withdrawLivelihoodReserveItem: /* */ 'D D D D D D D A',
  updateLivelihoodProject:   /* */ 'D D D D D D D A',
  saveLivelihoodMilestones:  /* */ 'D D D D D D D A',
  reportLivelihoodProgress:  /* */ 'D D D D D D D A',
  completeLivelihoodProject: /* */ 'D D D D D D D A',
  openEvaluation:            /* */ 'D D D D D D D A',
  submitEvaluation:          /* */ 'D D D D D D A D',
  closeEvaluation:           /* */ 'D D D D D D D A',
  formLivelihoodSupervisionGroup: /* */ 'D D D D D D D A',
  recordLivelihoodInspection: /* */ 'D D D D D D A A',
  answerLivelihoodSupervisionAdvice: /* */ 'D D D D D D D A',
  setLivelihoodRatingRule:   /* */ 'D D D D D D D A',
  recordLivelihoodPublicSurvey: /* */ 'D D D D D D D A',
  addLivelihoodSubItem:      /* */ 'D D D D D D D A',
  reportLivelihoodSubItem:   /* */ 'D D D D D D D A',
  rateLivelihoodSubItem:     /* */ 'D D D D D D A D',
  // 重点项目 (projects): against 苏家屯区's project
  createProject:           /* */ 'D D A A D D D D',
  updateProject:           /* */ 'D D A A D D D D',
  savePlanTable:           /* */ 'D D A A D D D D',
  saveMonthlyReport:       /* */ 'D D A A D D D D',
  setProjectLocation:      /* */ 'D D A A D D D D',
  setProjectRenderings:    /* */ 'D D A A D D D D',
  setProjectOpenData:      /* */ 'D D A A D D D D',
  saveMilestones:          /* */ 'D D A A D D D D',
  decideLibraryRemoval:    /* */ 'D D A A D D D D',
  publishLightBoard:       /* */ 'D D A A D D D D',
  runMonthEndLights:       /* */ 'D D A A A D D A',
  closeMonth:              /* */ 'D D A A D D D D',
  requestReportCorrection: /* */ 'D D A A D D D D',
  requestPlanCorrection:   /* */ 'D D A A D D D D',
  decideCorrection:        /* */ 'D D A D D D D D',
  approvePlanBaseline:     /* */ 'D D A A D D D D',
  requestPlanVersion:      /* */ 'D D A A D D D D',
  // No plan version exists in the fixtures: every caller gets NOT_FOUND or less (the rules are in plan-versions.test.ts).
  decidePlanVersion:       /* */ 'D D D D D D D D',
  importPlans:             /* */ 'D D A A A D D A',
  // 前期手续 (procedures): 沈阳市's template, the fixture project's chain and its first node
  saveProcedureType:       /* */ 'D D A D D D D D',
  startProcedureChain:     /* */ 'D D A A D D D D',
  updateProcedureNode:     /* */ 'D D A A D D D D',
  raiseProcedureProblem:   /* */ 'D D A A D D D D',
  // 资金来源 (funding): 沈阳市's code list and the fixture project's 2020 lines
  saveFundingSource:       /* */ 'D D A D D D D D',
  saveProjectFunding:      /* */ 'D D A A D D D D',
  // 参建单位 (parties): the fixture project; no party exists in the fixtures, so removing one is NOT_FOUND for all
  saveProjectParty:        /* */ 'D D A A D D D D',
  removeProjectParty:      /* */ 'D D D D D D D D',
  // 项目文件, 合同, 竣工 (documents, contracts, completion): the fixture project; no document or contract exists in the
  // fixtures, so removing a document and varying a contract are NOT_FOUND for all; completion is refused as bad input (no scope)
  saveProjectDocument:     /* */ 'D D A A D D D D',
  removeProjectDocument:   /* */ 'D D D D D D D D',
  saveProjectContract:     /* */ 'D D A A D D D D',
  addContractVariation:    /* */ 'D D D D D D D D',
  completeProject:         /* */ 'D D A A D D D D',
  // 服务秘书 (secretaries): scores are entered by evaluator accounts only (none among these principals)
  createSecretary:         /* */ 'D D A A D D D D',
  updateSecretary:         /* */ 'D D A A D D D D',
  assignSecretary:         /* */ 'D D A A D D D D',
  endSecretaryAssignment:  /* */ 'D D A A D D D D',
  logService:              /* */ 'D D A A D D D D',
  scoreSecretary:          /* */ 'D D D D D D D D',
  importSecretaryEvaluations: /* */ 'D D A A A D D A',
  // 问题清单、调度会、排名与统计 (problems, dispatch, rankings, statistics): against 苏家屯区
  raiseProblem:              /* */ 'D D A A D D D D',
  moveProblem:               /* */ 'D D A A D D D D',
  escalateOverdueProblems:   /* */ 'D D A D D D D D',
  addProblemNote:            /* */ 'D D A A D D D D',
  publishRanking:            /* */ 'D D A D D D D D',
  createDispatchMeeting:     /* */ 'D D A A D D D D',
  recordDispatchMeeting:     /* */ 'D D A A D D D D',
  addDispatchDecision:       /* */ 'D D A A D D D D',
  // 招商 (investment attraction): admins of the area only
  createIndustryChain:       /* */ 'D D A A D D D D',
  addChainNode:              /* */ 'D D A A D D D D',
  importIndustryChains:      /* */ 'D D A A D D D D',
  createTargetCompany:       /* */ 'D D A A D D D D',
  createInvestmentLead:      /* */ 'D D A A D D D D',
  moveInvestmentLead:        /* */ 'D D A A D D D D',
  logInvestmentVisit:        /* */ 'D D A A D D D D',
  convertLeadToKeyProject:   /* */ 'D D A A D D D D',
  setInvestmentTargets:      /* */ 'D D A A D D D D',
};

/**
 * Sensitive fields inside answers anyone may get: S — the value is shown; H — hidden (null, or the
 * field refused with FORBIDDEN while the rest of the answer stands).
 */
//                                          anon analyst city district other secretary delegate fuxin
export const SENSITIVE_FIELDS: Record<string, Row> = {
  'LivelihoodProposal.contact':       /* */ 'H H H H H H H S',
  'LivelihoodProposal.submitterName': /* */ 'H H H H H H H S',
  'LivelihoodProposal.trackingCode':  /* */ 'H H H H H H H S',
  'Secretary.contact':                /* */ 'H H S S H H H H',
  'TargetCompany.contactPhone':       /* */ 'H H S S H H H H',
  'ResponsibleUnit.phone':            /* */ 'H H S S H H H H',
};

export function expected<L extends string = 'A' | 'D'>(row: Row, principal: Person, allowed: readonly L[] = ['A', 'D'] as unknown as L[]): L {
  const letters = row.split(/\s+/).filter(Boolean);
  if (letters.length !== PEOPLE.length || letters.some((l) => !allowed.includes(l as L))) throw new Error(`bad access row "${row}"`);
  return letters[PEOPLE.indexOf(principal)] as L;
}

/**
 * What a token needs for each root query that is not open to anyone: a scope, `any` (every token
 * reads the area directory) or `never` (accounts, the audit log, the tokens). A query anyone may
 * call (its anon letter is A) is open to tokens as well.
 */
type Need = 'any' | 'never' | 'READ_PROJECTS' | 'READ_FIGURES' | 'READ_SERVICES' | 'READ_LIVELIHOOD';
export const TOKEN_NEEDS: Record<string, Need> = {
  areas: 'any', area: 'any', districts: 'any', district: 'any',
  exportJob: 'any', exportJobs: 'any',
  users: 'never', apiTokens: 'never', auditLog: 'never', myTwoFactor: 'never', mySessions: 'never',
  myNotices: 'never', unreadNoticeCount: 'never', myNoticePreferences: 'never', noticeChannels: 'never', noticeDeliveries: 'never',
  serviceItems: 'READ_SERVICES', serviceItem: 'READ_SERVICES', serviceZones: 'READ_SERVICES', serviceBaseline: 'READ_SERVICES',
  serviceCatalogueFigures: 'READ_FIGURES', serviceCases: 'READ_SERVICES', serviceCaseFigures: 'READ_FIGURES',
  serviceRectifications: 'READ_SERVICES', serviceRectification: 'READ_SERVICES', serviceRatingFigures: 'READ_FIGURES', serviceBundles: 'READ_SERVICES',
  projects: 'READ_PROJECTS', project: 'READ_PROJECTS',
  lightBoard: 'READ_FIGURES', monthClose: 'READ_FIGURES', lightCorrections: 'READ_PROJECTS', planVersionRequests: 'READ_PROJECTS',
  procedureTemplate: 'READ_PROJECTS', procedureFigures: 'READ_FIGURES', fundingSources: 'READ_PROJECTS', fundingStats: 'READ_FIGURES',
  secretaries: 'READ_PROJECTS', secretary: 'READ_PROJECTS', serviceLog: 'READ_PROJECTS',
  secretaryOverview: 'READ_FIGURES', quietProjects: 'READ_FIGURES',
  problems: 'READ_PROJECTS', problem: 'READ_PROJECTS', responsibleUnits: 'READ_PROJECTS',
  problemFigures: 'READ_FIGURES', ranking: 'READ_FIGURES', rankHistory: 'READ_FIGURES', investmentStats: 'READ_FIGURES',
  planVsActual: 'READ_FIGURES', milestoneView: 'READ_FIGURES', earlyWarnings: 'READ_FIGURES',
  dispatchList: 'READ_FIGURES', dispatchMeetings: 'READ_FIGURES', dispatchMeeting: 'READ_FIGURES', suggestedMeetingHost: 'READ_FIGURES',
  industryChains: 'READ_PROJECTS', industryChain: 'READ_PROJECTS', targetCompanies: 'READ_PROJECTS', targetCompany: 'READ_PROJECTS',
  companyDuplicates: 'READ_PROJECTS', investmentLeads: 'READ_PROJECTS', investmentLead: 'READ_PROJECTS', investmentBoard: 'READ_FIGURES',
  companyMatches: 'READ_PROJECTS',
};

/**
 * The mutations a token may call: a bulk export only reads, as the token, through the same
 * resolvers, which ask the token for the scopes its query needs (modules/exports/exports.test.ts).
 */
export const TOKEN_MUTATIONS: ReadonlySet<string> = new Set(['startExport']);

/** The outcome for any principal: a person's from its row, a token's from the analyst's and the scope it needs. */
export function outcome(kind: 'query' | 'mutation', field: string, principal: Principal): 'A' | 'D' {
  const row = (kind === 'query' ? QUERIES : MUTATIONS)[field];
  if (!isToken(principal)) return expected(row, principal);
  if (kind === 'mutation') return TOKEN_MUTATIONS.has(field) ? expected(row, 'analyst') : 'D';
  if (expected(row, 'anon') === 'A') return 'A';
  const need = TOKEN_NEEDS[field];
  if (need === undefined || need === 'never') return 'D';
  const held: readonly string[] = TOKENS[principal];
  return need === 'any' || held.includes(need) ? expected(row, 'analyst') : 'D';
}

/** The contact fields a token with read:contacts (and read:projects) sees: a secretary's, a target company's telephone. */
const CONTACT_FIELDS: ReadonlySet<string> = new Set(['Secretary.contact', 'TargetCompany.contactPhone', 'ResponsibleUnit.phone']);

/** Whether a sensitive field is shown to a principal: a token sees a contact field only with read:contacts. */
export function sensitiveOutcome(field: string, principal: Principal): 'S' | 'H' {
  if (!isToken(principal)) return expected(SENSITIVE_FIELDS[field], principal, ['S', 'H'] as const);
  return CONTACT_FIELDS.has(field) && (TOKENS[principal] as readonly string[]).includes('READ_CONTACTS') ? 'S' : 'H';
}
