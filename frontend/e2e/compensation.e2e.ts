import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BASE_URL, closeBrowser, openSession, type Session } from './browser';
import { DEMO, signIn } from './demo';
import { gqlData, plain, waitForSync } from './graphql';

/**
 * Acceptance 5 of issue #6. (a) The sales head of Alfa opens the account-manager scheme (the demo
 * applies the library's account_manager template to each demo company and publishes version 1;
 * its component volume_bonus pays 5 % of sales_volume above 1 000 000 ₽), changes the rate and the
 * gate's threshold, sees the preview of named employees change, and publishes with an effective
 * month; (b) the consultant changes the template's rate in the library, publishes a new library
 * version and offers it to Alfa; (c) Alfa's admin sees the proposal with the rate change in its
 * readable diff. Every expected amount is computed here from the server's own KPI values, fetched
 * over GraphQL from the signed-in page — never written down.
 */

/** How long Alfa's first full sync (started with the server) may still take. */
const SYNC_TIMEOUT_MS = 180_000;
const SCENARIO_TIMEOUT_MS = SYNC_TIMEOUT_MS + 120_000;
const TEMPLATE = 'account_manager';
const COMPONENT = 'volume_bonus';

// ---- months, independent of the app's code ----

function addMonths(month: string, steps: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + steps;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

async function currentMonth(page: Page): Promise<string> {
  const { viewer } = await gqlData<{ viewer: { activeTenant: { timeZone: string } } }>(
    page,
    '{ viewer { activeTenant { timeZone } } }',
  );
  const today = new Intl.DateTimeFormat('en-CA', {
    timeZone: viewer.activeTenant.timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
  return `${today.slice(0, 7)}-01`;
}

const monthRu = (month: string) =>
  new Intl.DateTimeFormat('ru-RU', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}T00:00:00Z`),
  );

/** «1 декабря 2026 г.»: the day a version takes effect. */
const effectiveRu = (month: string) =>
  new Intl.DateTimeFormat('ru-RU', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${month}T00:00:00Z`));

// ---- exact decimal arithmetic for the expectations ----

/** A non-negative plain decimal as an integer count of 10^-scale units, half-up beyond the scale. */
function scaled(decimal: string, scale: number): bigint {
  const [whole = '0', fraction = ''] = decimal.split('.');
  const digits = fraction.padEnd(scale + 1, '0');
  let units = BigInt(whole + digits.slice(0, scale));
  if (Number(digits[scale]) >= 5) {
    units += 1n;
  }
  return units;
}

/** value × rate % in kopecks, half-up (the engine rounds each line half-up to kopecks). */
function percentOf(value: string, rate: string): bigint {
  // kopecks = value × rate ÷ 100 × 100 = value × rate; both scaled by 10^4, so ÷ 10^8.
  const product = scaled(value, 4) * scaled(rate, 4);
  const divisor = 10n ** 8n;
  return (product * 2n + divisor) / (2n * divisor);
}

const compare = (a: string, b: string) => {
  const d = scaled(a, 4) - scaled(b, 4);
  return d > 0n ? 1 : d < 0n ? -1 : 0;
};

const moneyRu = (kopecks: bigint, currency: string) =>
  plain(
    new Intl.NumberFormat('ru-RU', {
      style: 'currency',
      currency,
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    }).format(`${kopecks / 100n}.${String(kopecks % 100n).padStart(2, '0')}` as unknown as number),
  );

/** What people type: «1 234 567,89». */
const typedRu = (decimal: string) => decimal.replace('.', ',');

// ---- the server's view ----

interface SchemeInfo {
  id: string;
  name: string;
  source: { templateCode: string } | null;
  draft: { number: number } | null;
  versions: { number: number; status: string; effectiveFrom: string | null }[];
}

async function accountScheme(page: Page): Promise<SchemeInfo> {
  const { compensationSchemes } = await gqlData<{ compensationSchemes: SchemeInfo[] }>(
    page,
    `{ compensationSchemes { id name source { templateCode }
         draft { number } versions { number status effectiveFrom } } }`,
  );
  const scheme = compensationSchemes.find((s) => s.source?.templateCode === TEMPLATE);
  expect(scheme, `Alfa has a scheme from the ${TEMPLATE} template`).toBeDefined();
  return scheme!;
}

/** sales_volume of every employee in `month`, by id. */
async function salesVolumes(page: Page, month: string): Promise<Map<string, string>> {
  const { employeeKpis } = await gqlData<{
    employeeKpis: {
      edges: {
        node: {
          employee: { id: string };
          values: { kpi: { code: string }; value: string | null }[];
        };
      }[];
    };
  }>(
    page,
    `query Volumes($period: PeriodInput!) {
       employeeKpis(period: $period, kpis: ["sales_volume"], first: 100) {
         edges { node { employee { id } values { kpi { code } value } } }
       }
     }`,
    { period: { kind: 'MONTH', start: month } },
  );
  return new Map(
    employeeKpis.edges.map(({ node }) => [
      node.employee.id,
      node.values.find((v) => v.kpi.code === 'sales_volume')?.value ?? '0',
    ]),
  );
}

/** Chooses `label` in an antd Select. */
async function choose(page: Page, select: Locator, label: string) {
  await select.click();
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: label })
    .first()
    .click();
}

async function openScheme(page: Page, scheme: SchemeInfo) {
  await page.getByRole('menuitem', { name: /Схемы мотивации$/ }).click();
  await page.waitForURL('**/schemes');
  await page.getByTestId('schemes-table').getByRole('link', { name: scheme.name }).click();
  await page.waitForURL(`**/schemes/${encodeURIComponent(scheme.id)}**`);
}

/** The library rate the consultant publishes in (b), for (c) to find in the diff. */
let libraryRate: string | undefined;
let libraryVersion: number | undefined;

describe(`Compensation schemes, previews and the template library at ${BASE_URL}`, () => {
  let current: Session | undefined;
  const session = () => current!;

  beforeEach(async () => {
    current = await openSession();
  });

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
    'lets a sales head change a rate and a gate, see the preview move and publish version 2',
    async () => {
      const { page } = session();
      await signIn(page, DEMO.user('admin', 'alfa'));
      await waitForSync(page, SYNC_TIMEOUT_MS);
      const scheme = await accountScheme(page);
      const now = await currentMonth(page);
      const previewMonth = addMonths(now, -1); // the last closed month, the preview's default

      await openScheme(page, scheme);
      if (!scheme.draft) {
        await page.getByTestId('start-editing').click();
      }
      const card = page.getByTestId(`component-${COMPONENT}`);
      const rateInput = card.getByTestId('rule-ratePercent');
      const thresholdInput = card.getByTestId('gate-0').getByTestId('gate-0-threshold');
      await rateInput.waitFor();
      await expect.poll(async () => rateInput.isEnabled()).toBe(true);
      const oldRate = (await rateInput.inputValue()).replace(',', '.');
      await session().screenshot('60-scheme-editor');

      // The preview of the last closed month: its employees, and their sales as the server has them.
      const preview = page.getByTestId('preview-table');
      await preview.locator('tr[data-row-key]').first().waitFor({ timeout: 30_000 });
      expect(plain(await page.getByTestId('preview-month-label').textContent())).toBe(
        monthRu(previewMonth),
      );
      const ids = await preview
        .locator('tr[data-row-key]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row-key')!));
      const volumes = await salesVolumes(page, previewMonth);
      const sellers = ids
        .map((id) => ({ id, volume: volumes.get(id) ?? '0' }))
        .filter((s) => compare(s.volume, '0') > 0)
        .sort((a, b) => compare(b.volume, a.volume));
      expect(
        sellers.length,
        'two employees on the scheme sold something last month',
      ).toBeGreaterThanOrEqual(2);
      const [top, second] = sellers as [(typeof sellers)[0], (typeof sellers)[0]];

      // New rate: two points more. New gate: exactly the second seller's volume, so the gate
      // (sales_volume > threshold) stays closed for him — strictly greater — and opens for the top.
      const newRate = (BigInt(oldRate.split('.')[0]!) + 2n).toString();
      const threshold = second.volume;
      expect(compare(top.volume, threshold)).toBe(1);
      await rateInput.fill(newRate);
      await thresholdInput.fill(typedRu(threshold));
      await page.getByTestId('unsaved').waitFor();

      const { viewer } = await gqlData<{ viewer: { activeTenant: { currencyCode: string } } }>(
        page,
        '{ viewer { activeTenant { currencyCode } } }',
      );
      const currency = viewer.activeTenant.currencyCode;
      const expectLine = async (id: string, kopecks: bigint) => {
        const row = preview.locator(`tr[data-row-key="${id}"]`);
        const lines = page.getByTestId(`preview-lines-${id}`);
        if ((await lines.count()) === 0) {
          await row.locator('.ant-table-row-expand-icon').click();
        }
        await expect
          .poll(
            async () =>
              plain(
                await lines
                  .getByTestId(`preview-line-${COMPONENT}`)
                  .getByTestId('preview-line-amount')
                  .textContent(),
              ),
            { timeout: 20_000 },
          )
          .toBe(moneyRu(kopecks, currency));
      };
      // top: volume × newRate %, half-up to kopecks; second: exactly at the threshold, so 0.
      await expectLine(top.id, percentOf(top.volume, newRate));
      await expectLine(second.id, 0n);
      const boundary = page.getByTestId(`boundary-${COMPONENT}`);
      await boundary.waitFor();
      await session().screenshot('61-scheme-preview-changed');

      // Publish: the first month from next on that has no version yet (reruns use later ones).
      const taken = new Set(scheme.versions.map((v) => v.effectiveFrom));
      let month = addMonths(now, 1);
      while (taken.has(month)) {
        month = addMonths(month, 1);
      }
      const number = scheme.draft?.number ?? Math.max(...scheme.versions.map((v) => v.number)) + 1;
      await page.getByTestId('publish').click();
      const monthSelect = page.getByTestId('publish-month');
      await monthSelect.waitFor();
      if (plain(await monthSelect.textContent()) !== monthRu(month)) {
        await choose(page, monthSelect, monthRu(month));
      }
      await session().screenshot('62-scheme-publish');
      await page.getByTestId('publish-confirm').click();
      await page
        .getByText(`Версия ${number} опубликована, действует с ${effectiveRu(month)}`)
        .waitFor();
      const version = page.getByTestId(`version-${number}`);
      await version.waitFor();
      expect(plain(await version.getByTestId('version-status').textContent())).toBe('опубликована');
      expect(plain(await version.getByTestId('version-effective').textContent())).toBe(
        effectiveRu(month),
      );
      await session().screenshot('63-scheme-versions');

      const after = await gqlData<{
        compensationScheme: {
          versions: {
            number: number;
            definition: {
              components: {
                key: string;
                rule: { ratePercent: string | null };
                gates: { threshold: string }[];
              }[];
            };
          }[];
        };
      }>(
        page,
        `query After($id: ID!) { compensationScheme(id: $id) { versions { number
           definition { components { key rule { ratePercent } gates { threshold } } } } } }`,
        { id: scheme.id },
      );
      const published = after.compensationScheme.versions.find((v) => v.number === number)!;
      const component = published.definition.components.find((c) => c.key === COMPONENT)!;
      expect(compare(component.rule.ratePercent!, newRate)).toBe(0);
      expect(compare(component.gates[0]!.threshold, threshold)).toBe(0);
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'lets the consultant publish a new library version of the template and offer it to Alfa',
    async () => {
      const { page } = session();
      await signIn(page, DEMO.consultant);
      const { templateLibrary } = await gqlData<{
        templateLibrary: {
          templates: {
            id: string;
            code: string;
            latest: {
              number: number;
              definition: { components: { key: string; rule: { ratePercent: string | null } }[] };
            };
          }[];
        };
      }>(
        page,
        `{ templateLibrary { templates { id code latest { number
             definition { components { key rule { ratePercent } } } } } } }`,
      );
      const template = templateLibrary.templates.find((t) => t.code === TEMPLATE)!;
      const rate = template.latest.definition.components.find((c) => c.key === COMPONENT)!.rule
        .ratePercent!;
      libraryRate = (BigInt(rate.split('.')[0]!) + 1n).toString();
      libraryVersion = template.latest.number + 1;

      await page.getByRole('menuitem', { name: /Библиотека шаблонов$/ }).click();
      await page.waitForURL('**/library');
      await page.getByTestId(`template-link-${TEMPLATE}`).click();
      await page.waitForURL('**/library/**');
      const rateInput = page.getByTestId(`component-${COMPONENT}`).getByTestId('rule-ratePercent');
      await rateInput.fill(libraryRate);
      await session().screenshot('64-library-template-edited');
      await page.getByTestId('publish-template').click();
      await page.getByTestId('template-note').fill(`Ставка с объёма ${libraryRate} %`);
      await page.getByTestId('publish-template-confirm').click();
      await page.getByText(`Опубликована версия библиотеки ${libraryVersion}`).waitFor();
      await expect
        .poll(async () => plain(await page.getByTestId('template-latest-version').textContent()))
        .toBe(`Версия библиотеки ${libraryVersion}`);

      // Offer it to Alfa only.
      await page.getByTestId('offer-template').click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      const boxes = dialog.locator('label.ant-checkbox-wrapper');
      for (let i = 0; i < (await boxes.count()); i++) {
        const box = boxes.nth(i);
        const isAlfa = plain(await box.textContent()).includes(DEMO.tenants.alfa);
        const checked = await box.locator('input').isChecked();
        if (isAlfa !== checked) {
          await box.click();
        }
      }
      await session().screenshot('65-library-offer');
      await page.getByTestId('offer-confirm').click();
      await page.getByText('Предложено компаниям: 1').waitFor();
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'replays the scheme over 12 months with a progress bar that ends in the server’s totals',
    async () => {
      const { page } = session();
      await signIn(page, DEMO.user('admin', 'alfa'));
      await waitForSync(page, SYNC_TIMEOUT_MS);
      const scheme = await accountScheme(page);
      await openScheme(page, scheme);
      await page.getByTestId('tab-whatif').click();
      await page.getByTestId('what-if-start').waitFor();
      const started = page.waitForResponse(
        (r) =>
          r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('StartWhatIf'),
      );
      await page.getByTestId('what-if-start').click();
      const answer = (await (await started).json()) as {
        data: { startWhatIf: { run: { id: string } | null; errors: unknown[] } };
      };
      expect(answer.data.startWhatIf.errors).toEqual([]);
      const runId = answer.data.startWhatIf.run!.id;

      // the progress bar is on screen while the job runs, and ends DONE
      const progress = page.getByTestId('what-if-progress');
      await progress.waitFor();
      const seen = new Set<string>();
      await expect
        .poll(
          async () => {
            const status = (await progress.getAttribute('data-status')) ?? '';
            seen.add(status);
            return status;
          },
          { timeout: 120_000, interval: 100 },
        )
        .toBe('DONE');
      expect(plain(await page.getByTestId('what-if-progress-text').textContent())).toMatch(/12/u);

      // what the page shows is the server's run: 12 of 12 months, its total cost
      const { whatIfRun } = await gqlData<{
        whatIfRun: {
          status: string;
          progressDone: number;
          progressTotal: number;
          totalCost: string;
          monthly: { month: { start: string } }[];
        };
      }>(
        page,
        'query($id: ID!) { whatIfRun(id: $id) { status progressDone progressTotal totalCost' +
          ' monthly { month { start } } } }',
        { id: runId },
      );
      expect(whatIfRun.status).toBe('DONE');
      expect([whatIfRun.progressDone, whatIfRun.progressTotal]).toEqual([12, 12]);
      expect(whatIfRun.monthly).toHaveLength(12);
      const { viewer } = await gqlData<{ viewer: { activeTenant: { currencyCode: string } } }>(
        page,
        '{ viewer { activeTenant { currencyCode } } }',
      );
      expect(plain(await page.getByTestId('what-if-total').textContent())).toContain(
        moneyRu(scaled(whatIfRun.totalCost, 2), viewer.activeTenant.currencyCode),
      );
      await page.getByTestId('what-if-cost-chart').waitFor();
      await session().screenshot('67-what-if-done');
      expect([...seen]).toContain('DONE');
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'shows Alfa’s admin the proposal with the rate change in its readable diff',
    async () => {
      expect(libraryRate, 'the library scenario ran first').toBeDefined();
      const { page } = session();
      await signIn(page, DEMO.user('admin', 'alfa'));
      const scheme = await accountScheme(page);
      await openScheme(page, scheme);
      await page.getByTestId('tab-proposals').click();
      const proposal = page.getByTestId(`proposal-${libraryVersion}`);
      await proposal.waitFor();
      expect(await proposal.getAttribute('data-status')).toBe('OPEN');
      const change = proposal.locator(`li[data-path="components/${COMPONENT}/rule/ratePercent"]`);
      await change.waitFor();
      expect(plain(await change.textContent())).toMatch(new RegExp(`${libraryRate}(,0+)? ?%`, 'u'));
      await session().screenshot('66-scheme-proposal');
    },
    SCENARIO_TIMEOUT_MS,
  );
});
