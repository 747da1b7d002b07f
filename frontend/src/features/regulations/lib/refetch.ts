import type { DocumentNode } from 'graphql';

/** True when a mutation's answer has data and none of its payloads lists business errors. */
export function accepted(data: unknown): boolean {
  if (data === null || typeof data !== 'object') {
    return false;
  }
  return Object.values(data).every((payload: unknown) => {
    if (payload === null || typeof payload !== 'object' || !('errors' in payload)) {
      return true;
    }
    const errors = (payload as { errors: unknown }).errors;
    return !Array.isArray(errors) || errors.length === 0;
  });
}

/**
 * Mutation options that reload `queries` once the server has accepted the change (a refusal
 * changes nothing, so nothing is reloaded and the form keeps its errors).
 */
export function refetchWhenAccepted(...queries: DocumentNode[]) {
  return {
    refetchQueries: (result: { data?: unknown }) => (accepted(result.data) ? queries : []),
    awaitRefetchQueries: true,
  };
}
