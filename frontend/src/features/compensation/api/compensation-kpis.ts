import { graphql } from '@/gql';

/** The KPI catalogue (from the KPI API) for the measure selects: names, definitions, units. */
export const compensationKpisQuery = graphql(`
  query CompensationKpis {
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
