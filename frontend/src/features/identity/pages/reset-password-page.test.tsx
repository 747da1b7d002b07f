import type { MockedResponse } from '@apollo/client/testing';
import { fireEvent, screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '@/test/render';
import { resetPasswordMutation } from '../api/reset-password';
import { ResetPasswordPage } from './reset-password-page';

const PASSWORD = 'a-new-password';

function answer(errors: { field: string[]; code: string; message: string }[]): MockedResponse {
  return {
    request: {
      query: resetPasswordMutation,
      variables: { input: { token: 'tok-9', password: PASSWORD } },
    },
    result: {
      data: {
        resetPassword: {
          __typename: 'SignInPayload',
          viewer: errors.length
            ? null
            : { __typename: 'Viewer', user: { __typename: 'User', id: 'u-admin-alfa' } },
          errors: errors.map((e) => ({ __typename: 'UserError', ...e })),
        },
      },
    },
  };
}

function renderPage(mocks: MockedResponse[]) {
  renderWithProviders(
    <Routes>
      <Route path="/reset-password/:token" element={<ResetPasswordPage />} />
      <Route path="/" element={<p>start page</p>} />
    </Routes>,
    { route: '/reset-password/tok-9', mocks },
  );
  fireEvent.change(screen.getByTestId('new-password'), { target: { value: PASSWORD } });
  fireEvent.change(screen.getByTestId('confirm-password'), { target: { value: PASSWORD } });
  fireEvent.click(screen.getByRole('button', { name: /Сохранить пароль и войти$/ }));
}

describe('ResetPasswordPage', () => {
  it('sets the new password with the token of the link and signs in', async () => {
    renderPage([answer([])]);
    expect(await screen.findByText('start page')).toBeTruthy();
  });

  it('offers a new link when this one has expired', async () => {
    renderPage([answer([{ field: ['input', 'token'], code: 'EXPIRED', message: 'Истекло' }])]);
    expect((await screen.findByTestId('form-errors')).textContent).toBe(
      'Ссылка для сброса пароля устарела или уже использована.',
    );
    expect(screen.getByRole('link', { name: 'Запросить новую ссылку' }).getAttribute('href')).toBe(
      '/reset-password',
    );
  });

  it('shows a password rule of the server under the field', async () => {
    renderPage([
      answer([
        { field: ['input', 'password'], code: 'INVALID', message: 'Слишком простой пароль' },
      ]),
    ]);
    const message = await screen.findByText('Слишком простой пароль');
    expect(
      message.closest('.ant-form-item')?.querySelector('[data-testid="new-password"]'),
    ).toBeTruthy();
  });
});
