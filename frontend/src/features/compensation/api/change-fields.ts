import { graphql } from '@/gql';

/** One readable change between two definitions (versions, proposals, library versions). */
export const schemeChangeFieldsFragment = graphql(`
  fragment SchemeChangeFields on SchemeChange {
    path
    text
    kind
  }
`);
