import type { ReactElement, ReactNode } from 'react';
import type { ApolloCache } from '@apollo/client';
import { MockedProvider, type MockedProviderProps } from '@apollo/client/testing/react';
import { render } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { createApolloCache } from '@/app/apollo-client';
import { AntdConfig } from '@/app/providers';
import { I18nProvider, type Language } from '@/shared/i18n';

interface Options {
  route?: string;
  mocks?: MockedProviderProps['mocks'];
  language?: Language;
  /** The app's cache (type policies, pagination) unless a test brings its own. */
  cache?: ApolloCache;
}

/** Renders `ui` inside the app's providers, with mocked GraphQL and an in-memory router. */
export function renderWithProviders(
  ui: ReactElement,
  { route = '/', mocks = [], language, cache = createApolloCache() }: Options = {},
) {
  return render(
    <I18nProvider {...(language ? { initialLanguage: language } : {})}>
      <AntdConfig>
        <MockedProvider mocks={mocks} cache={cache}>
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
