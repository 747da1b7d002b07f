import { graphql } from '@/gql';

export const deactivateUserMutation = graphql(`
  mutation DeactivateUser($input: DeactivateUserInput!) {
    deactivateUser(input: $input) {
      tenantUser {
        id
        accessRole
        status
      }
      errors {
        field
        code
        message
      }
    }
  }
`);
