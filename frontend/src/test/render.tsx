import type { ReactElement, ReactNode } from 'react';
import { MockedProvider, type MockedProviderProps } from '@apollo/client/testing/react';
import { render } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { AntdConfig } from '@/app/providers';
import { I18nProvider, type Language } from '@/shared/i18n';

interface Options {
  route?: string;
  mocks?: MockedProviderProps['mocks'];
  language?: Language;
}

/** Renders `ui` inside the app's providers, with mocked GraphQL and an in-memory router. */
export function renderWithProviders(
  ui: ReactElement,
  { route = '/', mocks = [], language }: Options = {},
) {
  return render(
    <I18nProvider {...(language ? { initialLanguage: language } : {})}>
      <AntdConfig>
        <MockedProvider mocks={mocks}>
          <MemoryRouter initialEntries={[route]}>
            {ui}
            <LocationProbe />
          </MemoryRouter>
        </MockedProvider>
      </AntdConfig>
    </I18nProvider>,
  );
}

/** Shows the router's current URL so tests can assert on URL state. */
function LocationProbe(): ReactNode {
  const { pathname, search } = useLocation();
  return <output data-testid="location">{pathname + search}</output>;
}
