import type { MockedResponse } from '@apollo/client/testing';
import { fireEvent, screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '@/test/render';
import { acceptInvitationMutation } from '../api/accept-invitation';
import { AcceptInvitationPage } from './accept-invitation-page';

const PASSWORD = 'long-enough-1';

function answer(errors: { field: string[]; code: string; message: string }[]): MockedResponse {
  return {
    request: {
      query: acceptInvitationMutation,
      variables: { input: { token: 'tok-1', displayName: 'Новый Сотрудник', password: PASSWORD } },
    },
    result: {
      data: {
        acceptInvitation: {
          __typename: 'SignInPayload',
          viewer: errors.length
            ? null
            : { __typename: 'Viewer', user: { __typename: 'User', id: 'u-new' } },
          errors: errors.map((e) => ({ __typename: 'UserError', ...e })),
        },
      },
    },
  };
}

function renderPage(mocks: MockedResponse[]) {
  renderWithProviders(
    <Routes>
      <Route path="/invite/:token" element={<AcceptInvitationPage />} />
      <Route path="/" element={<p>start page</p>} />
    </Routes>,
    { route: '/invite/tok-1', mocks },
  );
}

function fill(name: string, password: string, confirm = password) {
  fireEvent.change(screen.getByTestId('display-name'), { target: { value: name } });
  fireEvent.change(screen.getByTestId('new-password'), { target: { value: password } });
  fireEvent.change(screen.getByTestId('confirm-password'), { target: { value: confirm } });
  fireEvent.click(screen.getByRole('button', { name: /Принять приглашение$/ }));
}

describe('AcceptInvitationPage', () => {
  it('wants a password of at least 10 characters, typed twice alike', async () => {
    renderPage([]);
    expect(screen.getByRole('heading', { name: 'Приглашение в Премию' })).toBeTruthy();
    fill('Новый Сотрудник', 'short', 'other');
    expect(await screen.findByText('Пароль короче 10 символов')).toBeTruthy();
    expect(screen.getByText('Не короче 10 символов')).toBeTruthy();
    expect(await screen.findByText('Пароли не совпадают')).toBeTruthy();
  });

  it('accepts the invitation with the token of the link and starts the app', async () => {
    renderPage([answer([])]);
    fill('Новый Сотрудник', PASSWORD);
    expect(await screen.findByText('start page')).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe('/');
  });

  it('says when the invitation has expired', async () => {
    renderPage([answer([{ field: ['input', 'token'], code: 'EXPIRED', message: 'Истекло' }])]);
    fill('Новый Сотрудник', PASSWORD);
    expect((await screen.findByTestId('form-errors')).textContent).toBe(
      'Приглашение устарело или уже принято. Попросите администратора прислать новое.',
    );
  });
});
