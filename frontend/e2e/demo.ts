import type { Page } from 'playwright-core';

/**
 * The demo data the backend seeds (dev and e2e databases), in one place. Every demo account has the
 * same password. Consultancy «Интегратор Плюс»: its owner, and a consultant assigned to Alfa and
 * Beta (not Gamma). In each client company: an admin, an accountant and two managers.
 */
export const DEMO = {
  password: 'Premia-demo-2026',
  consultancy: 'Интегратор Плюс',
  owner: 'owner@integrator.demo',
  consultant: 'consultant@integrator.demo',
  tenants: {
    alfa: 'ООО «Альфа Продажи»',
    beta: 'ООО «Бета Трейд»',
    gamma: 'ООО «Гамма Сервис»',
  },
  /** `admin@alfa.demo` (TENANT_ADMIN), `accountant@…` (ACCOUNTANT), `manager1@…`, `manager2@…` (MANAGER). */
  user: (
    role: 'admin' | 'accountant' | 'manager1' | 'manager2',
    tenant: 'alfa' | 'beta' | 'gamma',
  ) => `${role}@${tenant}.demo`,
} as const;

/** Signs in on /login and waits for the signed-in header (the user menu). */
export async function signIn(page: Page, email: string, password: string = DEMO.password) {
  await page.goto('/login');
  await fillSignIn(page, email, password);
  await page.getByTestId('user-menu').waitFor();
}

/** Fills and submits the sign-in form on the current page. */
export async function fillSignIn(page: Page, email: string, password: string) {
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** Chooses a client company in the header's tenant switcher and waits until it is the active one. */
export async function switchTenant(page: Page, name: string) {
  const switcher = page.getByTestId('tenant-switcher');
  await switcher.click();
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: name })
    .click();
  await page.getByText(`Вы работаете с клиентом ${name}`).waitFor();
}

/** The e-mails in the users table, once it shows at least one row. */
export async function listedEmails(page: Page): Promise<string[]> {
  await page.locator('tr[data-row-key] [data-testid="user-email"]').first().waitFor();
  return page.getByTestId('user-email').allTextContents();
}
