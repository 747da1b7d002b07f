import { graphql } from '@/gql';

export const currenciesQuery = graphql(`
  query Currencies {
    currencies {
      code
      numericCode
      minorUnits
      symbol
      nameRu
      nameEn
      sampleAmount
    }
  }
`);
