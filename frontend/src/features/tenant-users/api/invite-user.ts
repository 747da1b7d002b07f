import { graphql } from '@/gql';

export const inviteUserMutation = graphql(`
  mutation InviteUser($input: InviteUserInput!) {
    inviteUser(input: $input) {
      tenantUser {
        id
        accessRole
        status
        invitedAt
        joinedAt
        user {
          id
          email
          displayName
        }
      }
      invitationLink
      errors {
        field
        code
        message
      }
    }
  }
`);
