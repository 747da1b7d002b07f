import { graphql } from '@/gql';

/** What a KPI card shows: the employee, the period, every value with its plan and the previous period's. */
export const kpiCardFieldsFragment = graphql(`
  fragment KpiCardFields on EmployeeKpiCard {
    employee {
      id
      name
      position
    }
    period {
      kind
      start
      end
      closed
    }
    currency
    values {
      kpi {
        code
      }
      value
      undefinedReason
      facts
      errors
      plan
      attainment
    }
    previous {
      kpi {
        code
      }
      value
      undefinedReason
    }
  }
`);
