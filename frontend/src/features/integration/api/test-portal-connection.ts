import { graphql } from '@/gql';

/** Checks an incoming-webhook URL without saving anything. */
export const testPortalConnectionMutation = graphql(`
  mutation TestPortalConnection($input: TestPortalConnectionInput!) {
    testPortalConnection(input: $input) {
      probe {
        domain
        userName
        admin
        scopes
        missingScopes
        pipelines {
          id
          name
          selected
        }
        deals
      }
      errors {
        field
        code
        message
      }
    }
  }
`);
