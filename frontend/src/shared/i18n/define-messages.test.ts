import { describe, expect, it } from 'vitest';
import { interpolate, LANGUAGES, type Messages } from './define-messages';

/** Every dictionary in the app: each `messages.ts` exports one or more `defineMessages(...)`. */
const modules = import.meta.glob<Record<string, unknown>>('/src/**/messages.ts', { eager: true });

function isMessages(value: unknown): value is Messages<Record<string, string>> {
  return typeof value === 'object' && value !== null && LANGUAGES.every((l) => l in value);
}

const dictionaries = Object.entries(modules).flatMap(([path, exports]) =>
  Object.entries(exports)
    .filter(([, value]) => isMessages(value))
    .map(
      ([name, value]) => [`${path}#${name}`, value as Messages<Record<string, string>>] as const,
    ),
);

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI dictionaries', () => {
  it('are found (the app, the shared error display and access labels, every feature)', () => {
    const names = dictionaries.map(([name]) => name);
    expect(names).toEqual(
      expect.arrayContaining([
        '/src/app/messages.ts#appMessages',
        '/src/shared/errors/messages.ts#errorMessages',
        '/src/features/overview/messages.ts#overviewMessages',
        '/src/features/currencies/messages.ts#currencyMessages',
        '/src/shared/access/messages.ts#accessRoleMessages',
        '/src/shared/access/messages.ts#membershipStatusMessages',
        '/src/features/identity/messages.ts#identityMessages',
        '/src/features/client-companies/messages.ts#clientCompanyMessages',
        '/src/features/client-companies/messages.ts#timeZoneMessages',
        '/src/features/tenant-users/messages.ts#tenantUserMessages',
        '/src/features/integration/messages.ts#integrationMessages',
        '/src/features/integration/messages.ts#crmEntityMessages',
        '/src/features/integration/messages.ts#syncPhaseMessages',
        '/src/features/integration/messages.ts#syncModeMessages',
        '/src/features/integration/messages.ts#portalModeMessages',
        '/src/features/integration/messages.ts#portalStatusMessages',
        '/src/features/kpi/messages.ts#kpiMessages',
      ]),
    );
  });

  describe.each(dictionaries)('%s', (_, messages) => {
    it('has the same keys in Russian and English', () => {
      expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages.ru).sort());
    });

    it.each(LANGUAGES)('has no empty string in %s', (language) => {
      for (const [key, text] of Object.entries(messages[language])) {
        expect(text.trim(), `${language}.${key}`).not.toBe('');
      }
    });

    it('uses the same placeholders in both languages', () => {
      for (const key of Object.keys(messages.ru)) {
        expect(placeholders(messages.en[key] ?? ''), key).toEqual(placeholders(messages.ru[key]!));
      }
    });

    it('writes the Russian texts in Russian', () => {
      const russian = Object.values(messages.ru).filter((text) => /[а-яё]/i.test(text));
      expect(russian.length).toBeGreaterThan(0);
    });
  });
});

describe('interpolate', () => {
  it('replaces known placeholders and leaves unknown ones visible', () => {
    expect(interpolate('Код обращения: {id}', { id: 'abc' })).toBe('Код обращения: abc');
    expect(interpolate('{a} и {b}', { a: 1 })).toBe('1 и {b}');
  });
});
