import { graphql } from '@/gql';

/** A statement as a row of a run or of a manager's history (no lines). */
export const statementSummaryFieldsFragment = graphql(`
  fragment StatementSummaryFields on StatementSummary {
    id
    employee {
      id
      name
      department
    }
    personnelNumber
    period {
      kind
      start
    }
    runStatus
    baseSalary
    variablePay
    adjustments
    total
    previousTotal
    openInquiries
  }
`);
