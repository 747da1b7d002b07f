import { graphql } from '@/gql';

/**
 * What a run's header shows — status, revision, who prepared and approved it, payment, totals,
 * whether the viewer may approve it now, its downloads — and what the run mutations answer, so an
 * approval or a payment redraws the page from the payload.
 */
export const payoutRunFieldsFragment = graphql(`
  fragment PayoutRunFields on PayoutRun {
    id
    period {
      kind
      start
    }
    status
    revision
    computedAt
    preparedBy
    preparedAt
    approvedBy
    approvedAt
    paidOn
    paymentReference
    canApprove
    employees
    baseTotal
    variableTotal
    adjustmentTotal
    total
    exports {
      kind
      label
      href
    }
  }
`);
