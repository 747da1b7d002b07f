import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ErrorLink } from '@apollo/client/link/error';
import { relayStylePagination } from '@apollo/client/utilities';
import { viewerQuery } from '@/features/identity/api/viewer';

/** The normalised cache of the app (also used by the component tests). */
export function createApolloCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      // Reference data is identified by its natural key, not an `id`.
      Currency: { keyFields: ['code'] },
      ServerInfo: { keyFields: [] },
      // One Bitrix24 connection and one sync status per session (the tenant comes from the
      // session, and switching it resets the store): singletons, so a mutation's or a poll's
      // answer updates what the page shows.
      PortalConnection: { keyFields: [] },
      SyncStatus: { keyFields: [] },
      EntitySync: { keyFields: ['entity'] },
      // `selected` depends on where a pipeline is listed (a connection test, the connection).
      Pipeline: { keyFields: false },
      // The KPI catalogue is identified by the KPI's code.
      KpiDefinition: { keyFields: ['code'] },
      // A deal behind a statement line says what changed for *that* line (an adjustment's LOST,
      // nothing elsewhere): kept inside its line, not merged by the deal's id.
      StatementDeal: { keyFields: false },
      Query: {
        fields: {
          // "Load more" appends pages (first/after) to one list. The tenant is not an argument: it
          // comes from the session, and switching it resets the whole store.
          tenantUsers: relayStylePagination(),
          employeeKpis: relayStylePagination(['period', 'departmentId', 'kpis']),
          kpiFacts: relayStylePagination(['kpi', 'subject', 'period']),
          kpiPlans: relayStylePagination(['period']),
        },
      },
    },
  });
}

export interface ApolloClientOptions {
  uri?: string;
  /** The UI language ("ru", "en"), sent as Accept-Language so business errors come back in it. */
  language?: () => string;
}

function isUnauthenticated(error: unknown): boolean {
  return (
    CombinedGraphQLErrors.is(error) &&
    error.errors.some((e) => e.extensions?.['code'] === 'UNAUTHENTICATED')
  );
}

/**
 * One client for the app. The API is on the same origin as the SPA (POST /graphql); the session is
 * an HttpOnly cookie the browser sends because the request is same-origin (`credentials:
 * 'same-origin'`, stated here so nobody "fixes" it to 'omit').
 */
export function createApolloClient({
  uri = '/graphql',
  language,
}: ApolloClientOptions = {}): ApolloClient {
  // A request that finds the session gone (expired, signed out in another tab) asks the server
  // who the viewer is; when nobody is, the app shows the sign-in page with ?next= this page.
  let checkingSession = false;
  const sessionCheck = new ErrorLink(({ error, operation }) => {
    if (operation.operationName !== 'Viewer' && isUnauthenticated(error) && !checkingSession) {
      checkingSession = true;
      void Promise.resolve(client.refetchQueries({ include: [viewerQuery] }))
        .catch(() => {})
        .finally(() => {
          checkingSession = false;
        });
    }
  });

  const acceptLanguage = new ApolloLink((operation, forward) => {
    if (language) {
      operation.setContext(({ headers }: { headers?: Record<string, string> }) => ({
        headers: { ...headers, 'Accept-Language': language() },
      }));
    }
    return forward(operation);
  });

  const client: ApolloClient = new ApolloClient({
    link: ApolloLink.from([
      sessionCheck,
      acceptLanguage,
      new HttpLink({ uri, credentials: 'same-origin' }),
    ]),
    cache: createApolloCache(),
  });
  return client;
}
