import { graphql } from '@/gql';

/** One plan cell: KPI, subject, target, actual and attainment. */
export const kpiPlanFieldsFragment = graphql(`
  fragment KpiPlanFields on KpiPlan {
    id
    kpi {
      code
    }
    subjectKind
    employee {
      id
      name
    }
    department {
      id
      name
    }
    target
    actual
    attainment
  }
`);
