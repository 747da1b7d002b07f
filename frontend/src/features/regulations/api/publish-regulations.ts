import { graphql } from '@/gql';

/** Publishes the draft with its effective date (not before today); from then on it never changes. */
export const publishRegulationsMutation = graphql(`
  mutation PublishRegulations($input: PublishRegulationsInput!) {
    publishRegulations(input: $input) {
      document {
        id
        number
        status
        effectiveFrom
        publishedAt
        publishedBy
      }
      errors {
        field
        code
        message
      }
    }
  }
`);
