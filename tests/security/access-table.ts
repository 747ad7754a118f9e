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
 *   delegate  — delegate.001, a people's-congress delegate in 阜新市
 *
 * A: allowed — the call reaches its resolver (it may still refuse bad input or a conflict);
 * D: denied — UNAUTHENTICATED, FORBIDDEN or NOT_FOUND, and no data.
 *
 * The analyst's credential is read-only: every mutation is refused to it, signing in and out included
 * (it signs in afresh without a token).
 */
export const PRINCIPALS = ['anon', 'analyst', 'city', 'district', 'other', 'secretary', 'delegate'] as const;
export type Principal = (typeof PRINCIPALS)[number];

export const ACCOUNTS: Record<Exclude<Principal, 'anon'>, string> = {
  analyst: 'analyst',
  city: 'admin.shenyang',
  district: 'admin.sujiatun',
  other: 'admin.dadong',
  secretary: 'secretary.lijun',
  delegate: 'delegate.001',
};

type Row = string; // seven letters, one per principal, in PRINCIPALS order

//                                     anon analyst city district other secretary delegate
export const QUERIES: Record<string, Row> = {
  me:                      /* */ 'A A A A A A A',
  areas:                   /* */ 'D A A A A A A',
  area:                    /* */ 'D A A A D D D',
  district:                /* */ 'D A A A D D D',
  districts:               /* */ 'D A A A A A A',
  users:                   /* */ 'D D A A D D D',
  apiTokens:               /* */ 'D D A A A D D',
  auditLog:                /* */ 'D D A A A D D',
  serviceItems:            /* */ 'D A A A D D D',
  serviceItem:             /* */ 'D A A A D D D',
  serviceCatalogueFigures: /* */ 'D A A A D D D',
  serviceZones:            /* */ 'D A A A D D D',
  serviceBaseline:         /* */ 'D A A A D D D',
  projects:                /* */ 'D A A A D D D',
  project:                 /* */ 'D A A A D D D',
  lightBoard:              /* */ 'D A A A D D D',
  problems:                /* */ 'D A A A D D D',
  problem:                 /* */ 'D A A A D D D',
  problemFigures:          /* */ 'D A A A D D D',
  ranking:                 /* */ 'D A A A A D D',
  rankHistory:             /* */ 'D A A A A D D',
  investmentStats:         /* */ 'D A A A D D D',
  planVsActual:            /* */ 'D A A A D D D',
  milestoneView:           /* */ 'D A A A D D D',
  earlyWarnings:           /* */ 'D A A A D D D',
  dispatchList:            /* */ 'D A A A D D D',
  dispatchMeetings:        /* */ 'D A A A D D D',
  dispatchMeeting:         /* */ 'D A A A D D D',
  suggestedMeetingHost:    /* */ 'D A A A A D D',
};

//                                     anon analyst city district other secretary delegate
export const MUTATIONS: Record<string, Row> = {
  login:                   /* */ 'A D A A A A A',
  logout:                  /* */ 'A D A A A A A',
  changePassword:          /* */ 'D D A A A A A',
  createApiToken:          /* */ 'D D A A A D D',
  revokeApiToken:          /* */ 'D D A A D D D',
  createUser:              /* */ 'D D A A D D D',
  updateUserAccess:        /* */ 'D D A A D D D',
  updateCitySettings:      /* */ 'D D A D D D D',
  createServiceItem:       /* */ 'D D A A D D D',
  updateServiceItem:       /* */ 'D D A A D D D',
  saveServiceZone:         /* */ 'D D A A D D D',
  setServiceBaseline:      /* */ 'D D A A D D D',
  importServiceItems:      /* */ 'D D A A D D D',
  createProject:           /* */ 'D D A A D D D',
  updateProject:           /* */ 'D D A A D D D',
  savePlanTable:           /* */ 'D D A A D D D',
  saveMonthlyReport:       /* */ 'D D A A D D D',
  setProjectLocation:      /* */ 'D D A A D D D',
  setProjectRenderings:    /* */ 'D D A A D D D',
  saveMilestones:          /* */ 'D D A A D D D',
  decideLibraryRemoval:    /* */ 'D D A A D D D',
  publishLightBoard:       /* */ 'D D A A D D D',
  runMonthEndLights:       /* */ 'D D A A A D D',
  importPlans:             /* */ 'D D A A A D D',
  raiseProblem:            /* */ 'D D A A D D D',
  moveProblem:             /* */ 'D D A A D D D',
  escalateOverdueProblems: /* */ 'D D A D D D D',
  addProblemNote:          /* */ 'D D A A D D D',
  publishRanking:          /* */ 'D D A D D D D',
  createDispatchMeeting:   /* */ 'D D A A D D D',
  recordDispatchMeeting:   /* */ 'D D A A D D D',
  addDispatchDecision:     /* */ 'D D A A D D D',
};

export function expected(row: Row, principal: Principal): 'A' | 'D' {
  const letters = row.split(/\s+/).filter(Boolean);
  if (letters.length !== PRINCIPALS.length || letters.some((l) => l !== 'A' && l !== 'D')) throw new Error(`bad access row "${row}"`);
  return letters[PRINCIPALS.indexOf(principal)] as 'A' | 'D';
}
