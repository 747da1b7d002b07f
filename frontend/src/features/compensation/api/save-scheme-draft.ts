import { graphql } from '@/gql';

export const saveSchemeDraftMutation = graphql(`
  mutation SaveSchemeDraft($input: SaveSchemeDraftInput!) {
    saveSchemeDraft(input: $input) {
      version {
        id
        number
        status
      }
      errors {
        field
        code
        message
      }
    }
  }
`);
