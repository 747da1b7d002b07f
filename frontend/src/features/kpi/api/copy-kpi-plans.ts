import { graphql } from '@/gql';

/** Copies every plan of `from` to the next period of the same kind; plans already set there stay. */
export const copyKpiPlansMutation = graphql(`
  mutation CopyKpiPlans($input: CopyKpiPlansInput!) {
    copyKpiPlans(input: $input) {
      to {
        kind
        start
      }
      copied
      skipped
      errors {
        field
        code
        message
      }
    }
  }
`);
