import { graphql } from '../gql';
import type { ServiceBundlesQuery } from '../gql/graphql';

/** The bundles page's documents. */
export const BUNDLES = graphql(`
  query ServiceBundles {
    districts {
      id
      name
    }
    serviceBundles {
      id
      name
      description
      limitDays
      version
      district {
        id
        name
      }
      parts {
        name
        department
        stage
        promisedDays
        visits
        visitsReason
        materials {
          name
          shared
        }
      }
      items {
        stage
        hasGuide
        item {
          id
          name
          department
          promisedLimitDays
          caseKind
          visits
        }
      }
      figures {
        items
        departments
        stages
        oneByOneDays
        combinedDays
        daysSaved
        oneByOneMaterials
        bundleMaterials
        materialsSaved
        oneByOneVisits
        bundleVisits
        visitsSaved
        materialList
        limitDays
        withinLimit
      }
    }
  }
`);
export const ITEM_SEARCH = graphql(`
  query BundleItemSearch($filter: ServiceItemFilter) {
    serviceItems(filter: $filter, first: 20) {
      nodes {
        id
        name
        department
      }
    }
  }
`);
export const SAVE = graphql(`
  mutation SaveServiceBundle($districtId: ID!, $id: ID, $expectedVersion: Int, $input: ServiceBundleInput!) {
    saveServiceBundle(districtId: $districtId, id: $id, expectedVersion: $expectedVersion, input: $input) {
      id
      version
    }
  }
`);

export type Bundle = ServiceBundlesQuery['serviceBundles'][number];
