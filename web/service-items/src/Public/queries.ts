import { graphql } from '../gql';
import type { PublicServiceGuideQuery } from '../gql/graphql';

export const GUIDES = graphql(`
  query PublicServiceGuides($search: String, $first: Int, $after: String) {
    publicServiceGuides(search: $search, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        department
        districtName
        highFrequency
        onlineDepth
        visits
        caseKind
        promisedLimitDays
      }
    }
  }
`);

export const GUIDE = graphql(`
  query PublicServiceGuide($itemId: ID!) {
    publicServiceGuide(itemId: $itemId) {
      id
      implementationCode
      name
      department
      districtName
      onlineDepth
      visits
      caseKind
      legalLimitDays
      promisedLimitDays
      legalBasis
      bundles {
        id
        name
      }
      zone {
        name
      }
      windows {
        number
      }
      guide {
        version
        conditions
        place
        hours
        contactPhone
        complaintPhone
        complaintChannel
        materialsToSubmit
        feeTotal
        updatedAt
        materials {
          name
          form
          copies
          source
          shared
          templateUrl
        }
        steps {
          title
          description
        }
        fees {
          name
          amount
          basis
        }
        pauses {
          name
          maxDays
        }
        faq {
          question
          answer
        }
      }
    }
  }
`);

export type Item = PublicServiceGuideQuery['publicServiceGuide'];
