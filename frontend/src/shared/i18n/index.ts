export {
  DEFAULT_LANGUAGE,
  INTL_LOCALE,
  LANGUAGES,
  defineMessages,
  interpolate,
  type Language,
  type Messages,
} from './define-messages';
export { I18nProvider, LANGUAGE_STORAGE_KEY, useI18n, useMessages } from './i18n-context';
