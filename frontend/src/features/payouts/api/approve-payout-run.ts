import { graphql } from '@/gql';

/** Approves a draft run (a tenant admin who did not prepare it). */
export const approvePayoutRunMutation = graphql(`
  mutation ApprovePayoutRun($input: PayoutRunIdInput!) {
    approvePayoutRun(input: $input) {
      run {
        ...PayoutRunFields
        statements {
          id
          runStatus
        }
      }
      errors {
        field
        code
        message
      }
    }
  }
`);
