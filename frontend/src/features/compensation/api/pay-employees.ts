import { graphql } from '@/gql';

/**
 * Employees to assign, from the KPI API (the same ids as PayEmployee.id): one page of the month's
 * employees with a single cheap KPI, since only the names are needed (the API's page is at most
 * 100).
 */
export const payEmployeesQuery = graphql(`
  query PayEmployees($period: PeriodInput!) {
    employeeKpis(period: $period, kpis: ["deals_won"], first: 100) {
      edges {
        node {
          employee {
            id
            name
            firedOn
          }
        }
      }
    }
  }
`);
