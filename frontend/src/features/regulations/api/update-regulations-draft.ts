import { graphql } from '@/gql';

/** Sets the draft's effective date. */
export const updateRegulationsDraftMutation = graphql(`
  mutation UpdateRegulationsDraft($input: UpdateRegulationsDraftInput!) {
    updateRegulationsDraft(input: $input) {
      document {
        id
        number
        status
        effectiveFrom
      }
      errors {
        field
        code
        message
      }
    }
  }
`);
