/** The GraphQL documents of the secretaries pages and the shapes they answer. */
import { graphql } from './gql';
import type { SecretaryAreaFiguresFragment, SecretaryDetailQuery, SecretaryRosterQuery, SecretaryServiceLogQuery, WorkloadFieldsFragment } from './gql/graphql';

graphql(`
  fragment WorkloadFields on Secretary {
    workload { projects logEntriesLast30Days lastContactDate quietProjects openProblems overdueProblems averageDaysToResolve }
  }
`);

export const DISTRICTS = graphql(`
  query SecretaryDistricts {
    districts {
      id
      name
    }
  }
`);

export const ROSTER = graphql(`
  query SecretaryRoster($filter: SecretaryFilter, $first: Int, $after: String) {
    secretaries(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id name workUnit title hasAccount district { id name } ...WorkloadFields latestEvaluation { period score } }
    }
  }
`);

/** Contact details: asked only by admins, apart, so a refusal never blanks the roster. */
export const CONTACTS = graphql(`
  query SecretaryContacts($filter: SecretaryFilter, $first: Int, $after: String) {
    secretaries(filter: $filter, first: $first, after: $after) {
      nodes {
        id
        contact
      }
    }
  }
`);

export const ACCOUNTS = graphql(`
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
`);

graphql(`
  fragment SecretaryAreaFigures on SecretaryAreaFigures {
    area { id name } secretaries keyProjects covered coveragePercent projectsServed projectsPerSecretary quietProjects
  }
`);
export const OVERVIEW = graphql(`
  query SecretaryOverviewPage($areaId: ID) {
    secretaryOverview(areaId: $areaId) {
      today
      total { ...SecretaryAreaFigures }
      districts { ...SecretaryAreaFigures uncoveredProjects { id name code } }
    }
  }
`);

export const QUIET = graphql(`
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
`);

export const DETAIL = graphql(`
  query SecretaryDetail($id: ID!) {
    secretary(id: $id) {
      id name workUnit title hasAccount district { id name } ...WorkloadFields
      assignments { id teamRole startDate endDate active project { id name code } }
      evaluations { period score comments evaluatedBy }
      problems { id title status raisedBy raisedDate deadline resolvedDate overdue project { id name } }
    }
  }
`);

export const CONTACT = graphql(`
  query SecretaryContact($id: ID!) {
    secretary(id: $id) {
      id
      contact
    }
  }
`);

export const LOG = graphql(`
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
`);

export const LOG_SERVICE = graphql(`
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
`);

/** The directory units the owner unit field offers (the district's and its city's), and whether each is notified. */
export const OWNER_UNITS = graphql(`
  query SecretaryOwnerUnits($areaId: ID!) {
    responsibleUnits(areaId: $areaId) { id name enabled area { id name } }
  }
`);

export const RAISE_PROBLEM = graphql(`
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
`);

export const SCORE = graphql(`
  mutation ScoreSecretary($input: EvaluationInput!) {
    scoreSecretary(input: $input) {
      id
      period
      score
      comments
    }
  }
`);

export const IMPORT_EVALUATIONS = graphql(`
  mutation ImportSecretaryEvaluations($fileId: ID!, $dryRun: Boolean!) {
    importSecretaryEvaluations(fileId: $fileId, dryRun: $dryRun) { dryRun committed totalRows validRows created updated problems { row column header reason } }
  }
`);

export const FIND_SECRETARIES = graphql(`
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
`);

export const MINE = graphql(`
  query MySecretaryService {
    secretaries(first: 1) { nodes { id name workUnit district { id name } ...WorkloadFields assignments { id teamRole startDate endDate active project { id } } } }
    projects(first: 50) { totalCount nodes { id name code district { name } } }
  }
`);

export type Workload = WorkloadFieldsFragment['workload'];
export type RosterRow = SecretaryRosterQuery['secretaries']['nodes'][number];
export type PageInfo = { hasNextPage: boolean; endCursor: string | null };
export type SecretaryDetail = SecretaryDetailQuery['secretary'];
export type Assignment = SecretaryDetail['assignments'][number];
export type ProblemRow = SecretaryDetail['problems'][number];
export type LogEntry = SecretaryServiceLogQuery['serviceLog']['nodes'][number];
export type AreaFigures = SecretaryAreaFiguresFragment & { uncoveredProjects?: Array<{ id: string; name: string; code: string }> };
