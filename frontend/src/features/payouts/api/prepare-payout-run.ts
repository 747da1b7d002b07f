import { graphql } from '@/gql';

/** Prepares (or recomputes) the draft run of a closed month; the caller becomes its preparer. */
export const preparePayoutRunMutation = graphql(`
  mutation PreparePayoutRun($input: PreparePayoutRunInput!) {
    preparePayoutRun(input: $input) {
      run {
        ...PayoutRunFields
      }
      errors {
        field
        code
        message
      }
    }
  }
`);
