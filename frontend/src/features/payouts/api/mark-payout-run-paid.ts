import { graphql } from '@/gql';

/** Marks an approved run paid, with the payment day and the payment reference. */
export const markPayoutRunPaidMutation = graphql(`
  mutation MarkPayoutRunPaid($input: MarkPayoutRunPaidInput!) {
    markPayoutRunPaid(input: $input) {
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
