import { graphql } from '@/gql';

export const requestPasswordResetMutation = graphql(`
  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {
    requestPasswordReset(input: $input) {
      demoLink
      errors {
        field
        code
        message
      }
    }
  }
`);
