/** The delivery board's operations: the boards there are, a board's projects, and what admins and units report on them. */
import { graphql } from '../gql';
import type { LivelihoodBoardQuery } from '../gql/graphql';

export type BoardProject = LivelihoodBoardQuery['livelihoodBoard'][number];

export const CHOICES = graphql(`
  query BoardChoices { voteSessions { id meetingDate level area { id name } adopted { id } } }
`);
export const BOARD = graphql(`
  query LivelihoodBoard($cityId: ID!, $year: Int!) {
    livelihoodBoard(cityId: $cityId, year: $year) {
      id name year leadDepartment targetQuantity unit status completedOn
      candidate { id position }
      summary { done percent milestonesDone milestonesOverdue milestonesTotal }
      supervision { advices overdue }
      milestones { id name dueDate doneDate }
      progress { id period quantityDone note }
      proposals { id title source status reasonLabel }
    }
  }
`);
export const REPORT = graphql(`
  mutation ReportLivelihoodProgress($projectId: ID!, $period: Period!, $quantityDone: String!, $note: String!) {
    reportLivelihoodProgress(projectId: $projectId, period: $period, quantityDone: $quantityDone, note: $note) { id }
  }
`);
export const OBLIGATION = graphql(`
  mutation UpdateLivelihoodProject($id: ID!, $input: ObligationInput!) { updateLivelihoodProject(id: $id, input: $input) { id } }
`);
export const MILESTONES = graphql(`
  mutation SaveLivelihoodMilestones($projectId: ID!, $milestones: [LivelihoodMilestoneInput!]!) { saveLivelihoodMilestones(projectId: $projectId, milestones: $milestones) { id } }
`);
export const COMPLETE = graphql(`
  mutation CompleteLivelihoodProject($projectId: ID!, $completedOn: LocalDate!) { completeLivelihoodProject(projectId: $projectId, completedOn: $completedOn) { id status } }
`);
