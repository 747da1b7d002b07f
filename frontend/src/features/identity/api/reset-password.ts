import { graphql } from '@/gql';

export const resetPasswordMutation = graphql(`
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input) {
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
