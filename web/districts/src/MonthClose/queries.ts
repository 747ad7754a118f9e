import { graphql } from '../gql';
import type { LightCorrectionsQuery, MonthCloseQuery, PlanVersionRequestsQuery, PublicationsQuery } from '../gql/graphql';

export const STATUS = graphql(`
  query MonthClose($areaId: ID, $period: Period!) {
    monthClose(areaId: $areaId, period: $period) { districtId districtName closed green yellow red planned actual actualYearToDate reports closedBy closedAt }
  }
`);
export const CLOSE = graphql(`
  mutation CloseMonth($areaId: ID, $period: Period!) {
    closeMonth(areaId: $areaId, period: $period) { districtId districtName closed green yellow red planned actual actualYearToDate reports closedBy closedAt }
  }
`);
export const CORRECTIONS = graphql(`
  query LightCorrections($filter: CorrectionFilter, $first: Int, $after: String) {
    lightCorrections(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        id period kind status reason payload requestedBy requestedAt decidedBy decidedAt decisionReason before after
        project { id code name district { name } }
        relitMonths { period before after closed }
      }
    }
  }
`);
export const DECIDE = graphql(`
  mutation DecideCorrection($id: ID!, $approve: Boolean!, $reason: String!) {
    decideCorrection(id: $id, approve: $approve, reason: $reason) { id status decidedBy decidedAt decisionReason relitMonths { period before after closed } }
  }
`);
export const PLAN_VERSIONS = graphql(`
  query PlanVersionRequests($status: CorrectionStatus, $first: Int, $after: String) {
    planVersionRequests(status: $status, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id year version status reason requestedBy requestedAt decidedBy decisionReason project { id name district { name } } }
    }
  }
`);
export const DECIDE_PLAN = graphql(`
  mutation DecidePlanVersion($id: ID!, $approve: Boolean!, $reason: String!) {
    decidePlanVersion(id: $id, approve: $approve, reason: $reason) { id status decidedBy decidedAt decisionReason }
  }
`);
export const PUBLICATIONS = graphql(`
  query Publications { publishedLightBoards { id area { id name } period version publishedAt publishedBy sha256 correctionId districts { green yellow red } } }
`);

export type CloseRow = MonthCloseQuery['monthClose'][number];
export type Correction = LightCorrectionsQuery['lightCorrections']['nodes'][number];
export type Publication = PublicationsQuery['publishedLightBoards'][number];
export type PlanVersionRow = PlanVersionRequestsQuery['planVersionRequests']['nodes'][number];
