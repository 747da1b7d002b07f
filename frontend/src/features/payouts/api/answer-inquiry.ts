import { graphql } from '@/gql';

/** A tenant admin's answer to an inquiry, optionally with a correction for the next open run. */
export const answerInquiryMutation = graphql(`
  mutation AnswerInquiry($input: AnswerInquiryInput!) {
    answerInquiry(input: $input) {
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
