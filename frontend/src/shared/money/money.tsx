import { Typography, theme } from 'antd';
import { INTL_LOCALE, useI18n } from '../i18n';
import { deltaText, moneyText } from './money-text';

/** An amount from the API (a decimal string) in the tenant's currency; "—" for none. */
export function Money({
  value,
  currency,
  testId,
}: {
  value: string | null | undefined;
  currency: string;
  testId?: string;
}) {
  const { language } = useI18n();
  return (
    <span data-testid={testId} style={{ whiteSpace: 'nowrap' }}>
      {value === null || value === undefined
        ? '—'
        : moneyText(value, currency, INTL_LOCALE[language])}
    </span>
  );
}

/** A difference coloured by its sign: more green, less red, none plain. */
export function MoneyDelta({
  value,
  currency,
  testId,
}: {
  value: string;
  currency: string;
  testId?: string;
}) {
  const { language } = useI18n();
  const { token } = theme.useToken();
  const { text, sign } = deltaText(value, currency, INTL_LOCALE[language]);
  const color = sign === 'up' ? token.colorSuccess : sign === 'down' ? token.colorError : undefined;
  return (
    <Typography.Text
      data-testid={testId}
      data-sign={sign}
      style={{ color, whiteSpace: 'nowrap' }}
      strong={sign !== 'same'}
    >
      {text}
    </Typography.Text>
  );
}
