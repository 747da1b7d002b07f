import {
  createContext,
  use,
  useCallback,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/ru';
import 'dayjs/locale/en';
import {
  DEFAULT_LANGUAGE,
  INTL_LOCALE,
  LANGUAGES,
  type Dictionary,
  type Language,
  type Messages,
} from './define-messages';

export const LANGUAGE_STORAGE_KEY = 'premia.language';

interface I18nValue {
  language: Language;
  /** BCP 47 tag for Intl: "ru-RU" or "en-US". */
  locale: string;
  setLanguage: (language: Language) => void;
}

const I18nContext = createContext<I18nValue | null>(null);

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE; // storage may be disabled; Russian is the default anyway
  }
}

/** Holds the UI language: Russian unless the user chose English, remembered in localStorage. */
export function I18nProvider({
  children,
  initialLanguage,
}: {
  children: ReactNode;
  initialLanguage?: Language;
}) {
  const [language, setLanguageState] = useState<Language>(() => {
    const initial = initialLanguage ?? storedLanguage();
    dayjs.locale(initial); // before the first render, so antd's date pickers start in it
    return initial;
  });

  const setLanguage = useCallback((next: Language) => {
    dayjs.locale(next);
    setLanguageState(next);
    try {
      window.localStorage.setItem(LANGUAGE_STORAGE_KEY, next);
    } catch {
      // not remembered, still switched
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const value = useMemo<I18nValue>(
    () => ({ language, locale: INTL_LOCALE[language], setLanguage }),
    [language, setLanguage],
  );
  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18nValue {
  const value = use(I18nContext);
  if (!value) {
    throw new Error('useI18n must be used inside <I18nProvider>');
  }
  return value;
}

/** The dictionary of `messages` in the current language. */
export function useMessages<T extends Dictionary>(messages: Messages<T>): Readonly<T> {
  return messages[useI18n().language];
}
