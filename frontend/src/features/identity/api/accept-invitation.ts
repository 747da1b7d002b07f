import { graphql } from '@/gql';

export const acceptInvitationMutation = graphql(`
  mutation AcceptInvitation($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input) {
      viewer {
        user {
          id
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
