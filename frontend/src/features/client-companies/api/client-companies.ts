import { graphql } from '@/gql';

/** The viewer's client companies: all of the consultancy for its owner, assigned ones otherwise. */
export const clientCompaniesQuery = graphql(`
  query ClientCompanies {
    clientCompanies {
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
  }
`);
