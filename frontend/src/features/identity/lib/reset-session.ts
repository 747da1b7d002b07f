import type { ApolloClient } from '@apollo/client';

/**
 * After the session changed (signed in, signed out, another tenant): drops every cached result, so
 * nothing of the previous user or tenant stays in memory, and refetches the queries on screen (the
 * viewer and the current page). A refetch that fails shows its error through its own hook, so the
 * reset itself never rejects.
 */
export async function resetSession(client: ApolloClient): Promise<void> {
  try {
    await client.resetStore();
  } catch {
    // e.g. the previous page's query is now FORBIDDEN; the page (or the guard) shows that.
  }
}
