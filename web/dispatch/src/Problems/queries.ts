import { graphql } from '../gql';
import type { DispatchProblemFiguresQuery, DispatchProblemQuery, ProblemFieldsFragment } from '../gql/graphql';

graphql(`
  fragment ProblemFields on Problem {
    id title category ownerUnit deadline workingDays raisedDate level cityLeader status overdue escalationDue escalationRequested version
    project { id name } district { id name }
  }
`);

export const PROBLEMS = graphql(`
  query DispatchProblems($filter: ProblemFilter, $first: Int, $after: String) {
    problems(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { ...ProblemFields }
    }
  }
`);
export const FIGURES = graphql(`
  query DispatchProblemFigures($areaId: ID, $groupBy: ProblemGroupBy!) {
    problemFigures(areaId: $areaId, groupBy: $groupBy) {
      key label total open overdue resolved resolvedOnTime onTimeRate averageDaysToResolve listedForSupervision closedOut
    }
  }
`);
export const DETAIL = graphql(`
  query DispatchProblem($id: ID!) {
    problem(id: $id) {
      ...ProblemFields
      description raisedBy resolvedDate closedOutDate escalatedDate escalationReason escalationRequestReason evidence reopenCount
      evidenceFiles { id name url thumbnailUrl }
      notes { id period note author }
    }
  }
`);
export const MOVE = graphql(`
  mutation DispatchMoveProblem($id: ID!, $action: ProblemAction!, $input: ProblemMoveInput!) {
    moveProblem(id: $id, action: $action, input: $input) { id status level cityLeader version }
  }
`);
export const NOTE = graphql(`
  mutation DispatchProblemNote($problemId: ID!, $period: Period!, $note: String!) {
    addProblemNote(problemId: $problemId, period: $period, note: $note) { id }
  }
`);
export const ESCALATE_ALL = graphql(`
  mutation DispatchEscalateOverdue($areaId: ID, $cityLeader: String!) {
    escalateOverdueProblems(areaId: $areaId, cityLeader: $cityLeader) { id }
  }
`);

export type ProblemRow = ProblemFieldsFragment;
export type ProblemDetail = DispatchProblemQuery['problem'];
export type Figures = DispatchProblemFiguresQuery['problemFigures'][number];
