import { graphql } from '@/gql';

/** Whether the signed-in employee still has a version to acknowledge (the app shell asks on login). */
export const myRegulationsNoticeQuery = graphql(`
  query MyRegulationsNotice {
    myRegulations {
      pending
      document {
        id
        number
      }
    }
  }
`);
