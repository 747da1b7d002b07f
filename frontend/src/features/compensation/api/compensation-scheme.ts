import { graphql } from '@/gql';

/** One scheme with everything its page shows: versions with their changes, assignments, proposals. */
export const compensationSchemeQuery = graphql(`
  query CompensationScheme($id: ID!) {
    compensationScheme(id: $id) {
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
        createdAt
        definition {
          ...SchemeDefinitionFields
        }
      }
      versions {
        id
        number
        status
        effectiveFrom
        createdAt
        publishedAt
        definition {
          ...SchemeDefinitionFields
        }
        changes {
          ...SchemeChangeFields
        }
      }
      assignments {
        id
        validFrom
        validTo
        employee {
          id
          name
          department
          active
        }
      }
      proposals {
        id
        templateName
        libraryVersion
        status
        note
        proposedAt
        decidedAt
        comment
        changes {
          ...SchemeChangeFields
        }
      }
    }
  }
`);
