import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BASE_URL, closeBrowser, openSession, requirePremia, type Session } from './browser';
import { DEMO, signIn } from './demo';

/** Intl ru-RU groups digits and separates the currency sign with U+00A0 NO-BREAK SPACE. */
const RUB_SAMPLE = '1\u00a0234\u00a0567,89\u00a0₽';

describe(`Premia at ${BASE_URL}`, () => {
  let current: Session | undefined;
  const session = () => current!;

  /** Every scenario runs signed in as the demo tenant admin of Alfa. */
  const ALFA_ADMIN = DEMO.user('admin', 'alfa');

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

  it('is reachable and asks to sign in first', async () => {
    await requirePremia();
    await session().page.goto('/');
    await session().page.waitForURL('**/login');
    await session().page.getByTestId('login-form').waitFor();
    await session().screenshot('00-start');
  });

  it('opens the overview in Russian with the server status from the database', async () => {
    const { page } = session();
    await signIn(page, ALFA_ADMIN);
    await page.goto('/');
    await expect.poll(() => page.getByTestId('product-name').textContent()).toBe('Премия');
    await page.getByRole('menuitem', { name: 'Обзор' }).waitFor();
    await page.getByText('Справочники').waitFor();
    await page.getByRole('heading', { name: 'Обзор' }).waitFor();

    const migrations = await page.getByTestId('applied-migrations').textContent();
    expect(Number(migrations?.replace(/\D/g, ''))).toBeGreaterThan(0);
    expect(await page.getByTestId('database-version').textContent()).toContain('PostgreSQL');
    expect(await page.getByTestId('server-version').textContent()).not.toBe('');
    await session().screenshot('01-overview-ru');
  });

  it('navigates through the menu to the currencies and shows the rouble', async () => {
    const { page } = session();
    await signIn(page, ALFA_ADMIN);
    await page.goto('/');
    await page.getByRole('link', { name: 'Валюты' }).click();
    await page.waitForURL('**/reference/currencies');
    await page.getByRole('heading', { name: 'Валюты' }).waitFor();

    const rub = page.locator('tr[data-row-key="RUB"]');
    await rub.waitFor();
    expect(await rub.getByTestId('currency-name').textContent()).toBe('Российский рубль');
    expect(await rub.getByTestId('sample-amount').textContent()).toBe(RUB_SAMPLE);
    expect(await rub.locator('td').nth(1).textContent()).toBe('643');
    await session().screenshot('02-currencies-ru');
  });

  it('loads a deep link with a filter straight from the server', async () => {
    const { page } = session();
    await signIn(page, ALFA_ADMIN);
    const response = await page.goto('/reference/currencies?q=EUR');
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-type']).toContain('text/html');

    await page.locator('tr[data-row-key="EUR"]').waitFor();
    expect(await page.locator('tr[data-row-key]').count()).toBe(1);
    expect(await page.getByRole('searchbox').inputValue()).toBe('EUR');
    await session().screenshot('03-currencies-deep-link');
  });

  it('switches to English and keeps it after a reload', async () => {
    const { page } = session();
    await signIn(page, ALFA_ADMIN);
    await page.goto('/reference/currencies');
    await page.locator('tr[data-row-key="RUB"]').waitFor();

    await page.getByTestId('language-en').click();
    await page.getByRole('heading', { name: 'Currencies' }).waitFor();
    expect(await page.getByTestId('product-name').textContent()).toBe('Premia');
    await page.getByText('Reference', { exact: true }).waitFor();
    const rub = page.locator('tr[data-row-key="RUB"]');
    expect(await rub.getByTestId('currency-name').textContent()).toBe('Russian ruble');

    await page.reload();
    await page.getByRole('heading', { name: 'Currencies' }).waitFor();
    await page.locator('tr[data-row-key="RUB"]').waitFor();
    expect(await rub.getByTestId('currency-name').textContent()).toBe('Russian ruble');
    await session().screenshot('04-currencies-en');
  });
});
