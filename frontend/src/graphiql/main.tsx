/**
 * GraphiQL for developers: a separate page (graphiql.html), never imported by the app. The backend
 * serves /graphiql.html only in the dev profile.
 */
import { StrictMode, type ComponentProps } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';

type Fetcher = ComponentProps<typeof GraphiQL>['fetcher'];

const fetcher: Fetcher = async (params) => {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Accept: 'application/graphql-response+json, application/json',
    },
    body: JSON.stringify(params),
    credentials: 'same-origin',
  });
  return response.json();
};

const DEFAULT_QUERY = `# Premia GraphQL API (dev profile only). Ctrl+Enter runs the query.
query ServerInfo {
  serverInfo {
    name
    version
    profile
    serverTime
    databaseVersion
    appliedMigrations
  }
}
`;

const root = document.getElementById('graphiql');
if (!root) {
  throw new Error('graphiql.html must contain <div id="graphiql">');
}
createRoot(root).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} defaultQuery={DEFAULT_QUERY} defaultEditorToolsVisibility />
  </StrictMode>,
);
