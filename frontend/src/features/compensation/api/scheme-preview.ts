import { graphql } from '@/gql';

/** What the edited (unsaved) definition would pay in a closed month, beside the version in force. */
export const schemePreviewQuery = graphql(`
  query SchemePreview($input: SchemePreviewInput!) {
    schemePreview(input: $input) {
      preview {
        month {
          kind
          start
        }
        currentTotal
        editedTotal
        rows {
          delta
          employee {
            id
            name
            department
          }
          current {
            variablePay
          }
          edited {
            baseSalary
            variablePay
            total
            notes
            lines {
              componentKey
              componentName
              amount
              paid
              explanation
              period {
                kind
                start
              }
            }
          }
        }
        boundaries {
          componentKey
          componentName
          title
          measureValue
          outcome
          amount
        }
      }
      errors {
        field
        code
        message
      }
    }
  }
`);
