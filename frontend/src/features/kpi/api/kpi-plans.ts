import { graphql } from '@/gql';

/** The plans of a period with their actual values and attainment (the plan grid), paged. */
export const kpiPlansQuery = graphql(`
  query KpiPlans($period: PeriodInput!, $first: Int, $after: String) {
    kpiPlans(period: $period, first: $first, after: $after) {
      edges {
        cursor
        node {
          ...KpiPlanFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
`);
