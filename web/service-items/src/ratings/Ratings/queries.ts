import { graphql } from '../../gql';
import type { ServiceRatingFiguresQuery, RectificationFieldsFragment } from '../../gql/graphql';

export const DISTRICTS = graphql(`
  query RatingDistricts {
    districts {
      id
      name
    }
  }
`);
export const FIGURES = graphql(`
  query ServiceRatingFigures($filter: ServiceRatingFilter, $groupBy: ServiceRatingGrouping!) {
    serviceRatingFigures(filter: $filter, groupBy: $groupBy) {
      department
      rated
      distribution
      bad
      minSample
      sampleTooSmall
      averageScore
      satisfiedShare {
        percent
      }
      rectifications
      rectificationRate {
        numerator
        denominator
        percent
      }
      rectifiedOnTime {
        percent
      }
      overdue
      medianRectificationDays
      district {
        id
        name
      }
      window {
        id
        number
        name
      }
    }
  }
`);
graphql(`
  fragment RectificationFields on ServiceRectification {
    id
    status
    nextStep
    owner
    department
    openedOn
    deadline
    rectifiedOn
    closedOn
    founded
    overdue
    version
    item {
      name
    }
    window {
      number
    }
    district {
      name
    }
    rating {
      score
      reasonList
      comment
      case {
        caseNo
      }
    }
    steps {
      id
      step
      onDate
      note
      founded
      satisfied
      actor
    }
  }
`);
export const RECTIFICATIONS = graphql(`
  query ServiceRectifications($filter: ServiceRectificationFilter, $after: String) {
    serviceRectifications(filter: $filter, first: 20, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...RectificationFields
      }
    }
  }
`);
export const DETAIL = graphql(`
  query ServiceRectificationDetail($id: ID!) {
    serviceRectification(id: $id) {
      ...RectificationFields
    }
  }
`);
export const RECORD = graphql(`
  mutation RecordRectificationStep($id: ID!, $expectedVersion: Int!, $input: RectificationStepInput!) {
    recordRectificationStep(id: $id, expectedVersion: $expectedVersion, input: $input) {
      id
      status
      nextStep
      version
      rectifiedOn
      overdue
    }
  }
`);

export type FigureRow = ServiceRatingFiguresQuery['serviceRatingFigures'][number];
export type Rectification = RectificationFieldsFragment;
