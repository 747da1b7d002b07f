import { graphql } from '@/gql';

/** Creates (no id) or edits (id) one of the tenant's own sections, also its position. */
export const saveRegulationsSectionMutation = graphql(`
  mutation SaveRegulationsSection($input: RegulationsSectionInput!) {
    saveRegulationsSection(input: $input) {
      section {
        id
        position
        titleRu
        titleEn
        bodyRu
        bodyEn
        updatedAt
      }
      errors {
        field
        code
        message
      }
    }
  }
`);
