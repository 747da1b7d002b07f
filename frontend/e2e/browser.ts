import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Where Premia runs; the backend serves the SPA and /graphql on one origin. */
export const BASE_URL = (process.env['PREMIA_BASE_URL'] ?? 'http://127.0.0.1:8080').replace(
  /\/+$/,
  '',
);

/** The machine's Chromium (Debian package); no browser is ever downloaded. */
const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Keeps Chromium off the network except for BASE_URL. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const SCREENSHOTS = resolve(import.meta.dirname, '../target/e2e');

let reachable: Promise<void> | undefined;

/** Fails (never skips) when Premia does not answer: a smoke test that cannot reach it has not passed. */
export function requirePremia(): Promise<void> {
  reachable ??= (async () => {
    try {
      const response = await fetch(`${BASE_URL}/`, {
        headers: { Accept: 'text/html' },
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) {
        throw new Error(`GET / answered ${response.status}`);
      }
    } catch (e) {
      throw new Error(
        `Premia is not reachable at ${BASE_URL} (set PREMIA_BASE_URL): ${(e as Error).message}`,
        { cause: e },
      );
    }
  })();
  return reachable;
}

let browser: Promise<Browser> | undefined;

/**
 * `chromium.launch` gives every run a fresh temporary profile (user-data dir) and removes it on
 * close; Playwright refuses a `--user-data-dir` argument here by design.
 */
function launch(): Promise<Browser> {
  browser ??= chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  return browser;
}

export async function closeBrowser(): Promise<void> {
  if (browser) {
    await (await browser).close();
    browser = undefined;
  }
}

export interface Session {
  page: Page;
  /** Uncaught exceptions in the page; a smoke test expects none. */
  pageErrors: Error[];
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

/** A new page in its own browser context: empty localStorage, so the UI starts in Russian. */
export async function openSession(): Promise<Session> {
  await requirePremia();
  const context = await (
    await launch()
  ).newContext({
    baseURL: BASE_URL,
    locale: 'ru-RU',
    viewport: { width: 1280, height: 800 },
  });
  const page = await context.newPage();
  const pageErrors: Error[] = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  return {
    page,
    pageErrors,
    async screenshot(name) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`), fullPage: true });
    },
    close: () => context.close(),
  };
}
