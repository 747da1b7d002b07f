import { graphql } from '@/gql';

/** A KPI over the `count` periods of a kind ending with the one starting at `to`, with its plan. */
export const kpiSeriesQuery = graphql(`
  query KpiSeries(
    $kpi: String!
    $subject: KpiSubjectInput!
    $periodKind: PeriodKind!
    $to: Date!
    $count: Int
  ) {
    kpiSeries(kpi: $kpi, subject: $subject, periodKind: $periodKind, to: $to, count: $count) {
      period {
        kind
        start
      }
      value
      plan
      attainment
    }
  }
`);
