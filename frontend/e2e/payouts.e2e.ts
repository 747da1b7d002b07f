import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { BASE_URL, closeBrowser, openSession, type Session } from './browser';
import { DEMO, signIn, switchTenant } from './demo';
import { gql, gqlData, plain, waitForSync } from './graphql';

/**
 * Acceptance 6 of issue #7, in Alfa with its sandbox portal synced at start (infra/test.sh): the
 * consultant prepares the run of the newest closed month in which manager 1 won deals (usually the
 * last closed month) and is refused when he tries to approve it (the page says why, and the server
 * refuses the call); Alfa's admin — the demo has one admin per company, so the consultant is the
 * preparer — approves it; the accountant marks it paid and downloads the 1C:ZUP file; manager 1
 * opens «Мои выплаты», opens his statement of that month, expands a line, sees the deals behind it
 * and raises an inquiry that then shows in its thread.
 *
 * What the page must show is read from the server's own answers (GraphQL from the signed-in
 * page), never written here.
 */

/** How long Alfa's first full sync (started with the server) may still take. */
const SYNC_TIMEOUT_MS = 180_000;
const SCENARIO_TIMEOUT_MS = SYNC_TIMEOUT_MS + 240_000;

// ---- months, independent of the app's code ----

function addMonths(month: string, steps: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + steps;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/** Today in the active tenant's time zone, "YYYY-MM-DD". */
async function tenantToday(page: Page): Promise<string> {
  const { viewer } = await gqlData<{ viewer: { activeTenant: { timeZone: string } } }>(
    page,
    '{ viewer { activeTenant { timeZone } } }',
  );
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: viewer.activeTenant.timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

/** «ноябрь 2026»: the month as the payout pages name it (standalone month name and year). */
const monthRu = (month: string) => {
  const date = new Date(`${month}T00:00:00Z`);
  const name = new Intl.DateTimeFormat('ru-RU', { month: 'long', timeZone: 'UTC' }).format(date);
  return `${name} ${date.getUTCFullYear()}`;
};

/** "05.12.2026" as typed into a date picker. */
const typedDay = (day: string) => day.split('-').reverse().join('.');

/** Chooses `label` in an antd Select. */
async function choose(page: Page, select: Locator, label: string) {
  await select.click();
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: label })
    .first()
    .click();
}

interface RunInfo {
  id: string;
  status: 'DRAFT' | 'APPROVED' | 'PAID';
  period: { start: string };
}

const runsQuery = '{ payoutRuns { id status period { start } } }';

async function runOf(page: Page, month: string): Promise<RunInfo | undefined> {
  const { payoutRuns } = await gqlData<{ payoutRuns: RunInfo[] }>(page, runsQuery);
  return payoutRuns.find((r) => r.period.start === month);
}

async function openRun(page: Page, month: string) {
  await page.getByRole('menuitem', { name: /Выплаты$/ }).click();
  await page.waitForURL('**/payouts');
  await page
    .getByTestId('runs-table')
    .getByRole('link', { name: monthRu(month), exact: true })
    .click();
  await page.getByTestId('payout-run').waitFor();
}

const runStatus = (page: Page) => page.getByTestId('payout-run').getAttribute('data-status');

/** The signed-in user's display name, as the server has it. */
async function displayName(page: Page): Promise<string> {
  const { viewer } = await gqlData<{ viewer: { user: { displayName: string } } }>(
    page,
    '{ viewer { user { displayName } } }',
  );
  return viewer.user.displayName;
}

/**
 * The closed months, newest first, in which the signed-in manager won deals (his deals_won over
 * the last 12 months, as his KPI card reads it): a statement of such a month has deals behind its
 * deal-based lines.
 */
async function wonDealMonths(page: Page): Promise<{ employeeId: string; months: string[] }> {
  const thisMonth = `${(await tenantToday(page)).slice(0, 7)}-01`;
  const lastClosed = addMonths(thisMonth, -1);
  const { myKpiCard } = await gqlData<{ myKpiCard: { employee: { id: string } } | null }>(
    page,
    'query($p: PeriodInput!) { myKpiCard(period: $p) { employee { id } } }',
    { p: { kind: 'MONTH', start: lastClosed } },
  );
  expect(myKpiCard, 'the manager is linked to a portal user').not.toBeNull();
  const { kpiSeries } = await gqlData<{
    kpiSeries: { period: { start: string }; value: string | null }[];
  }>(
    page,
    `query($s: KpiSubjectInput!, $to: Date!) {
       kpiSeries(kpi: "deals_won", subject: $s, periodKind: MONTH, to: $to, count: 12) {
         period { start } value
       }
     }`,
    { s: { employeeId: myKpiCard!.employee.id }, to: lastClosed },
  );
  const months = kpiSeries
    .filter((p) => p.value !== null && Number(p.value) > 0)
    .map((p) => p.period.start)
    .sort()
    .reverse();
  return { employeeId: myKpiCard!.employee.id, months };
}

/** Manager 1 as the server links him, and the closed months in which he won deals. */
let manager: { employeeId: string; months: string[] } | undefined;

/** His statement of the paid run and a line of it with deals behind it. */
let payee: { statementId: string; lineId: string } | undefined;

/** The month the scenario pays, and its run; set by the first step, read by the others. */
let month: string | undefined;
let runId: string | undefined;

describe(`Payout runs, statements and inquiries at ${BASE_URL}`, () => {
  let current: Session | undefined;
  const session = async () => (current = await openSession());

  afterEach(async () => {
    if (current) {
      const { pageErrors } = current;
      await current.close();
      current = undefined;
      expect(pageErrors.map(String)).toEqual([]);
    }
  });

  afterAll(closeBrowser);

  it(
    'finds the closed months in which manager 1 won deals',
    async () => {
      // The sync's progress is for those who see the integration (not managers): Alfa's admin.
      const admin = await session();
      await signIn(admin.page, DEMO.user('admin', 'alfa'));
      await waitForSync(admin.page, SYNC_TIMEOUT_MS);
      await admin.close();
      current = undefined;
      expect(admin.pageErrors.map(String)).toEqual([]);

      const { page } = await session();
      await signIn(page, DEMO.user('manager1', 'alfa'));
      manager = await wonDealMonths(page);
      expect(manager.months.length, 'manager 1 won deals in the last 12 months').toBeGreaterThan(0);
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'lets the consultant prepare the month, and refuses him the approval',
    async () => {
      expect(manager, 'manager 1 was found first').toBeDefined();
      const { page, screenshot } = await session();
      await signIn(page, DEMO.consultant);
      await switchTenant(page, DEMO.tenants.alfa);
      await waitForSync(page, SYNC_TIMEOUT_MS);

      // The newest of his months with no settled run yet (a rerun against the same database finds
      // that one approved and pays an older one).
      const { payoutRuns } = await gqlData<{ payoutRuns: RunInfo[] }>(page, runsQuery);
      const settled = new Set(
        payoutRuns.filter((r) => r.status !== 'DRAFT').map((r) => r.period.start),
      );
      month = manager!.months.find((m) => !settled.has(m));
      expect(month, 'a month of his with won deals and no settled run').toBeDefined();

      await page.getByRole('menuitem', { name: /Выплаты$/ }).click();
      await page.waitForURL('**/payouts');
      await page.getByTestId('prepare-run').click();
      const select = page.getByTestId('prepare-month');
      await select.waitFor();
      if (plain(await select.textContent()) !== monthRu(month!)) {
        await choose(page, select, monthRu(month!));
      }
      await screenshot('70-payouts-prepare');
      await page.getByTestId('prepare-confirm').click();
      await page.waitForURL(/\/payouts\/(?!statements)[^/]+$/u);
      await page.getByTestId('payout-run').waitFor();
      expect(plain(await page.getByTestId('run-title').textContent())).toBe(
        `Ведомость за ${monthRu(month!)}`,
      );
      expect(await runStatus(page)).toBe('DRAFT');
      const prepared = await runOf(page, month!);
      expect(prepared?.status).toBe('DRAFT');
      runId = prepared!.id;
      expect(decodeURIComponent(new URL(page.url()).pathname)).toBe(`/payouts/${runId}`);
      expect(
        await page.getByTestId('run-statements').locator('tr[data-row-key]').count(),
        'the run has statements',
      ).toBeGreaterThan(0);

      // His statement in the run, and a line of it with deals behind it (the server's view).
      const { payoutRun } = await gqlData<{
        payoutRun: { statements: { id: string; employee: { id: string } }[] };
      }>(page, 'query($id: ID!) { payoutRun(id: $id) { statements { id employee { id } } } }', {
        id: runId,
      });
      const own = payoutRun.statements.find((st) => st.employee.id === manager!.employeeId);
      expect(own, 'manager 1 has a statement in the run').toBeDefined();
      const { statement } = await gqlData<{
        statement: {
          lines: { id: string; kind: string; name: string; deals: { url: string | null }[] }[];
        };
      }>(page, 'query($id: ID!) { statement(id: $id) { lines { id kind name deals { url } } } }', {
        id: own!.id,
      });
      const line = statement.lines.find((l) => l.deals.some((d) => d.url));
      expect(
        line,
        `a line of his statement has deals with links: ${JSON.stringify(statement.lines)}`,
      ).toBeDefined();
      payee = { statementId: own!.id, lineId: line!.id };

      // His own run: «Утвердить» is disabled and the page says why…
      await expect.poll(() => page.getByTestId('approve-run').isDisabled()).toBe(true);
      expect(plain(await page.getByTestId('approve-reason').textContent())).toBe(
        'Ведомость подготовили вы: утвердить её должен другой администратор',
      );
      await screenshot('71-payouts-preparer-refused');
      // …and the server refuses the call all the same.
      const refused = await gql<{
        approvePayoutRun: { run: { status: string } | null; errors: { code: string }[] };
      }>(
        page,
        'mutation($id: ID!) { approvePayoutRun(input: { runId: $id }) { run { status } errors { code } } }',
        { id: runId },
      );
      expect(refused.data?.approvePayoutRun.run).toBeNull();
      expect(refused.data?.approvePayoutRun.errors.map((e) => e.code)).toEqual(['FORBIDDEN']);
      expect((await runOf(page, month!))?.status).toBe('DRAFT');
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'lets Alfa’s admin approve the run the consultant prepared',
    async () => {
      expect(month, 'the run was prepared first').toBeDefined();
      const { page, screenshot } = await session();
      await signIn(page, DEMO.user('admin', 'alfa'));
      await openRun(page, month!);
      const approve = page.getByTestId('approve-run');
      await expect.poll(() => approve.isEnabled()).toBe(true);
      expect(await page.getByTestId('approve-reason').count()).toBe(0);
      await approve.click();
      await page.getByTestId('approve-confirm').click();
      await expect.poll(() => runStatus(page), { timeout: 30_000 }).toBe('APPROVED');
      expect(plain(await page.getByTestId('run-status').textContent())).toBe('Утверждена');
      const approver = await displayName(page);
      expect(
        plain(await page.getByTestId('run-approved').textContent()).slice(0, approver.length + 2),
      ).toBe(`${approver}, `);
      expect((await runOf(page, month!))?.status).toBe('APPROVED');
      await screenshot('72-payouts-approved');
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'lets the accountant mark it paid and download the 1C:ZUP file',
    async () => {
      expect(runId, 'the run was approved first').toBeDefined();
      const { page, screenshot } = await session();
      await signIn(page, DEMO.user('accountant', 'alfa'));
      await openRun(page, month!);
      expect(await page.getByTestId('approve-run').count()).toBe(0);

      const today = await tenantToday(page);
      const reference = `ПП-${Date.now()}`;
      await page.getByTestId('mark-paid').click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      const paidOn = dialog.getByTestId('paid-on');
      await paidOn.click();
      await paidOn.fill(typedDay(today));
      await paidOn.press('Enter');
      await dialog.getByTestId('payment-reference').fill(reference);
      await screenshot('73-payouts-mark-paid');
      await page.getByTestId('mark-paid-confirm').click();
      await expect.poll(() => runStatus(page), { timeout: 30_000 }).toBe('PAID');
      expect(plain(await page.getByTestId('run-status').textContent())).toBe('Выплачена');
      expect(plain(await page.getByTestId('run-paid').textContent())).toContain(reference);
      const { payoutRun } = await gqlData<{
        payoutRun: { status: string; paidOn: string; paymentReference: string };
      }>(page, 'query($id: ID!) { payoutRun(id: $id) { status paidOn paymentReference } }', {
        id: runId,
      });
      expect(payoutRun).toEqual({ status: 'PAID', paidOn: today, paymentReference: reference });

      // The 1C:ZUP file (CSV): the browser downloads it with the session, and it is the import
      // file — its header names the personnel number and the accrual kind, `;`-separated.
      const zup = page.locator('[data-testid="run-export"][data-kind="ZUP_CSV"]').first();
      const [download] = await Promise.all([page.waitForEvent('download'), zup.click()]);
      expect(download.suggestedFilename()).toMatch(/\.(csv|xlsx)$/u);
      const file = await download.path();
      const text = readFileSync(file, 'utf8');
      expect(text.length).toBeGreaterThan(0);
      expect(text).toContain('Табельный номер;');
      expect(text).toContain('Вид начисления');
      await screenshot('74-payouts-paid');
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'shows manager 1 his statement with the deals behind a line, and takes his inquiry',
    async () => {
      expect(runId, 'the run was paid first').toBeDefined();
      expect(payee, 'his statement was found when the run was prepared').toBeDefined();
      const { page, screenshot } = await session();
      await signIn(page, DEMO.user('manager1', 'alfa'));
      await page.getByRole('menuitem', { name: /Мои выплаты$/ }).click();
      await page.waitForURL('**/my-payouts');

      // His statement of the month, as the server lists it for him.
      const { myPayouts } = await gqlData<{
        myPayouts: {
          employee: { id: string } | null;
          statements: { id: string; period: { start: string } }[];
        };
      }>(page, '{ myPayouts { employee { id } statements { id period { start } } } }');
      expect(myPayouts.employee?.id).toBe(manager!.employeeId);
      const mine = myPayouts.statements.find((s) => s.period.start === month);
      expect(mine?.id, `his statement for ${month}`).toBe(payee!.statementId);
      await page.getByTestId('estimate-card').waitFor();
      const link = page
        .getByTestId('my-statements')
        .locator(`a[href="/payouts/statements/${encodeURIComponent(mine!.id)}"]`);
      expect(plain(await link.textContent())).toBe(monthRu(month!));
      await screenshot('75-my-payouts');
      await link.click();
      await page.getByTestId('statement').waitFor();

      // The line with deals behind it, as the server has it for him.
      const { statement } = await gqlData<{
        statement: { lines: { id: string; deals: { url: string | null }[] }[] };
      }>(page, 'query($id: ID!) { statement(id: $id) { lines { id deals { url } } } }', {
        id: mine!.id,
      });
      const line = statement.lines.find((l) => l.id === payee!.lineId);
      expect(line, 'the statement he reads has the line the run showed').toBeDefined();
      await page
        .getByTestId('statement-lines')
        .locator(`tr[data-row-key="${line!.id}"]`)
        .getByTestId('line-name')
        .click();
      const details = page.getByTestId(`line-details-${line!.id}`);
      await details.waitFor();
      const links = details.getByTestId('deal-link');
      expect(await links.count()).toBeGreaterThanOrEqual(1);
      const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(hrefs).toEqual(line!.deals.filter((d) => d.url).map((d) => d.url));
      expect(await links.first().getAttribute('target')).toBe('_blank');
      await screenshot('76-statement-line-deals');

      // The statement as XLSX, downloaded with his session.
      const [xlsx] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('statement-download').click(),
      ]);
      expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/u);
      // An XLSX is a zip: it starts with "PK".
      expect(
        readFileSync(await xlsx.path())
          .subarray(0, 2)
          .toString('latin1'),
      ).toBe('PK');

      // His question on that line, then in the statement's thread.
      const comment = `Проверьте, пожалуйста, сделки этой строки (e2e ${Date.now()})`;
      await details.getByTestId('inquiry-comment').fill(comment);
      await details.getByTestId('inquiry-submit').click();
      const thread = page.getByTestId('statement-inquiries').getByTestId('inquiry-message').filter({
        hasText: comment,
      });
      await thread.waitFor({ timeout: 30_000 });
      expect(await thread.getAttribute('data-side')).toBe('MANAGER');
      const { inquiries } = await gqlData<{
        inquiries: { lineId: string; status: string; messages: { text: string }[] }[];
      }>(page, '{ inquiries { lineId status messages { text } } }');
      const raised = inquiries.find((q) => q.messages.some((m) => m.text === comment));
      expect(raised).toMatchObject({ lineId: line!.id, status: 'OPEN' });
      await screenshot('77-statement-inquiry');
    },
    SCENARIO_TIMEOUT_MS,
  );
});
