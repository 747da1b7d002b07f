import { graphql } from '@/gql';

/** One statement with its lines (explanations, deals, reasons), notes and inquiries. */
export const payoutStatementQuery = graphql(`
  query PayoutStatement($id: ID!) {
    statement(id: $id) {
      id
      runId
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
      basis
      baseSalary
      variablePay
      adjustments
      total
      previousTotal
      change
      lines {
        ...StatementLineFields
      }
      notes
      inquiries {
        ...InquiryFields
      }
      downloadHref
    }
  }
`);
