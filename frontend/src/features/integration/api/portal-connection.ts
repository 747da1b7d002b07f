import { graphql } from '@/gql';

/** The active tenant's Bitrix24 connection; null when it has none. */
export const portalConnectionQuery = graphql(`
  query PortalConnection {
    portalConnection {
      ...PortalConnectionFields
    }
  }
`);
