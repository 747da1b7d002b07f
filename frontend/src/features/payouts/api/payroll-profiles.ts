import { graphql } from '@/gql';

/** Every employee of the tenant with his personnel number and organisation (the 1C:ZUP export). */
export const payrollProfilesQuery = graphql(`
  query PayrollProfiles {
    payrollProfiles {
      employee {
        id
        name
        department
        active
      }
      personnelNumber
      organisation
    }
  }
`);
