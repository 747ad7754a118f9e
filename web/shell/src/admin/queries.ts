import { graphql } from '../gql';

/**
 * The viewer's area and the areas under it: its children, and for a province the districts of each
 * city (a deeper nesting of `children` costs more than the API allows).
 */
export const AREA_TREE = graphql(`
  query AdminAreaTree {
    areas { id name level children { id name level } }
    districts { id name level parent { id } }
  }
`);

export const USERS = graphql(`
  query AdminUsers($first: Int, $after: String, $role: Role, $areaId: ID) {
    users(first: $first, after: $after, role: $role, areaId: $areaId) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id username displayName role active lockedUntil mustChangePassword totpEnabledAt createdAt area { id name } }
    }
  }
`);

export const CREATE_USER = graphql(`
  mutation AdminCreateUser($input: CreateUserInput!) {
    createUser(input: $input) { id username displayName role active lockedUntil createdAt area { id name } }
  }
`);

export const UPDATE_USER_ACCESS = graphql(`
  mutation AdminUpdateUserAccess($id: ID!, $active: Boolean, $unlock: Boolean) {
    updateUserAccess(id: $id, active: $active, unlock: $unlock) { id active lockedUntil }
  }
`);

export const RESET_USER_PASSWORD = graphql(`
  mutation AdminResetUserPassword($id: ID!, $password: String!) {
    resetUserPassword(id: $id, password: $password) { id mustChangePassword lockedUntil }
  }
`);

export const RESET_USER_TWO_FACTOR = graphql(`
  mutation AdminResetUserTwoFactor($id: ID!) {
    resetUserTwoFactor(id: $id) { id totpEnabledAt }
  }
`);

export const CHANGE_PASSWORD = graphql(`
  mutation ChangeMyPassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);

export const API_TOKENS = graphql(`
  query AdminApiTokens {
    apiTokens { id name scopes area { id name } createdBy { id displayName } lastIp createdAt expiresAt lastUsedAt revokedAt }
  }
`);

export const CREATE_API_TOKEN = graphql(`
  mutation AdminCreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      token
      apiToken { id name scopes createdAt expiresAt lastUsedAt revokedAt }
    }
  }
`);

export const REVOKE_API_TOKEN = graphql(`
  mutation AdminRevokeApiToken($id: ID!) {
    revokeApiToken(id: $id) { id revokedAt }
  }
`);

export const CITY_SETTINGS = graphql(`
  query AdminCitySettings($id: ID!) {
    area(id: $id) {
      id name level
      settings {
        cityId libraryThreshold lightRule lightTolerancePercent noContactDays reportDeadlineDay
        rankingWeights { milestoneRate investmentRate lights }
        city { id name }
      }
    }
  }
`);

export const UPDATE_CITY_SETTINGS = graphql(`
  mutation AdminUpdateCitySettings($cityId: ID!, $input: CitySettingsInput!) {
    updateCitySettings(cityId: $cityId, input: $input) {
      cityId libraryThreshold lightRule lightTolerancePercent noContactDays reportDeadlineDay
      rankingWeights { milestoneRate investmentRate lights }
      city { id name }
    }
  }
`);

export const RUN_MONTH_END = graphql(`
  mutation AdminRunMonthEnd($period: Period!) {
    runMonthEndLights(period: $period)
  }
`);
