import { graphql } from '@/gql';

/** Employees with their KPI values in a period (a department's, with sub-departments), paged. */
export const employeeKpisQuery = graphql(`
  query EmployeeKpis(
    $period: PeriodInput!
    $departmentId: ID
    $kpis: [String!]
    $first: Int
    $after: String
  ) {
    employeeKpis(
      period: $period
      departmentId: $departmentId
      kpis: $kpis
      first: $first
      after: $after
    ) {
      edges {
        cursor
        node {
          employee {
            id
            name
            position
          }
          values {
            kpi {
              code
            }
            value
            undefinedReason
            plan
            attainment
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
`);
