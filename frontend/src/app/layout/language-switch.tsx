import { Segmented } from 'antd';
import { LANGUAGES, useI18n, useMessages, type Language } from '@/shared/i18n';
import { appMessages } from '../messages';

/** Language names are written in their own language, as users look for them. */
const LANGUAGE_LABELS: Record<Language, { short: string; name: string }> = {
  ru: { short: 'RU', name: 'Русский' },
  en: { short: 'EN', name: 'English' },
};

export function LanguageSwitch() {
  const { language, setLanguage } = useI18n();
  const t = useMessages(appMessages);
  return (
    <Segmented<Language>
      aria-label={t.language}
      value={language}
      onChange={setLanguage}
      options={LANGUAGES.map((l) => ({
        value: l,
        label: (
          <span lang={l} title={LANGUAGE_LABELS[l].name} data-testid={`language-${l}`}>
            {LANGUAGE_LABELS[l].short}
          </span>
        ),
      }))}
    />
  );
}
