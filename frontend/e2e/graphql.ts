import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * GraphQL from a signed-in page, shared by the browser tests: what the SPA itself would send, with
 * the page's session cookie, so a test checks the server's own answers beside the DOM.
 */

/** Intl's spaces (U+00A0, U+202F) and any other white space as plain ones, trimmed. */
export const plain = (text: string | null | undefined) =>
  text?.replace(/[\s\u00a0\u202f]/gu, ' ').trim() ?? '';

export interface GraphQLAnswer<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** A GraphQL request from the page, with its session cookie. */
export async function gql<T>(
  page: Page,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLAnswer<T>> {
  return page.evaluate(
    async ({ query, variables }) => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLAnswer<T>;
    },
    { query, variables },
  );
}

/** The answer's data; throws when the server answered errors. */
export async function gqlData<T>(
  page: Page,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const answer = await gql<T>(page, query, variables);
  if (answer.errors?.length || !answer.data) {
    throw new Error(`GraphQL failed: ${JSON.stringify(answer.errors)}`);
  }
  return answer.data;
}

/**
 * Waits until the active tenant's first full sync is over (its schemes and assignments come with
 * it). Needs a user who sees the integration (not a manager).
 */
export async function waitForSync(page: Page, timeout: number) {
  await expect
    .poll(
      async () => {
        const { syncStatus } = await gqlData<{
          syncStatus: { running: string | null; percent: number };
        }>(page, '{ syncStatus { running percent } }');
        return syncStatus.running === null && syncStatus.percent === 100;
      },
      { timeout, interval: 2_000 },
    )
    .toBe(true);
}

/** The tenant's time zone of the signed-in user. */
export async function tenantTimeZone(page: Page): Promise<string> {
  const { viewer } = await gqlData<{ viewer: { activeTenant: { timeZone: string } } }>(
    page,
    '{ viewer { activeTenant { timeZone } } }',
  );
  return viewer.activeTenant.timeZone;
}
