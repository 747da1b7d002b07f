import { graphql } from '@/gql';

/** Currencies a new client company may keep its amounts in. */
export const currencyOptionsQuery = graphql(`
  query CurrencyOptions {
    currencies {
      code
      nameRu
      nameEn
    }
  }
`);
