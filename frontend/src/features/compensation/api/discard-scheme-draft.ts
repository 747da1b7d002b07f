import { graphql } from '@/gql';

export const discardSchemeDraftMutation = graphql(`
  mutation DiscardSchemeDraft($input: DiscardSchemeDraftInput!) {
    discardSchemeDraft(input: $input) {
      scheme {
        id
      }
      errors {
        field
        code
        message
      }
    }
  }
`);
