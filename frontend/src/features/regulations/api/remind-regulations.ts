import { graphql } from '@/gql';

/** Sends a Bitrix24 notification to every employee who has not yet acknowledged the version. */
export const remindRegulationsMutation = graphql(`
  mutation RemindRegulations($input: RegulationsDocumentIdInput!) {
    remindRegulations(input: $input) {
      pending
      notified
      errors {
        field
        code
        message
      }
    }
  }
`);
