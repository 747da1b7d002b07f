import { graphql } from '@/gql';

export const assignSchemeMutation = graphql(`
  mutation AssignScheme($input: AssignSchemeInput!) {
    assignScheme(input: $input) {
      assignment {
        id
        validFrom
        validTo
        employee {
          id
          name
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
