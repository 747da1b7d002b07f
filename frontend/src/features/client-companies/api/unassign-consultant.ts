import { graphql } from '@/gql';

export const unassignConsultantMutation = graphql(`
  mutation UnassignConsultant($input: ConsultantAssignmentInput!) {
    unassignConsultant(input: $input) {
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
