import { useQuery } from '@apollo/client/react';
import { viewerQuery } from '@/features/identity/api/viewer';
import type { ViewerQuery } from '@/gql/graphql';
import { describeApiError } from '@/shared/errors';

export type Viewer = NonNullable<ViewerQuery['viewer']>;

export type Session =
  | { status: 'loading' }
  | { status: 'error'; error: unknown; retry: () => void }
  | { status: 'ready'; viewer: Viewer | null };

/**
 * Who is signed in, from `viewer` (null: nobody). While the store is reset after signing in or out
 * or switching tenants, the previous answer stays on screen until the new one arrives, so the app
 * does not flash a spinner.
 */
export function useSession(): Session {
  const { data, previousData, error, refetch } = useQuery(viewerQuery);
  if (error && describeApiError(error).code === 'UNAUTHENTICATED') {
    return { status: 'ready', viewer: null };
  }
  const current = data ?? previousData;
  if (current) {
    return { status: 'ready', viewer: current.viewer ?? null };
  }
  if (error) {
    return { status: 'error', error, retry: () => void refetch().catch(() => {}) };
  }
  return { status: 'loading' };
}
