import type { SyncStatusFieldsFragment } from '@/gql/graphql';

type SyncStatus = Pick<SyncStatusFieldsFragment, 'running' | 'entities'>;

/** How often the progress view asks for news: every second while a pass runs, else every 10 s. */
export const POLL_ACTIVE_MS = 1_000;
export const POLL_IDLE_MS = 10_000;

/** A pass is running, or an entity waits for or is in one. */
export function isSyncActive(sync: SyncStatus): boolean {
  return (
    sync.running !== null ||
    sync.entities.some((e) => e.phase === 'RUNNING' || e.phase === 'PENDING')
  );
}

export function pollIntervalFor(sync: SyncStatus | undefined): number {
  return sync && isSyncActive(sync) ? POLL_ACTIVE_MS : POLL_IDLE_MS;
}

/**
 * Where the last pass stands: `running` (or waiting), `done`, `failed` (finished, some entity
 * failed), or `never` (nothing has been synced yet).
 */
export type SyncOutcome = 'running' | 'done' | 'failed' | 'never';

export function syncOutcome(sync: SyncStatus): SyncOutcome {
  if (isSyncActive(sync)) {
    return 'running';
  }
  if (sync.entities.length === 0) {
    return 'never';
  }
  return sync.entities.some((e) => e.phase === 'FAILED') ? 'failed' : 'done';
}

/** When the last pass ended: the latest `finishedAt` of its entities (compared as instants, not text). */
export function lastFinishedAt(sync: SyncStatus): string | undefined {
  let latest: string | undefined;
  for (const { finishedAt: at } of sync.entities) {
    if (at && (!latest || Date.parse(at) > Date.parse(latest))) {
      latest = at;
    }
  }
  return latest;
}

/**
 * The `pipelineIds` to send for the pipelines ticked: every pipeline ticked is sent as the empty
 * list, which the server reads as "all", so pipelines created later are synced too.
 */
export function pipelineIdsFor(
  all: readonly { id: number }[],
  ticked: readonly number[],
): number[] {
  const chosen = new Set(ticked);
  return all.every((p) => chosen.has(p.id))
    ? []
    : all.map((p) => p.id).filter((id) => chosen.has(id));
}

/** A URL of an incoming webhook looks like http(s)://host/…; the server checks the rest. */
export function looksLikeUrl(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}
