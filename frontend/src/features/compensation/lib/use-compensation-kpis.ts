import { useQuery } from '@apollo/client/react';
import { compensationKpisQuery } from '../api/compensation-kpis';

/** The KPI catalogue for the measure selects (cached once per session). */
export function useCompensationKpis() {
  const { data, error, refetch } = useQuery(compensationKpisQuery);
  return { kpis: data?.kpis, error, refetch };
}
