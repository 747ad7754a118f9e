import { graphql } from '../gql';
import type { DispatchMeetingQuery, ListFieldsFragment, MeetingFieldsFragment } from '../gql/graphql';

graphql(`
  fragment ListFields on DispatchListEntry { project { id code name stage district { name } } reasons labels }
`);
graphql(`
  fragment MeetingFields on DispatchMeeting { id period kind title heldOn location area { id name } host { id name } }
`);

export const DISPATCH_LIST = graphql(`
  query DispatchList($areaId: ID) { dispatchList(areaId: $areaId) { ...ListFields } }
`);
export const MEETINGS = graphql(`
  query DispatchMeetings($areaId: ID, $first: Int) {
    dispatchMeetings(areaId: $areaId, first: $first) { totalCount nodes { ...MeetingFields } }
  }
`);
export const MEETING = graphql(`
  query DispatchMeeting($id: ID!) {
    dispatchMeeting(id: $id) {
      ...MeetingFields version minutes createdBy createdAt packUrl packXlsxUrl
      attendees { name unit role }
      list { ...ListFields }
      decisions { ...ProblemFields }
    }
  }
`);
export const SUGGESTED_HOST = graphql(`
  query DispatchSuggestedHost($cityId: ID!, $period: Period!) {
    suggestedMeetingHost(cityId: $cityId, period: $period) { basedOn rank score published host { id name } tied { id name } }
  }
`);
export const CREATE = graphql(`
  mutation DispatchCreateMeeting($input: CreateMeetingInput!) { createDispatchMeeting(input: $input) { id } }
`);
export const RECORD = graphql(`
  mutation DispatchRecordMeeting($id: ID!, $input: RecordMeetingInput!) { recordDispatchMeeting(id: $id, input: $input) { id version } }
`);
export const DECISION = graphql(`
  mutation DispatchAddDecision($meetingId: ID!, $input: DecisionInput!) { addDispatchDecision(meetingId: $meetingId, input: $input) { id } }
`);

export type ListEntry = ListFieldsFragment;
export type MeetingRow = MeetingFieldsFragment;
export type MeetingDetail = DispatchMeetingQuery['dispatchMeeting'];
