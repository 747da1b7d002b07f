import { graphql } from '@/gql';

export const renameClientCompanyMutation = graphql(`
  mutation RenameClientCompany($input: RenameClientCompanyInput!) {
    renameClientCompany(input: $input) {
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
