import { useEffect } from 'react';

/**
 * Calls `refetch` when the window gets the focus back (the user returns to the tab), so a number
 * that changes while he is elsewhere is current when he looks again. Errors are left to the query.
 */
export function useRefetchOnFocus(refetch: () => Promise<unknown>): void {
  useEffect(() => {
    const onFocus = () => void refetch().catch(() => {});
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [refetch]);
}
