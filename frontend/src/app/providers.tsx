import { ApolloProvider } from '@apollo/client/react';
import { App as AntdApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import ruRU from 'antd/locale/ru_RU';
import { useEffect, useRef, useState, type ReactNode } from 'react';
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

/** One GraphQL client for the app's lifetime; each request says the current UI language. */
function GraphQLClient({ children }: { children: ReactNode }) {
  const { language } = useI18n();
  const languageRef = useRef(language);
  useEffect(() => {
    languageRef.current = language;
  }, [language]);
  const [client] = useState(() => createApolloClient({ language: () => languageRef.current }));
  return <ApolloProvider client={client}>{children}</ApolloProvider>;
}

/** Everything a page needs around it: language, antd, GraphQL client, router. */
export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <I18nProvider>
      <AntdConfig>
        <GraphQLClient>
          <BrowserRouter>{children}</BrowserRouter>
        </GraphQLClient>
      </AntdConfig>
    </I18nProvider>
  );
}
