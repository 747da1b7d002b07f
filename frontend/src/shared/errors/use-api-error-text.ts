import { useCallback } from 'react';
import { useMessages } from '../i18n';
import { describeApiError } from './api-error';
import { errorMessages } from './messages';

/**
 * A one-line text for a failed request, for a toast where {@link ErrorDisplay} does not fit:
 * the message of its code, plus the server's own message when that is meant for users.
 */
export function useApiErrorText(): (error: unknown) => string {
  const t = useMessages(errorMessages);
  return useCallback(
    (error: unknown) => {
      const info = describeApiError(error);
      return info.message ? `${t[info.code]}: ${info.message}` : t[info.code];
    },
    [t],
  );
}
