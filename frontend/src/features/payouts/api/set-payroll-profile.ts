import { graphql } from '@/gql';

/** Sets one employee's personnel number and organisation; errors name the field they concern. */
export const setPayrollProfileMutation = graphql(`
  mutation SetPayrollProfile($input: SetPayrollProfileInput!) {
    setPayrollProfile(input: $input) {
      profile {
        employee {
          id
          name
          department
          active
        }
        personnelNumber
        organisation
      }
      errors {
        field
        code
        message
      }
    }
  }
`);
