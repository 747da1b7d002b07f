import { graphql } from '@/gql';

/** The consultancy's consultants, to assign to client companies (owner only). */
export const consultantsQuery = graphql(`
  query Consultants {
    consultants {
      id
      email
      displayName
    }
  }
`);
