import { graphql } from '@/gql';

/**
 * Everything the page shows of the tenant's portal connection. The page query and every mutation
 * payload select it, so a mutation's answer updates the page through the cache (the connection is
 * a singleton per session: see `createApolloCache`).
 */
export const portalConnectionFieldsFragment = graphql(`
  fragment PortalConnectionFields on PortalConnection {
    mode
    status
    domain
    memberId
    enterprise
    npsField
    pipelines {
      id
      name
      selected
    }
    connectedAt
    lastError
    sync {
      ...SyncStatusFields
    }
  }
`);
