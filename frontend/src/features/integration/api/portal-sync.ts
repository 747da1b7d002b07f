import { graphql } from '@/gql';

/**
 * What the progress view polls: the connection's status and sync progress only. The answer lands
 * in the same cached connection the page reads, so the page follows it.
 */
export const portalSyncQuery = graphql(`
  query PortalSync {
    portalConnection {
      status
      lastError
      sync {
        ...SyncStatusFields
      }
    }
  }
`);
