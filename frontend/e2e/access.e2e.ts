import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BASE_URL, closeBrowser, openSession, type Session } from './browser';
import { DEMO, fillSignIn, listedEmails, signIn, switchTenant } from './demo';

/**
 * Sign-in, tenant isolation and permissions against the backend's demo data (see ./demo.ts):
 * a consultant sees each client company's users only while working in it, a manager gets neither
 * the users page nor the console, a wrong password is refused, signing out ends the session.
 */
describe(`Access to Premia at ${BASE_URL}`, () => {
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

  it('shows a consultant the users of the client company he works in, and only those', async () => {
    const { page } = session();
    await signIn(page, DEMO.consultant);
    await switchTenant(page, DEMO.tenants.alfa);

    await page.getByRole('menuitem', { name: 'Пользователи' }).click();
    await page.waitForURL('**/settings/users');
    await page.getByRole('heading', { name: 'Пользователи' }).waitFor();
    const alfa = await listedEmails(page);
    expect(alfa).toEqual(
      expect.arrayContaining([
        DEMO.user('admin', 'alfa'),
        DEMO.user('accountant', 'alfa'),
        DEMO.user('manager1', 'alfa'),
        DEMO.user('manager2', 'alfa'),
      ]),
    );
    expect(alfa.filter((email) => !email.endsWith('@alfa.demo'))).toEqual([]);
    await session().screenshot('10-users-alfa');

    await switchTenant(page, DEMO.tenants.beta);
    expect(page.url()).toMatch(/\/settings\/users$/);
    await expect
      .poll(async () => (await listedEmails(page)).every((email) => email.endsWith('@beta.demo')))
      .toBe(true);
    const beta = await listedEmails(page);
    expect(beta).toEqual(expect.arrayContaining([DEMO.user('admin', 'beta')]));
    expect(beta.filter((email) => email.endsWith('@alfa.demo'))).toEqual([]);
    await session().screenshot('11-users-beta');
  });

  it('gives a manager neither the users page nor the console', async () => {
    const { page } = session();
    await signIn(page, DEMO.user('manager1', 'alfa'));
    await page.getByRole('menuitem', { name: 'Обзор' }).waitFor();
    expect(await page.getByRole('menuitem', { name: 'Пользователи' }).count()).toBe(0);
    expect(await page.getByRole('menuitem', { name: 'Консоль консультанта' }).count()).toBe(0);

    await page.goto('/settings/users');
    await page.getByTestId('no-access').waitFor();
    await page.getByText('Нет доступа').waitFor();
    expect(await page.getByTestId('user-email').count()).toBe(0);
    await session().screenshot('12-no-access');
  });

  it('refuses a wrong password and says so', async () => {
    const { page } = session();
    // An account no other scenario signs in with, so a lock-out could not spoil them.
    const email = DEMO.user('accountant', 'gamma');
    await page.goto('/login');
    await fillSignIn(page, email, 'not-the-password');
    const alert = page.getByTestId('form-errors');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('Неверный e-mail или пароль');
    expect(new URL(page.url()).pathname).toBe('/login');
    await session().screenshot('13-wrong-password');

    // The right password still works (and clears the failed attempt).
    await fillSignIn(page, email, DEMO.password);
    await page.getByTestId('user-menu').waitFor();
  });

  it('signs out to the sign-in page, after which the app asks to sign in again', async () => {
    const { page } = session();
    await signIn(page, DEMO.user('admin', 'beta'));
    await page.getByTestId('user-menu').click();
    await page.getByTestId('sign-out').click();
    await page.waitForURL((url) => url.pathname === '/login');
    await page.getByTestId('login-form').waitFor();
    expect(new URL(page.url()).search).toBe(''); // a fresh sign-in, not a way back to the last page

    await page.goto('/');
    await page.waitForURL((url) => url.pathname === '/login');
    await page.getByTestId('login-form').waitFor();
    expect(await page.getByTestId('user-menu').count()).toBe(0);

    await page.goto('/settings/users');
    await page.waitForURL((url) => url.pathname === '/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/settings/users');
    await session().screenshot('14-signed-out');
  });
});
