import { graphql } from '@/gql';

/** Discards the draft. */
export const deleteRegulationsDraftMutation = graphql(`
  mutation DeleteRegulationsDraft($input: RegulationsDocumentIdInput!) {
    deleteRegulationsDraft(input: $input) {
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
