import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BASE_URL, closeBrowser, openSession, type Session } from './browser';
import { DEMO, signIn } from './demo';
import { gql, gqlData, plain, waitForSync } from './graphql';

/**
 * Acceptance 5 of issue #5: a sales head opens the KPI dashboard, changes the period, edits a
 * manager's sales-volume plan in the plan grid and sees that manager's attainment move to actual ÷
 * new plan; a manager lands on his own card and cannot open another's. Runs against the demo data
 * with Alfa's sandbox portal synced at start (infra/test.sh). Every expected number is computed
 * from the server's own answers (GraphQL from the signed-in page), never written here.
 */

/** How long Alfa's first full sync (started with the server) may still take. */
const SYNC_TIMEOUT_MS = 180_000;
const SCENARIO_TIMEOUT_MS = SYNC_TIMEOUT_MS + 120_000;

// ---- periods (months), independent of the app's code ----

interface Month {
  kind: 'MONTH';
  start: string;
}

function monthOf(date: string): Month {
  return { kind: 'MONTH', start: `${date.slice(0, 7)}-01` };
}

function shiftMonth(month: Month, steps: number): Month {
  const [y, m] = month.start.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + steps;
  return {
    kind: 'MONTH',
    start: `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`,
  };
}

/** Today in the tenant's time zone, as the app computes its default period. */
async function currentMonth(page: Page): Promise<Month> {
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
  return monthOf(today);
}

// ---- exact decimal arithmetic for the expectation ----

/** A plain decimal string as an integer count of 10^-scale units (half-up beyond the scale). */
function scaled(decimal: string, scale: number): bigint {
  const [whole = '0', fraction = ''] = decimal.split('.');
  const digits = fraction.padEnd(scale + 1, '0');
  let units = BigInt(whole + digits.slice(0, scale));
  if (Number(digits[scale]) >= 5) {
    units += 1n;
  }
  return units;
}

/** actual ÷ plan × 100 to 4 decimals, half-up (the API's attainment), as a decimal string. */
function attainment(actual: string, plan: string): string {
  const a = scaled(actual, 4); // × 10^4
  const p = scaled(plan, 4);
  const numerator = a * 100n * 10_000n; // percent, 4 decimals
  const units = (numerator * 2n + p) / (2n * p); // half-up for non-negative numbers
  const text = units.toString().padStart(5, '0');
  return `${text.slice(0, -4)}.${text.slice(-4)}`;
}

/** How the UI shows a percentage: «82,3 %». */
const percentRu = (value: string) =>
  plain(
    new Intl.NumberFormat('ru-RU', {
      style: 'unit',
      unit: 'percent',
      maximumFractionDigits: 1,
      roundingMode: 'halfExpand',
    } as Intl.NumberFormatOptions).format(value as unknown as number),
  );

const moneyRu = (value: string, currency: string) =>
  plain(
    new Intl.NumberFormat('ru-RU', {
      style: 'currency',
      currency,
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    }).format(value as unknown as number),
  );

interface EmployeeVolume {
  id: string;
  name: string;
  value: string;
  plan: string | null;
}

/** Employees with a positive sales volume in `month`, as the server measures them. */
async function sellers(page: Page, month: Month): Promise<EmployeeVolume[]> {
  const data = await gqlData<{
    employeeKpis: {
      edges: {
        node: {
          employee: { id: string; name: string };
          values: { kpi: { code: string }; value: string | null; plan: string | null }[];
        };
      }[];
    };
  }>(
    page,
    `query Sellers($period: PeriodInput!) {
       employeeKpis(period: $period, kpis: ["sales_volume"], first: 100) {
         edges { node { employee { id name } values { kpi { code } value plan } } }
       }
     }`,
    { period: month },
  );
  return data.employeeKpis.edges.flatMap(({ node }) => {
    const v = node.values.find((x) => x.kpi.code === 'sales_volume');
    return v?.value && Number(v.value) > 0
      ? [{ id: node.employee.id, name: node.employee.name, value: v.value, plan: v.plan }]
      : [];
  });
}

/** Clicks «previous period» `steps` times, waiting for the address to follow each time. */
async function goBack(page: Page, from: Month, steps: number) {
  for (let i = 1; i <= steps; i++) {
    await page.getByTestId('period-previous').click();
    const start = shiftMonth(from, -i).start;
    await page.waitForURL((url) => url.searchParams.get('start') === start);
  }
}

describe(`KPI dashboards and plans at ${BASE_URL}`, () => {
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
    "lets a sales head change the period, edit a manager's plan and see the attainment move",
    async () => {
      const { page } = session();
      await signIn(page, DEMO.user('admin', 'alfa'));
      await waitForSync(page, SYNC_TIMEOUT_MS);
      const now = await currentMonth(page);

      // The dashboard, for the current month by default.
      await page.getByRole('menuitem', { name: 'Показатели' }).click();
      await page.waitForURL('**/kpi');
      await page.getByRole('heading', { name: 'Показатели' }).waitFor();
      const label = page.getByTestId('period-label');
      const firstLabel = plain(await label.textContent());
      await page.getByTestId('kpi-overview').or(page.getByTestId('kpi-overview-empty')).waitFor();
      await session().screenshot('40-kpi-overview');

      // The previous month: another label, and the values the server has for that month.
      await goBack(page, now, 1);
      await expect.poll(async () => plain(await label.textContent())).not.toBe(firstLabel);
      const previous = shiftMonth(now, -1);
      const { departmentKpis } = await gqlData<{
        departmentKpis: {
          currency: string;
          values: { kpi: { code: string }; value: string | null }[];
        };
      }>(
        page,
        `query Overview($period: PeriodInput!) {
           departmentKpis(period: $period) { currency values { kpi { code } value } }
         }`,
        { period: previous },
      );
      const volume = departmentKpis.values.find((v) => v.kpi.code === 'sales_volume')?.value;
      if (volume != null) {
        await expect
          .poll(async () => plain(await page.getByTestId('kpi-value-sales_volume').textContent()))
          .toBe(moneyRu(volume, departmentKpis.currency));
      }
      await session().screenshot('41-kpi-overview-previous');

      // A month in which someone sold something (the sandbox's data decides which).
      let month = now;
      let steps = 0;
      let seller: EmployeeVolume | undefined;
      for (; steps < 12 && !seller; steps++) {
        month = shiftMonth(now, -steps);
        seller = (await sellers(page, month))[0];
      }
      steps -= 1;
      expect(seller, 'some employee sold something in the last 12 months').toBeDefined();
      const target = seller!;

      // The plan grid: the seller's sales-volume plan, set to a new value.
      await page.getByRole('menuitem', { name: 'Планы' }).click();
      await page.waitForURL('**/kpi/plans');
      await goBack(page, now, steps);
      const row = page.locator(`tr[data-row-key="EMPLOYEE|${target.id}"]`);
      const cell = row.getByTestId('plan-input-sales_volume');
      await cell.waitFor();
      // Twice the actual, in whole rubles, and never the plan already there.
      let newPlan = ((BigInt(target.value.split('.')[0]!) + 1n) * 2n).toString();
      if (target.plan !== null && Number(target.plan) === Number(newPlan)) {
        newPlan = (BigInt(newPlan) + 1000n).toString();
      }
      const expected = percentRu(attainment(target.value, newPlan));
      const before = target.plan === null ? null : percentRu(attainment(target.value, target.plan));
      expect(expected).not.toBe(before);

      await cell.fill(`${newPlan.replace(/\B(?=(\d{3})+(?!\d))/g, ' ')},00`); // «1 234 000,00»
      await page.getByTestId('plans-unsaved').waitFor();
      await session().screenshot('42-kpi-plan-edited');
      await page.getByTestId('plans-save').click();
      await page.getByText('Планы сохранены: 1').waitFor();
      await expect
        .poll(async () =>
          plain(await row.getByTestId('plan-attainment-sales_volume').textContent()),
        )
        .toBe(`· ${expected}`);
      await session().screenshot('43-kpi-plan-saved');

      // Back on the dashboard, same month: the seller's attainment is actual ÷ new plan.
      await page.getByRole('menuitem', { name: 'Показатели' }).click();
      await page.waitForURL('**/kpi');
      await goBack(page, now, steps);
      const table = page.getByTestId('managers-table');
      const managerRow = table.locator(`tr[data-row-key="${target.id}"]`);
      await table.locator('tr[data-row-key]').first().waitFor();
      while (
        (await managerRow.count()) === 0 &&
        (await table.getByTestId('managers-more').count())
      ) {
        await table.getByTestId('managers-more').click();
        await page.waitForTimeout(500);
      }
      expect(plain(await managerRow.getByTestId('manager-value-sales_volume').textContent())).toBe(
        moneyRu(target.value, departmentKpis.currency),
      );
      await expect
        .poll(async () =>
          plain(await managerRow.getByTestId('manager-attainment-sales_volume').textContent()),
        )
        .toBe(expected);
      await session().screenshot('44-kpi-overview-after-plan');

      // And on his card.
      await managerRow.getByTestId('manager-name').click();
      await page.waitForURL(`**/kpi/employees/**`);
      await expect
        .poll(async () =>
          plain(await page.getByTestId('kpi-attainment-sales_volume').textContent()),
        )
        .toBe(expected);
      await session().screenshot('45-kpi-card-after-plan');
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'lands a manager on his own card and keeps him out of anybody else’s',
    async () => {
      // Someone else's id, as the sales head sees them.
      const head = await openSession();
      let others: string[];
      try {
        await signIn(head.page, DEMO.user('admin', 'alfa'));
        await waitForSync(head.page, SYNC_TIMEOUT_MS);
        const { employeeKpis } = await gqlData<{
          employeeKpis: { edges: { node: { employee: { id: string } } }[] };
        }>(
          head.page,
          `query People($period: PeriodInput!) {
             employeeKpis(period: $period, kpis: ["sales_volume"], first: 100) {
               edges { node { employee { id } } }
             }
           }`,
          { period: await currentMonth(head.page) },
        );
        others = employeeKpis.edges.map((e) => e.node.employee.id);
      } finally {
        await head.close();
      }

      const { page } = session();
      await signIn(page, DEMO.user('manager1', 'alfa'));
      await page.waitForURL('**/kpi/me');
      await page.getByTestId('kpi-card').waitFor();
      // Menu items are named "<icon> <label>": match the label at the end, case-sensitively.
      expect(await page.getByRole('menuitem', { name: /(^|\s)Мои показатели$/ }).count()).toBe(1);
      expect(await page.getByRole('menuitem', { name: /(^|\s)Показатели$/ }).count()).toBe(0);
      expect(await page.getByRole('menuitem', { name: /(^|\s)Планы$/ }).count()).toBe(0);
      await session().screenshot('46-kpi-my-card');

      const { myKpiCard } = await gqlData<{ myKpiCard: { employee: { id: string } } | null }>(
        page,
        `query Mine($period: PeriodInput!) { myKpiCard(period: $period) { employee { id } } }`,
        { period: await currentMonth(page) },
      );
      const mine = myKpiCard!.employee.id;
      const other = others.find((id) => id !== mine);
      expect(other, 'the portal has another employee').toBeDefined();

      // The server says NOT_FOUND, exactly as for an id that does not exist...
      const answer = await gql(
        page,
        `query Theirs($id: ID!, $period: PeriodInput!) {
           employeeKpiCard(employeeId: $id, period: $period) { employee { id } }
         }`,
        { id: other, period: await currentMonth(page) },
      );
      expect(answer.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      // ...and the SPA does not offer the page at all.
      await page.goto(`/kpi/employees/${encodeURIComponent(other!)}`);
      await page.getByTestId('no-access').waitFor();
      expect(await page.getByTestId('kpi-card').count()).toBe(0);
      await page.goto('/kpi');
      await page.getByTestId('no-access').waitFor();
      await session().screenshot('47-kpi-manager-no-access');
    },
    SCENARIO_TIMEOUT_MS,
  );
});
