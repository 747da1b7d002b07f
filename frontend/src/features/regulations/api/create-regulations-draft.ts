import { graphql } from '@/gql';

/** Creates the draft of the next version (by default effective on the first day of next month). */
export const createRegulationsDraftMutation = graphql(`
  mutation CreateRegulationsDraft($input: CreateRegulationsDraftInput!) {
    createRegulationsDraft(input: $input) {
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
