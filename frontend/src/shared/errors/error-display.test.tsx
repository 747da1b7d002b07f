import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { I18nProvider, type Language } from '../i18n';
import { describeApiError } from './api-error';
import { ErrorDisplay } from './error-display';

const internal = new CombinedGraphQLErrors({
  data: null,
  errors: [
    {
      message: 'Internal server error',
      extensions: { code: 'INTERNAL', correlationId: '7f3c2a10-5b1e-4c59-9d1e-0a4f3e2b9c11' },
    },
  ],
});

function show(error: unknown, language: Language = 'ru') {
  render(
    <I18nProvider initialLanguage={language}>
      <ErrorDisplay error={error} />
    </I18nProvider>,
  );
}

describe('ErrorDisplay', () => {
  it('shows a generic message and the correlation id for an internal error', () => {
    show(internal);
    expect(screen.getByRole('alert').textContent).toContain('Что-то пошло не так на сервере');
    expect(screen.getByTestId('correlation-id').textContent).toBe(
      'Код обращения: 7f3c2a10-5b1e-4c59-9d1e-0a4f3e2b9c11',
    );
    expect(screen.getByTestId('error-code').textContent).toBe('Код ошибки: INTERNAL');
    // The server's text of an internal error is never shown.
    expect(screen.getByRole('alert').textContent).not.toContain('Internal server error');
  });

  it('speaks English when the UI does', () => {
    show(internal, 'en');
    expect(screen.getByTestId('correlation-id').textContent).toBe(
      'Reference: 7f3c2a10-5b1e-4c59-9d1e-0a4f3e2b9c11',
    );
  });

  it('shows the server message of a business error and no correlation id', () => {
    show(
      new CombinedGraphQLErrors({
        data: null,
        errors: [{ message: 'Валюта XYZ не найдена', extensions: { code: 'NOT_FOUND' } }],
      }),
    );
    expect(screen.getByRole('alert').textContent).toContain('Не найдено');
    expect(screen.getByRole('alert').textContent).toContain('Валюта XYZ не найдена');
    expect(screen.queryByTestId('correlation-id')).toBeNull();
  });

  it('takes the correlation id from X-Request-Id when an HTTP error has no GraphQL body', () => {
    const response = new Response('Bad Gateway', {
      status: 502,
      headers: { 'X-Request-Id': 'req-42', 'Content-Type': 'text/plain' },
    });
    show(new ServerError('Response not successful', { response, bodyText: 'Bad Gateway' }));
    expect(screen.getByTestId('correlation-id').textContent).toBe('Код обращения: req-42');
  });

  it('says the server is unreachable when no answer arrived', () => {
    show(new TypeError('Failed to fetch'));
    expect(screen.getByRole('alert').textContent).toContain('Сервер недоступен');
  });
});

describe('describeApiError', () => {
  it('reads GraphQL errors from the body of a non-2xx JSON answer', () => {
    const body = JSON.stringify({
      errors: [{ message: 'Bad', extensions: { code: 'BAD_REQUEST' } }],
    });
    const response = new Response(body, {
      status: 400,
      headers: { 'Content-Type': 'application/json', 'X-Request-Id': 'req-7' },
    });
    expect(describeApiError(new ServerError('400', { response, bodyText: body }))).toEqual({
      code: 'BAD_REQUEST',
      message: 'Bad',
      correlationId: 'req-7',
      httpStatus: 400,
    });
  });

  it('treats an unknown code as internal', () => {
    const error = new CombinedGraphQLErrors({
      data: null,
      errors: [{ message: 'x', extensions: { code: 'SOMETHING_NEW' } }],
    });
    expect(describeApiError(error).code).toBe('INTERNAL');
  });
});
