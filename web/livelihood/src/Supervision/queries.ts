/** 人大监督's operations: the advices of a year, a project's groups and inspections, and the forms that add to them. */
import { graphql } from '../gql';
import type { AdviceFieldsFragment, SupervisionAdvicesQuery, SupervisionProjectQuery } from '../gql/graphql';

export type Advice = AdviceFieldsFragment;
export type ListedAdvice = SupervisionAdvicesQuery['livelihoodSupervisionAdvices'][number];
export type SupervisedProject = NonNullable<SupervisionProjectQuery['livelihoodProject']>;
export type Group = SupervisedProject['supervisionGroups'][number];

/** An advice as its text and the answer form show it. */
export const ADVICE_FIELDS = graphql(`
  fragment AdviceFields on LivelihoodSupervisionAdvice { id content department issuedOn dueDate state answer answeredOn answeredBy }
`);
export const PROJECTS = graphql(`
  query SupervisionProjects($cityId: ID!, $year: Int!) {
    livelihoodBoard(cityId: $cityId, year: $year) { id name candidate { position } supervision { groups inspections advices overdue } }
  }
`);
export const ADVICES = graphql(`
  query SupervisionAdvices($areaId: ID!, $year: Int!, $overdueOnly: Boolean!) {
    livelihoodSupervisionAdvices(areaId: $areaId, year: $year, overdueOnly: $overdueOnly) {
      ...AdviceFields project { id name } inspection { group { name } }
    }
  }
`);
export const PROJECT = graphql(`
  query SupervisionProject($id: ID!) {
    livelihoodProject(id: $id) {
      id name leadDepartment
      session { id roster { id name delegation } }
      supervisionGroups {
        id name isMember members { id name delegation leader }
        inspections {
          id inspectedOn place findings
          photos { file { id url thumbnailUrl name } flags }
          advices { ...AdviceFields }
        }
      }
    }
  }
`);
export const FORM_GROUP = graphql(`
  mutation FormSupervisionGroup($projectId: ID!, $input: SupervisionGroupInput!) { formLivelihoodSupervisionGroup(projectId: $projectId, input: $input) { id } }
`);
export const RECORD = graphql(`
  mutation RecordInspection($groupId: ID!, $input: InspectionInput!) { recordLivelihoodInspection(groupId: $groupId, input: $input) { id } }
`);
export const ANSWER = graphql(`
  mutation AnswerAdvice($id: ID!, $input: AdviceAnswerInput!) { answerLivelihoodSupervisionAdvice(id: $id, input: $input) { id state } }
`);
