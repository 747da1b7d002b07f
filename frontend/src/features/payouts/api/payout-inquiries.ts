import { graphql } from '@/gql';

/** Inquiries: all of the tenant's for admins and accountants, his own for a manager. */
export const payoutInquiriesQuery = graphql(`
  query PayoutInquiries {
    inquiries {
      ...InquiryFields
    }
  }
`);
