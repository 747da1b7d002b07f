import { graphql } from '@/gql';

export const createSchemeMutation = graphql(`
  mutation CreateScheme($input: CreateSchemeInput!) {
    createScheme(input: $input) {
      scheme {
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
