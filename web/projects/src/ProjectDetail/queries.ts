import { graphql } from '../gql';
import type { LightColor, ProjectDetailQuery, ProjectProblemsQuery } from '../gql/graphql';

export const DETAIL = graphql(`
  query ProjectDetail($id: ID!) {
    project(id: $id) {
      id code name stage openData enterprise responsibleUnit responsibleLeader totalInvestment constructionStart constructionEnd district { name }
      libraryMembership { member reason }
      location { geoJson east west south north }
      renderings { id name url thumbnailUrl }
      planYears { year plannedInvestment }
      planMonths { period plannedInvestment plannedMilestone }
      reports {
        id period actualInvestment plannedInvestment progress version reporterName submittedAt light { period color reason }
        photos { file { id name url thumbnailUrl takenAt } flags outsideBoundary takenBeforeMonth reusedFromPeriod }
      }
      lights { id period color reason reasonCode removal removalReason removalDecidedBy removalDecidedAt clearing { nextPeriod neededInvestment redBy explanation milestones { name dueDate neededProgress progress } } }
      milestones { id name startDate dueDate metDate progress weight }
      secretaryAssignments { id active teamRole startDate endDate secretary { id name title workUnit } }
    }
  }
`);
export const PROBLEMS = graphql(`
  query ProjectProblems($id: ID!) {
    problems(filter: { projectId: $id }, first: 50) { totalCount nodes { id title status level deadline overdue raisedDate } }
  }
`);
export const PLAN_VERSIONS = graphql(`
  query ProjectPlanVersions($id: ID!, $year: Int!) {
    project(id: $id) {
      id
      planVersions(year: $year) { id version status reason requestedBy requestedAt decidedBy decidedAt months { period plannedInvestment } }
      reports { period actualInvestment }
    }
  }
`);
export const APPROVE_BASELINE = graphql(`
  mutation ApprovePlanBaseline($projectId: ID!, $year: Int!) { approvePlanBaseline(projectId: $projectId, year: $year) { id version status } }
`);
export const DECIDE = graphql(`
  mutation DecideLibraryRemoval($projectId: ID!, $period: Period!, $confirm: Boolean!, $reason: String!) {
    decideLibraryRemoval(projectId: $projectId, period: $period, confirm: $confirm, reason: $reason) { id removal removalReason }
  }
`);

export type Detail = ProjectDetailQuery['project'];
export type Report = Detail['reports'][number];
export type Photo = Report['photos'][number];
export type HistoryLight = Detail['lights'][number];
export type Light = { period: string; color: LightColor; reason: string };
export type ProblemRow = ProjectProblemsQuery['problems']['nodes'][number];
