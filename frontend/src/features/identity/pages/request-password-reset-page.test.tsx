import type { MockedResponse } from '@apollo/client/testing';
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '@/test/render';
import { requestPasswordResetMutation } from '../api/request-password-reset';
import { RequestPasswordResetPage } from './request-password-reset-page';

function answer(demoLink: string | null): MockedResponse {
  return {
    request: {
      query: requestPasswordResetMutation,
      variables: { input: { email: 'admin@alfa.demo' } },
    },
    result: {
      data: {
        requestPasswordReset: { __typename: 'RequestPasswordResetPayload', demoLink, errors: [] },
      },
    },
  };
}

function request() {
  fireEvent.change(screen.getByTestId('reset-email'), { target: { value: ' admin@alfa.demo ' } });
  fireEvent.click(screen.getByRole('button', { name: /Получить ссылку$/ }));
}

describe('RequestPasswordResetPage', () => {
  it('says a link was sent if the address is known, and shows the demo link', async () => {
    renderWithProviders(<RequestPasswordResetPage />, {
      mocks: [answer('/reset-password/tok-9')], // the server gives a path
    });
    request();
    expect((await screen.findByTestId('reset-requested')).textContent).toBe(
      'Если этот адрес известен Премии, на него отправлена ссылка для сброса пароля.',
    );
    const link = screen.getByTestId('demo-link');
    const full = `${window.location.origin}/reset-password/tok-9`;
    expect(link.textContent).toContain(full);
    expect(link.getAttribute('href')).toBe(full);
  });

  it('shows no link outside the demo', async () => {
    renderWithProviders(<RequestPasswordResetPage />, { mocks: [answer(null)] });
    request();
    expect(await screen.findByTestId('reset-requested')).toBeTruthy();
    expect(screen.queryByTestId('demo-link')).toBeNull();
  });
});
