import { describe, expect, it } from 'vitest';
import type { SyncPhase } from '@/gql/graphql';
import {
  isSyncActive,
  lastFinishedAt,
  looksLikeUrl,
  pipelineIdsFor,
  POLL_ACTIVE_MS,
  POLL_IDLE_MS,
  pollIntervalFor,
  syncOutcome,
} from './sync-state';

const entity = (phase: SyncPhase, finishedAt: string | null = null) =>
  ({ phase, finishedAt }) as Parameters<typeof syncOutcome>[0]['entities'][number];

describe('sync state', () => {
  it('is active while a pass runs or an entity waits for or is in one', () => {
    expect(isSyncActive({ running: 'FULL', entities: [entity('DONE')] })).toBe(true);
    expect(isSyncActive({ running: null, entities: [entity('DONE'), entity('PENDING')] })).toBe(
      true,
    );
    expect(isSyncActive({ running: null, entities: [entity('RUNNING')] })).toBe(true);
    expect(isSyncActive({ running: null, entities: [entity('DONE'), entity('FAILED')] })).toBe(
      false,
    );
  });

  it('polls every second while active and every 10 s otherwise', () => {
    expect(pollIntervalFor({ running: 'INCREMENTAL', entities: [] })).toBe(POLL_ACTIVE_MS);
    expect(pollIntervalFor({ running: null, entities: [entity('DONE')] })).toBe(POLL_IDLE_MS);
    expect(pollIntervalFor(undefined)).toBe(POLL_IDLE_MS);
    expect(POLL_ACTIVE_MS).toBe(1_000);
    expect(POLL_IDLE_MS).toBe(10_000);
  });

  it('tells a finished pass from a failed one and from none at all', () => {
    expect(syncOutcome({ running: 'FULL', entities: [] })).toBe('running');
    expect(syncOutcome({ running: null, entities: [] })).toBe('never');
    expect(syncOutcome({ running: null, entities: [entity('DONE'), entity('DONE')] })).toBe('done');
    expect(syncOutcome({ running: null, entities: [entity('DONE'), entity('FAILED')] })).toBe(
      'failed',
    );
  });

  it('finds when the last pass ended, comparing instants rather than text', () => {
    expect(
      lastFinishedAt({
        running: null,
        entities: [
          entity('DONE', '2026-11-27T12:00:00+03:00'), // 09:00Z
          entity('DONE', '2026-11-27T09:30:00Z'),
          entity('PENDING'),
        ],
      }),
    ).toBe('2026-11-27T09:30:00Z');
    expect(lastFinishedAt({ running: null, entities: [] })).toBeUndefined();
  });
});

describe('pipelineIdsFor', () => {
  const all = [{ id: 0 }, { id: 4 }, { id: 7 }];

  it('sends every pipeline ticked as "all" (the empty list)', () => {
    expect(pipelineIdsFor(all, [7, 0, 4])).toEqual([]);
  });

  it('sends a subset in the portal order', () => {
    expect(pipelineIdsFor(all, [7, 0])).toEqual([0, 7]);
  });

  it('ignores ids the portal does not have', () => {
    expect(pipelineIdsFor(all, [4, 99])).toEqual([4]);
  });
});

describe('looksLikeUrl', () => {
  it('accepts http(s) addresses, a sandbox on a port included', () => {
    expect(looksLikeUrl('https://acme.bitrix24.ru/rest/1/8g9l071eismy9q2l/')).toBe(true);
    expect(looksLikeUrl('  http://127.0.0.1:18090/rest/1/abc/ ')).toBe(true);
  });

  it('refuses what is not one', () => {
    expect(looksLikeUrl('acme.bitrix24.ru/rest/1/abc')).toBe(false);
    expect(looksLikeUrl('ftp://acme.bitrix24.ru/')).toBe(false);
    expect(looksLikeUrl('не адрес')).toBe(false);
  });
});
