// The browser half of the what-if benchmark's portal mode (infra/bench-whatif.sh --portal
// --browser, docs/operations/whatif-benchmark.md): after the driver has synced the 200-manager
// sandbox portal into «Альфа» and put every sales manager on the kpi_bonus_deal_premiums scheme,
// this opens that scheme's what-if tab in headless Chromium as the demo consultant, starts a
// 12-month replay with the page's own button and records what the progress bar shows until DONE.
// Prints the progress texts in order, the time to DONE, and saves a screenshot. Loopback only.
import { chromium } from 'playwright-core';

const base = process.env.PREMIA_BASE_URL ?? 'http://127.0.0.1:18098';
const shot = process.env.WHATIF_SCREENSHOT ?? '/tmp/what-if-done.png';
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless=new', '--proxy-server=direct://', '--proxy-bypass-list=*'],
});
try {
  const page = await browser.newPage({ baseURL: base, viewport: { width: 1400, height: 1000 } });
  const gql = (query, variables = {}) =>
    page.evaluate(
      async ({ query, variables }) =>
        (
          await fetch('/graphql', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
            body: JSON.stringify({ query, variables }),
          })
        ).json(),
      { query, variables },
    );
  await page.goto('/login');
  await page.getByTestId('login-email').fill('consultant@integrator.demo');
  await page.getByTestId('login-password').fill('Premia-demo-2026');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-menu').waitFor();
  const viewer = await gql('{ viewer { tenants { id name } } }');
  const alfa = viewer.data.viewer.tenants.find((t) => t.name.includes('Альфа'));
  await gql('mutation($t: ID!) { switchTenant(tenantId: $t) { errors { message } } }', {
    t: alfa.id,
  });
  const schemes = await gql('{ compensationSchemes { id name assignments { id } } }');
  const scheme = schemes.data.compensationSchemes.reduce((a, b) =>
    b.assignments.length > a.assignments.length ? b : a,
  );
  console.log(`scheme «${scheme.name}»: ${scheme.assignments.length} employees assigned`);
  await page.goto(`/schemes/${encodeURIComponent(scheme.id)}?tab=whatif`);
  await page.getByTestId('what-if-start').waitFor();
  const started = Date.now();
  await page.getByTestId('what-if-start').click();
  const progress = page.getByTestId('what-if-progress');
  await progress.waitFor({ timeout: 30_000 });
  const seen = [];
  let status = '';
  while (status !== 'DONE' && status !== 'FAILED' && Date.now() - started < 300_000) {
    status = (await progress.getAttribute('data-status')) ?? '';
    const text = ((await page.getByTestId('what-if-progress-text').textContent()) ?? '')
      .replace(/\s+/gu, ' ')
      .trim();
    if (seen[seen.length - 1] !== text) {
      seen.push(text);
    }
    await page.waitForTimeout(100);
  }
  const elapsed = Date.now() - started;
  await page
    .getByTestId('what-if-total')
    .waitFor({ timeout: 10_000 })
    .catch(() => undefined);
  await page.screenshot({ path: shot, fullPage: true });
  console.log(`progress bar texts: ${seen.join(' → ')}`);
  console.log(`status ${status} after ${(elapsed / 1000).toFixed(2)} s (click to DONE)`);
  console.log(`screenshot: ${shot}`);
  process.exitCode = status === 'DONE' ? 0 : 1;
} finally {
  await browser.close();
}
