import { graphql } from '@/gql';

export const signOutMutation = graphql(`
  mutation SignOut {
    signOut {
      errors {
        field
        code
        message
      }
    }
  }
`);
