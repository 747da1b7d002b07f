/**
 * Every UI string exists in Russian first and English second. A feature keeps its strings next to
 * its code in a `messages.ts` that calls {@link defineMessages}; the English dictionary must have
 * exactly the Russian keys (the compiler checks it, and a unit test checks every `messages.ts`).
 */

export const LANGUAGES = ['ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'ru';

/** BCP 47 tags used for Intl formatting of numbers, money and dates. */
export const INTL_LOCALE: Record<Language, string> = { ru: 'ru-RU', en: 'en-US' };

export type Dictionary = Record<string, string>;
export type Messages<T extends Dictionary> = Readonly<Record<Language, Readonly<T>>>;

export function defineMessages<const T extends Dictionary>(
  ru: T,
  en: NoInfer<{ [K in keyof T]: string }>,
): Messages<{ [K in keyof T]: string }> {
  return { ru, en };
}

/** Replaces `{name}` placeholders: `interpolate('Код: {id}', { id: 'x' })` → `Код: x`. */
export function interpolate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in values ? String(values[name]) : match,
  );
}
