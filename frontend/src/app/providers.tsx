import { ApolloProvider } from '@apollo/client/react';
import { App as AntdApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import ruRU from 'antd/locale/ru_RU';
import { useState, type ReactNode } from 'react';
import { BrowserRouter } from 'react-router-dom';
import { I18nProvider, useI18n, type Language } from '@/shared/i18n';
import { createApolloClient } from './apollo-client';

const ANTD_LOCALES = { ru: ruRU, en: enUS } satisfies Record<Language, unknown>;

/** Ant Design follows the UI language (its own texts, date pickers via dayjs). */
export function AntdConfig({ children }: { children: ReactNode }) {
  const { language } = useI18n();
  return (
    <ConfigProvider locale={ANTD_LOCALES[language]}>
      <AntdApp>{children}</AntdApp>
    </ConfigProvider>
  );
}

/** Everything a page needs around it: language, antd, GraphQL client, router. */
export function AppProviders({ children }: { children: ReactNode }) {
  const [client] = useState(createApolloClient);
  return (
    <I18nProvider>
      <AntdConfig>
        <ApolloProvider client={client}>
          <BrowserRouter>{children}</BrowserRouter>
        </ApolloProvider>
      </AntdConfig>
    </I18nProvider>
  );
}
