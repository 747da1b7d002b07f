import { graphql } from '@/gql';

export const publishSchemeVersionMutation = graphql(`
  mutation PublishSchemeVersion($input: PublishSchemeVersionInput!) {
    publishSchemeVersion(input: $input) {
      version {
        id
        number
        status
        effectiveFrom
        publishedAt
      }
      errors {
        field
        code
        message
      }
    }
  }
`);
