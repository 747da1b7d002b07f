import { graphql } from '@/gql';

/** The schemes list: what is in force, drafts, who is on it, where it came from, open proposals. */
export const compensationSchemesQuery = graphql(`
  query CompensationSchemes {
    compensationSchemes {
      id
      name
      salesRole
      source {
        templateCode
        templateName
        libraryVersion
      }
      current {
        id
        number
        effectiveFrom
      }
      draft {
        id
        number
      }
      assignments {
        id
      }
      proposals {
        id
        status
      }
    }
  }
`);
