/** The documents of the admin's secretary forms: create, edit, assign to a project, end an assignment. */
import { graphql } from './gql';

export const CREATE_SECRETARY = graphql(`
  mutation CreateSecretary($input: CreateSecretaryInput!) {
    createSecretary(input: $input) { id name }
  }
`);

export const SECRETARY_FOR_EDIT = graphql(`
  query SecretaryForEdit($id: ID!) {
    secretary(id: $id) { id name workUnit title contact version district { id } }
  }
`);

export const UPDATE_SECRETARY = graphql(`
  mutation UpdateSecretary($id: ID!, $input: UpdateSecretaryInput!) {
    updateSecretary(id: $id, input: $input) { id name workUnit title contact version }
  }
`);

export const ASSIGN_SECRETARY = graphql(`
  mutation AssignSecretary($input: AssignSecretaryInput!) {
    assignSecretary(input: $input) { id teamRole startDate endDate active project { id name } }
  }
`);

export const END_ASSIGNMENT = graphql(`
  mutation EndSecretaryAssignment($id: ID!, $endDate: LocalDate!) {
    endSecretaryAssignment(id: $id, endDate: $endDate) { id endDate active }
  }
`);

export const PROJECT_CHOICES = graphql(`
  query SecretaryProjectChoices($filter: ProjectFilter) {
    projects(filter: $filter, first: 20) { nodes { id name code } }
  }
`);

export const FREE_ACCOUNTS = graphql(`
  query SecretaryFreeAccounts {
    users(role: SECRETARY, first: 100) { nodes { id username displayName active } }
  }
`);
