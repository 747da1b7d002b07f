import { graphql } from '@/gql';

/** The facts (deals, leads, activities, clients) behind one KPI value: the drill-down, paged. */
export const kpiFactsQuery = graphql(`
  query KpiFacts(
    $kpi: String!
    $subject: KpiSubjectInput!
    $period: PeriodInput!
    $first: Int
    $after: String
  ) {
    kpiFacts(kpi: $kpi, subject: $subject, period: $period, first: $first, after: $after) {
      edges {
        cursor
        node {
          kind
          sourceId
          title
          at
          amount
          currency
          amountInTenantCurrency
          note
          url
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
