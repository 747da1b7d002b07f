import type { MockedResponse } from '@apollo/client/testing';
import { fireEvent, screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '@/test/render';
import { signInMutation } from '../api/sign-in';
import { LoginPage } from './login-page';

const EMAIL = 'admin@alfa.demo';
const PASSWORD = 'Premia-demo-2026';

function signInAnswer(
  errors: { field: string[]; code: string; message: string }[],
  password = PASSWORD,
): MockedResponse {
  return {
    request: { query: signInMutation, variables: { input: { email: EMAIL, password } } },
    result: {
      data: {
        signIn: {
          __typename: 'SignInPayload',
          viewer:
            errors.length === 0
              ? { __typename: 'Viewer', user: { __typename: 'User', id: 'u-admin-alfa' } }
              : null,
          errors: errors.map((e) => ({ __typename: 'UserError', ...e })),
        },
      },
    },
  };
}

function renderLogin(route: string, mocks: MockedResponse[], language?: 'en') {
  return renderWithProviders(
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/settings/users" element={<p>users page</p>} />
      <Route path="/" element={<p>start page</p>} />
    </Routes>,
    { route, mocks, ...(language ? { language } : {}) },
  );
}

function submit(email = EMAIL, password = PASSWORD) {
  fireEvent.change(screen.getByTestId('login-email'), { target: { value: email } });
  fireEvent.change(screen.getByTestId('login-password'), { target: { value: password } });
  fireEvent.click(screen.getByTestId('login-submit'));
}

const location = () => screen.getByTestId('location').textContent;

describe('LoginPage', () => {
  it('signs in and goes to the address in next', async () => {
    renderLogin('/login?next=%2Fsettings%2Fusers', [signInAnswer([])]);
    expect(screen.getByRole('heading', { name: 'Вход' })).toBeTruthy();
    submit();
    expect(await screen.findByText('users page')).toBeTruthy();
    expect(location()).toBe('/settings/users');
  });

  it('goes to the start page when next points elsewhere', async () => {
    renderLogin('/login?next=%2F%2Fevil.example%2Fphish', [signInAnswer([])]);
    submit();
    expect(await screen.findByText('start page')).toBeTruthy();
    expect(location()).toBe('/');
  });

  it('says clearly that e-mail or password is wrong, and stays', async () => {
    renderLogin('/login?next=%2Fsettings%2Fusers', [
      signInAnswer(
        [{ field: [], code: 'INVALID_CREDENTIALS', message: 'E-mail и пароль не подходят' }],
        'wrong-password',
      ),
    ]);
    submit(EMAIL, 'wrong-password');
    const alert = await screen.findByTestId('form-errors');
    expect(alert.textContent).toBe('Неверный e-mail или пароль');
    expect(location()).toBe('/login?next=%2Fsettings%2Fusers');
    expect((screen.getByTestId('login-password') as HTMLInputElement).value).toBe('');
  });

  it('says the account is locked, in English too', async () => {
    renderLogin(
      '/login',
      [signInAnswer([{ field: [], code: 'LOCKED', message: 'Учётная запись заблокирована' }])],
      'en',
    );
    submit();
    expect((await screen.findByTestId('form-errors')).textContent).toMatch(
      /^Too many failed sign-ins/,
    );
  });

  it('shows an error about a field under that field', async () => {
    renderLogin('/login', [
      signInAnswer([{ field: ['input', 'email'], code: 'INVALID', message: 'Адрес отключён' }]),
    ]);
    submit();
    expect(await screen.findByText('Адрес отключён')).toBeTruthy();
    expect(screen.queryByTestId('form-errors')).toBeNull();
  });

  it('checks the form before asking the server', async () => {
    renderLogin('/login', []);
    fireEvent.click(screen.getByTestId('login-submit'));
    expect(await screen.findByText('Введите e-mail')).toBeTruthy();
    expect(screen.getByText('Введите пароль')).toBeTruthy();
  });

  it('links to the password reset', () => {
    renderLogin('/login', []);
    expect(screen.getByTestId('forgot-password').textContent).toBe('Забыли пароль?');
    expect(screen.getByTestId('forgot-password').getAttribute('href')).toBe('/reset-password');
  });

  it('shows a failure of the server with its code', async () => {
    renderLogin('/login', [
      {
        request: {
          query: signInMutation,
          variables: { input: { email: EMAIL, password: PASSWORD } },
        },
        result: {
          errors: [
            { message: 'Internal', extensions: { code: 'INTERNAL', correlationId: 'corr-1' } },
          ],
        },
      },
    ]);
    submit();
    expect((await screen.findByTestId('correlation-id')).textContent).toBe('Код обращения: corr-1');
  });
});
