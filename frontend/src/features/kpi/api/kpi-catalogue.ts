import { graphql } from '@/gql';

/** The KPI catalogue: names, precise definitions (the tooltips), units, scopes, plannable or not. */
export const kpiCatalogueQuery = graphql(`
  query KpiCatalogue {
    kpis {
      code
      nameRu
      nameEn
      definitionRu
      definitionEn
      unit
      scope
      plannable
    }
  }
`);
