import { graphql } from '../gql';

export const EDIT_DISTRICTS = graphql(`
  query ProjectEditDistricts {
    districts {
      id
      name
      settings {
        libraryThreshold
      }
    }
  }
`);

export const PROJECT_FOR_EDIT = graphql(`
  query ProjectForEdit($id: ID!) {
    project(id: $id) {
      id
      code
      name
      category
      stage
      nationalCode
      enterprise
      responsibleUnit
      responsibleLeader
      totalInvestment
      constructionStart
      constructionEnd
      keyPush
      majorGovernmentInvestment
      version
      district {
        id
        name
        settings {
          libraryThreshold
        }
      }
    }
  }
`);

export const CREATE_PROJECT = graphql(`
  mutation CreateProject($input: CreateProjectInput!) {
    createProject(input: $input) {
      id
      name
    }
  }
`);

export const UPDATE_PROJECT = graphql(`
  mutation UpdateProject($id: ID!, $input: UpdateProjectInput!) {
    updateProject(id: $id, input: $input) {
      id
      name
      version
    }
  }
`);

export const PLAN_FOR_EDIT = graphql(`
  query PlanForEdit($id: ID!, $year: Int) {
    project(id: $id) {
      id
      totalInvestment
      constructionStart
      constructionEnd
      planYears {
        year
        plannedInvestment
        plannedProgress
      }
      planMonths(year: $year) {
        period
        plannedInvestment
        plannedMilestone
      }
    }
  }
`);

export const SAVE_PLAN_TABLE = graphql(`
  mutation SavePlanTable($projectId: ID!, $input: PlanTableInput!) {
    savePlanTable(projectId: $projectId, input: $input) {
      id
    }
  }
`);
