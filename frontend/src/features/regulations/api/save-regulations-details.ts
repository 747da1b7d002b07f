import { graphql } from '@/gql';

/** Saves the company details printed on the title page; errors name the field they concern. */
export const saveRegulationsDetailsMutation = graphql(`
  mutation SaveRegulationsDetails($input: RegulationsDetailsInput!) {
    saveRegulationsDetails(input: $input) {
      details {
        companyName
        inn
        orderNumber
        orderDate
        city
        approverTitle
        approverName
      }
      errors {
        field
        code
        message
      }
    }
  }
`);
