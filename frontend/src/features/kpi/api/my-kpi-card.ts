import { graphql } from '@/gql';

/** The signed-in user's own KPI card; null when his membership is not linked to a Bitrix24 user. */
export const myKpiCardQuery = graphql(`
  query MyKpiCard($period: PeriodInput!) {
    myKpiCard(period: $period) {
      ...KpiCardFields
    }
  }
`);
