import { graphql } from '../gql';

export const SIGN_IN_STEP = graphql(`
  query SignInStep { signInStep }
`);

export const VERIFY_SIGN_IN_CODE = graphql(`
  mutation VerifySignInCode($code: String!) { verifySignInCode(code: $code) }
`);

export const BEGIN_TOTP = graphql(`
  mutation BeginTotpEnrolment { beginTotpEnrolment { secret otpauthUri account issuer } }
`);

export const CONFIRM_TOTP = graphql(`
  mutation ConfirmTotpEnrolment($code: String!) { confirmTotpEnrolment(code: $code) { recoveryCodes next } }
`);

export const CHANGE_PASSWORD_STEP = graphql(`
  mutation ChangePasswordStep($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);

export const MY_TWO_FACTOR = graphql(`
  query MyTwoFactor { myTwoFactor { enabled enabledAt required recoveryCodesLeft } }
`);

export const MY_SESSIONS = graphql(`
  query MySessions { mySessions { id userAgent createdIp lastIp createdAt lastUsedAt expiresAt current } }
`);

export const REVOKE_SESSION = graphql(`
  mutation RevokeSession($id: ID!) { revokeSession(id: $id) { id } }
`);
