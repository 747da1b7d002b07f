import { graphql } from '@/gql';

/** Removes one of the tenant's own sections (published versions keep their text). */
export const deleteRegulationsSectionMutation = graphql(`
  mutation DeleteRegulationsSection($input: RegulationsSectionIdInput!) {
    deleteRegulationsSection(input: $input) {
      section {
        id
      }
      errors {
        field
        code
        message
      }
    }
  }
`);
