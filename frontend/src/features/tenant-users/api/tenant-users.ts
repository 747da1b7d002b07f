import { graphql } from '@/gql';

/** Users of the active tenant, a page at a time (the tenant comes from the session). */
export const tenantUsersQuery = graphql(`
  query TenantUsers($first: Int, $after: String) {
    tenantUsers(first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          accessRole
          status
          invitedAt
          joinedAt
          user {
            id
            email
            displayName
          }
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
