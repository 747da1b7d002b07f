import { graphql } from '@/gql';

export const signInMutation = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
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
