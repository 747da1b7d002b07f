import { graphql } from '@/gql';

/**
 * The department overview of a period: department KPIs, each manager's values and attainment,
 * the funnel per stage and the activity totals. No department: the whole company.
 */
export const departmentKpisQuery = graphql(`
  query DepartmentKpis($departmentId: ID, $period: PeriodInput!) {
    departmentKpis(departmentId: $departmentId, period: $period) {
      department {
        id
        name
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
      managers {
        employee {
          id
          name
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
      funnel {
        pipelineId
        pipelineName
        stageId
        stageName
        sort
        entered
        converted
        conversion
      }
      activity {
        calls
        meetings
        emails
      }
    }
  }
`);
