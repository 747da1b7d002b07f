import { graphql } from '@/gql';

/** The signed-in manager's current-month estimate and his statements by period. */
export const myPayoutsQuery = graphql(`
  query MyPayouts {
    myPayouts {
      employee {
        id
        name
        department
      }
      estimate {
        period {
          kind
          start
        }
        measuredAt
        baseSalary
        variablePay
        total
        lines {
          ...StatementLineFields
        }
        nextThreshold {
          componentName
          measure
          current
          target
          percent
          description
        }
      }
      statements {
        ...StatementSummaryFields
      }
    }
  }
`);
