import { graphql } from '@/gql';

/** The tenant's runs, the newest period first, with their totals (no statements). */
export const payoutRunsQuery = graphql(`
  query PayoutRuns {
    payoutRuns {
      id
      period {
        kind
        start
      }
      status
      revision
      employees
      baseTotal
      variableTotal
      adjustmentTotal
      total
    }
  }
`);
