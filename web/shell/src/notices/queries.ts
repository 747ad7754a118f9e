import { graphql } from '../gql';

export const UNREAD_COUNT = graphql(`
  query UnreadNoticeCount { unreadNoticeCount }
`);

export const MY_NOTICES = graphql(`
  query MyNotices($first: Int, $after: String, $unreadOnly: Boolean) {
    myNotices(first: $first, after: $after, unreadOnly: $unreadOnly) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id kind title body recordType recordId link createdAt readAt }
    }
  }
`);

export const MARK_READ = graphql(`
  mutation MarkNoticesRead($ids: [ID!]) { markNoticesRead(ids: $ids) }
`);

export const MY_PREFERENCES = graphql(`
  query MyNoticePreferences { myNoticePreferences { kind label inbox outbound } }
`);

export const SET_PREFERENCES = graphql(`
  mutation SetNoticePreferences($input: [NoticePreferenceInput!]!) { setNoticePreferences(input: $input) { kind label inbox outbound } }
`);

export const CHANNELS = graphql(`
  query NoticeChannels { noticeChannels { id kind name url enabled maxAttempts hasSecret createdBy createdAt counts { pending sent dead } } }
`);

export const SAVE_CHANNEL = graphql(`
  mutation SaveNoticeChannel($input: NoticeChannelInput!) { saveNoticeChannel(input: $input) { id kind name url enabled maxAttempts hasSecret } }
`);

export const DELIVERIES = graphql(`
  query NoticeDeliveries($first: Int, $after: String, $channelId: ID, $status: DeliveryStatus) {
    noticeDeliveries(first: $first, after: $after, channelId: $channelId, status: $status) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        id status attempts nextAttemptAt lastError deliveredAt createdAt channelName
        notice { id kind title recipient }
        attemptLog { id attempt at httpStatus ok error durationMs }
      }
    }
  }
`);

export const RETRY_DELIVERY = graphql(`
  mutation RetryNoticeDelivery($id: ID!) { retryNoticeDelivery(id: $id) { id status attempts } }
`);

export const RESPONSIBLE_UNITS = graphql(`
  query ResponsibleUnits($areaId: ID!) { responsibleUnits(areaId: $areaId) { id name contactName phone enabled createdBy updatedAt area { id name } } }
`);

export const SAVE_RESPONSIBLE_UNIT = graphql(`
  mutation SaveResponsibleUnit($input: ResponsibleUnitInput!) { saveResponsibleUnit(input: $input) { id name contactName phone enabled area { id name } } }
`);
