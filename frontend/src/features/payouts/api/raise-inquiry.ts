import { graphql } from '@/gql';

/** A manager's question about a line of his statement. */
export const raiseInquiryMutation = graphql(`
  mutation RaiseInquiry($input: RaiseInquiryInput!) {
    raiseInquiry(input: $input) {
      inquiry {
        ...InquiryFields
      }
      errors {
        field
        code
        message
      }
    }
  }
`);
