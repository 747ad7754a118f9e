/** A congress session's operations: its detail, settings, roster import and the vote's opening, closing and conclusion. */
import { graphql } from '../gql';
import type { VoteSessionDetailQuery } from '../gql/graphql';

export type DetailSession = NonNullable<VoteSessionDetailQuery['voteSession']>;
export type RosterRow = NonNullable<DetailSession['roster']>[number];

export const DETAIL = graphql(`
  query VoteSessionDetail($id: ID!) {
    voteSession(id: $id) {
      id name meetingDate seats status version opensAt closesAt supportOpensAt supportClosesAt fingerprint currentRound
      rosterSize checkedIn quorumShortfall
      area { id name } city { id name } level manageable
      candidates { id name description position leadDepartment targetQuantity unit estimatedCost proposalIds adopted supportCount reserveItem { id votes rosterSize reason fromSession { id name } history { id votes rosterSize reason fromSession { name } } } }
      roster { id userId name delegation scrutineer checkedInAt }
      me { onRoster scrutineer shareKey }
      round { id number status seats fingerprint canonical openedAt candidates { id name position } paper { issued returned notReturned valid } paperBatches { id sheets issuedBy confirmedBy mine delegates }
        awaitingShares sharesNeeded countingShares { number holder submitted mine } myCountingShare { number sealed keyTag submitted } }
    }
  }
`);
export const UPDATE = graphql(`
  mutation UpdateVoteSession($id: ID!, $input: VoteSessionInput!, $version: Int) { updateVoteSession(id: $id, input: $input, version: $version) { id version } }
`);
export const IMPORT = graphql(`
  mutation ImportVoteRoster($sessionId: ID!, $fileId: ID!, $dryRun: Boolean!) { importVoteRoster(sessionId: $sessionId, fileId: $fileId, dryRun: $dryRun) { dryRun committed totalRows validRows created updated problems { row column header reason } } }
`);
export const OPEN = graphql(`
  mutation OpenVote($sessionId: ID!) { openVote(sessionId: $sessionId) { id status fingerprint } }
`);
export const CLOSE = graphql(`
  mutation EndCasting($sessionId: ID!) { closeVote(sessionId: $sessionId) { id status } }
`);
export const CONCLUDE = graphql(`
  mutation ConcludeVote($sessionId: ID!) { concludeVote(sessionId: $sessionId) { id status } }
`);
