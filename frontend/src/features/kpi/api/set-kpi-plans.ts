import { graphql } from '@/gql';

/** Saves the grid's changed cells, all or nothing; errors name a cell by its index. */
export const setKpiPlansMutation = graphql(`
  mutation SetKpiPlans($input: SetKpiPlansInput!) {
    setKpiPlans(input: $input) {
      plans {
        ...KpiPlanFields
      }
      errors {
        field
        code
        message
      }
    }
  }
`);
