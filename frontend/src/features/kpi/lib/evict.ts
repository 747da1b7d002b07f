import type { ApolloCache } from '@apollo/client';

/** Root fields whose answers carry plans or attainment: stale once a plan changes. */
const PLAN_DEPENDENT_FIELDS = [
  'kpiPlans',
  'departmentKpis',
  'employeeKpis',
  'employeeKpiCard',
  'myKpiCard',
  'kpiSeries',
];

/**
 * Drops every cached KPI answer that shows a plan or attainment, after plans were saved, copied or
 * imported: the page on screen refetches what it shows, and the dashboards fetch afresh when
 * opened next instead of showing the old attainment.
 */
export function evictKpiResults(cache: ApolloCache): void {
  for (const fieldName of PLAN_DEPENDENT_FIELDS) {
    cache.evict({ id: 'ROOT_QUERY', fieldName });
  }
  cache.gc();
}
