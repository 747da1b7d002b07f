import { graphql } from '@/gql';

/** Who is signed in, where he works now and what he may do; null when nobody is signed in. */
export const viewerQuery = graphql(`
  query Viewer {
    viewer {
      user {
        id
        email
        displayName
      }
      consultancy {
        id
        name
      }
      tenants {
        id
        name
      }
      activeTenant {
        id
        name
        timeZone
        currencyCode
      }
      accessRole
      permissions
    }
  }
`);
