import { graphql } from '@/gql';

/** One employee's KPI card; NOT_FOUND when he does not exist or is not the caller's to see. */
export const employeeKpiCardQuery = graphql(`
  query EmployeeKpiCard($employeeId: ID!, $period: PeriodInput!) {
    employeeKpiCard(employeeId: $employeeId, period: $period) {
      ...KpiCardFields
    }
  }
`);
