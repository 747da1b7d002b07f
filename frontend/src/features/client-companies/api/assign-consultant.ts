import { graphql } from '@/gql';

export const assignConsultantMutation = graphql(`
  mutation AssignConsultant($input: ConsultantAssignmentInput!) {
    assignConsultant(input: $input) {
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
