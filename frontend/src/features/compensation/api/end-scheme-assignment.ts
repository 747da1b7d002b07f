import { graphql } from '@/gql';

export const endSchemeAssignmentMutation = graphql(`
  mutation EndSchemeAssignment($input: EndSchemeAssignmentInput!) {
    endSchemeAssignment(input: $input) {
      assignment {
        id
        validTo
      }
      errors {
        field
        code
        message
      }
    }
  }
`);
