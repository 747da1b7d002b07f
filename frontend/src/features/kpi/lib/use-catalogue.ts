import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import type { KpiCatalogueQuery } from '@/gql/graphql';
import { kpiCatalogueQuery } from '../api/kpi-catalogue';

export type KpiDefinition = KpiCatalogueQuery['kpis'][number];

/** The KPI catalogue by code (names, definitions, units), loaded once and cached. */
export function useKpiCatalogue() {
  const { data, error, refetch } = useQuery(kpiCatalogueQuery);
  const byCode = useMemo(
    () => new Map<string, KpiDefinition>((data?.kpis ?? []).map((k) => [k.code, k])),
    [data],
  );
  return { kpis: data?.kpis, byCode, error, refetch };
}
