import { graphql } from '@/gql';

export const createClientCompanyMutation = graphql(`
  mutation CreateClientCompany($input: CreateClientCompanyInput!) {
    createClientCompany(input: $input) {
      tenant {
        id
        name
        timeZone
        currencyCode
        createdAt
        consultants {
          id
          email
          displayName
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
