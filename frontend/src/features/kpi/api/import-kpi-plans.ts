import { graphql } from '@/gql';

/** Imports a period's plans from an XLSX workbook (base64), all or nothing; errors name sheet cells. */
export const importKpiPlansMutation = graphql(`
  mutation ImportKpiPlans($input: ImportKpiPlansInput!) {
    importKpiPlans(input: $input) {
      imported
      errors {
        field
        code
        message
      }
    }
  }
`);
