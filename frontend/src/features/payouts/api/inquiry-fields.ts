import { graphql } from '@/gql';

/** An inquiry on a statement line with its whole thread (manager's question, admin's answers). */
export const inquiryFieldsFragment = graphql(`
  fragment InquiryFields on Inquiry {
    id
    statementId
    lineId
    lineName
    period {
      kind
      start
    }
    employee {
      id
      name
    }
    status
    correction
    messages {
      author
      side
      text
      at
    }
  }
`);
