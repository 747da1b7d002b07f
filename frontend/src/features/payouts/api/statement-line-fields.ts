import { graphql } from '@/gql';

/**
 * A line of a statement or of the live estimate with all that explains it: the steps, the deals
 * behind its KPI value (with links to the portal) and, for an adjustment, the reason.
 */
export const statementLineFieldsFragment = graphql(`
  fragment StatementLineFields on StatementLine {
    id
    kind
    componentKey
    name
    period {
      kind
      start
    }
    amount
    paid
    explanation
    deals {
      id
      title
      amount
      wonOn
      url
      change
    }
    reason
  }
`);
