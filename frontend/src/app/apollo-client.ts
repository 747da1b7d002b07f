import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';

/** One client for the app. The API is on the same origin as the SPA: POST /graphql. */
export function createApolloClient(uri = '/graphql'): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri }),
    cache: new InMemoryCache({
      typePolicies: {
        // Reference data is identified by its natural key, not an `id`.
        Currency: { keyFields: ['code'] },
        ServerInfo: { keyFields: [] },
      },
    }),
  });
}
