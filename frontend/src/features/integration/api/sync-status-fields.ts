import { graphql } from '@/gql';

/** Sync progress as the progress view shows it: the whole pass and each entity. */
export const syncStatusFieldsFragment = graphql(`
  fragment SyncStatusFields on SyncStatus {
    running
    fetched
    total
    percent
    entities {
      entity
      phase
      mode
      fetched
      total
      percent
      quarantined
      deleted
      rowsPerSecond
      throttledMs
      etaSeconds
      startedAt
      updatedAt
      finishedAt
      lastError
    }
  }
`);
