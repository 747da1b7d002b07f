import { graphql } from '@/gql';

/**
 * One scheme with everything its page shows: the draft's definition, versions with their changes
 * (not their definitions: a list of definitions is over the API's complexity limit, ADR 0011 —
 * a version's definition is read on its own, schemeVersionQuery), assignments, proposals.
 */
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

/** One version with its definition (read-only views, the editor without a draft). */
export const schemeVersionQuery = graphql(`
  query SchemeVersionDefinition($id: ID!) {
    schemeVersion(id: $id) {
      id
      number
      status
      definition {
        ...SchemeDefinitionFields
      }
    }
  }
`);
