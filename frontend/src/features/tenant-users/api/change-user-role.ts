import { graphql } from '@/gql';

export const changeUserRoleMutation = graphql(`
  mutation ChangeUserRole($input: ChangeUserRoleInput!) {
    changeUserRole(input: $input) {
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
