import { graphql } from '@/gql';

/** The signed-in employee acknowledges («Ознакомлен») a published version in his scope. */
export const acknowledgeRegulationsMutation = graphql(`
  mutation AcknowledgeRegulations($input: RegulationsDocumentIdInput!) {
    acknowledgeRegulations(input: $input) {
      document {
        id
        number
      }
      acknowledgedAt
      errors {
        field
        code
        message
      }
    }
  }
`);
