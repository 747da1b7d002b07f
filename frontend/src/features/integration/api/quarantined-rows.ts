import { graphql } from '@/gql';

/** Rows of the portal the sync refused, newest first. */
export const quarantinedRowsQuery = graphql(`
  query QuarantinedRows($first: Int) {
    quarantinedRows(first: $first) {
      entity
      rawId
      reason
      rawExcerpt
      firstSeenAt
      lastSeenAt
      occurrences
    }
  }
`);
