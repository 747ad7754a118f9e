/** The GraphQL documents of the secretaries pages and the shapes they answer. */
import { IMPORT_RESULT_FIELDS } from '@kpd/web-kit';

export interface Workload {
  projects: number;
  logEntriesLast30Days: number;
  lastContactDate: string | null;
  quietProjects: number;
  openProblems: number;
  overdueProblems: number;
  averageDaysToResolve: number | null;
}
export interface SecretaryBase {
  id: string;
  name: string;
  workUnit: string;
  title: string;
  hasAccount: boolean;
  district: { id: string; name: string };
  workload: Workload;
}
export interface RosterRow extends SecretaryBase {
  latestEvaluation: { period: string; score: number } | null;
}
export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}
export interface Assignment {
  id: string;
  teamRole: 'SOLE' | 'LEAD' | 'MEMBER';
  startDate: string;
  endDate: string | null;
  active: boolean;
  project: { id: string; name: string; code: string } | null;
}
export interface ProblemRow {
  id: string;
  title: string;
  status: 'OPEN' | 'IN_PROGRESS' | 'RESOLVED' | 'CLOSED_OUT';
  raisedBy: string;
  raisedDate: string;
  deadline: string;
  resolvedDate: string | null;
  overdue: boolean;
  project: { id: string; name: string } | null;
}
export interface SecretaryDetail extends SecretaryBase {
  assignments: Assignment[];
  evaluations: { period: string; score: number; comments: string; evaluatedBy: string }[];
  problems: ProblemRow[];
}
export interface LogEntry {
  id: string;
  kind: string;
  date: string;
  summary: string;
  recordedBy: string | null;
  project: { id: string; name: string } | null;
}
export interface AreaFigures {
  area: { id: string; name: string };
  secretaries: number;
  keyProjects: number;
  covered: number;
  coveragePercent: number | null;
  projectsServed: number;
  projectsPerSecretary: number | null;
  quietProjects: number;
  uncoveredProjects?: { id: string; name: string; code: string }[];
}

const WORKLOAD =
  'workload { projects logEntriesLast30Days lastContactDate quietProjects openProblems overdueProblems averageDaysToResolve }';

export const DISTRICTS = /* GraphQL */ `
  query SecretaryDistricts {
    districts {
      id
      name
    }
  }
`;

export const ROSTER = /* GraphQL */ `
  query SecretaryRoster($filter: SecretaryFilter, $first: Int, $after: String) {
    secretaries(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id name workUnit title hasAccount district { id name } ${WORKLOAD} latestEvaluation { period score } }
    }
  }
`;

/** Contact details: asked only by admins, apart, so a refusal never blanks the roster. */
export const CONTACTS = /* GraphQL */ `
  query SecretaryContacts($filter: SecretaryFilter, $first: Int, $after: String) {
    secretaries(filter: $filter, first: $first, after: $after) {
      nodes {
        id
        contact
      }
    }
  }
`;

export const ACCOUNTS = /* GraphQL */ `
  query SecretaryAccounts {
    users(role: SECRETARY, first: 100) {
      totalCount
      nodes {
        id
        username
        displayName
        active
        area {
          id
          name
        }
      }
    }
  }
`;

const FIGURES =
  'secretaries keyProjects covered coveragePercent projectsServed projectsPerSecretary quietProjects';
export const OVERVIEW = /* GraphQL */ `
  query SecretaryOverviewPage($areaId: ID) {
    secretaryOverview(areaId: $areaId) {
      today
      total { area { id name } ${FIGURES} }
      districts { area { id name } ${FIGURES} uncoveredProjects { id name code } }
    }
  }
`;

export const QUIET = /* GraphQL */ `
  query SecretaryQuietProjects($areaId: ID, $first: Int, $after: String) {
    quietProjects(areaId: $areaId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        project {
          id
          name
          code
          district {
            name
          }
        }
        lastContactDate
        daysSinceContact
        noContactDays
        secretaries {
          id
          name
        }
      }
    }
  }
`;

export const DETAIL = /* GraphQL */ `
  query SecretaryDetail($id: ID!) {
    secretary(id: $id) {
      id name workUnit title hasAccount district { id name } ${WORKLOAD}
      assignments { id teamRole startDate endDate active project { id name code } }
      evaluations { period score comments evaluatedBy }
      problems { id title status raisedBy raisedDate deadline resolvedDate overdue project { id name } }
    }
  }
`;

export const CONTACT = /* GraphQL */ `
  query SecretaryContact($id: ID!) {
    secretary(id: $id) {
      id
      contact
    }
  }
`;

export const LOG = /* GraphQL */ `
  query SecretaryServiceLog($secretaryId: ID, $first: Int, $after: String) {
    serviceLog(filter: { secretaryId: $secretaryId }, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        kind
        date
        summary
        recordedBy
        project {
          id
          name
        }
      }
    }
  }
`;

export const LOG_SERVICE = /* GraphQL */ `
  mutation LogService($input: ServiceLogInput!) {
    logService(input: $input) {
      id
      kind
      date
      summary
      project {
        id
        name
      }
    }
  }
`;

export const RAISE_PROBLEM = /* GraphQL */ `
  mutation SecretaryRaiseProblem($input: RaiseProblemInput!) {
    raiseProblem(input: $input) {
      id
      title
      deadline
      status
      secretary {
        id
        name
      }
    }
  }
`;

export const SCORE = /* GraphQL */ `
  mutation ScoreSecretary($input: EvaluationInput!) {
    scoreSecretary(input: $input) {
      id
      period
      score
      comments
    }
  }
`;

export const IMPORT_EVALUATIONS = /* GraphQL */ `
  mutation ImportSecretaryEvaluations($fileId: ID!, $dryRun: Boolean!) {
    importSecretaryEvaluations(fileId: $fileId, dryRun: $dryRun) { ${IMPORT_RESULT_FIELDS} }
  }
`;

export const FIND_SECRETARIES = /* GraphQL */ `
  query FindSecretaries($search: String) {
    secretaries(filter: { search: $search }, first: 20) {
      nodes {
        id
        name
        workUnit
        district {
          name
        }
      }
    }
  }
`;

export const MINE = /* GraphQL */ `
  query MySecretaryService {
    secretaries(first: 1) { nodes { id name workUnit district { name } ${WORKLOAD} assignments { id teamRole startDate endDate active project { id } } } }
    projects(first: 50) { totalCount nodes { id name code district { name } } }
  }
`;
