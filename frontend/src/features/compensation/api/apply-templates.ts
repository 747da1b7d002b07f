import { graphql } from '@/gql';

export const applyTemplatesMutation = graphql(`
  mutation ApplyTemplates($input: ApplyTemplatesInput!) {
    applyTemplates(input: $input) {
      schemes {
        id
        name
      }
      errors {
        field
        code
        message
      }
    }
  }
`);
