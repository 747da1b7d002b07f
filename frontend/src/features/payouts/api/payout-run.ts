import { graphql } from '@/gql';

/** One run: its header, totals, downloads and a row per statement. */
export const payoutRunQuery = graphql(`
  query PayoutRun($id: ID!) {
    payoutRun(id: $id) {
      ...PayoutRunFields
      statements {
        ...StatementSummaryFields
      }
    }
  }
`);
