/**
 * Money arrives from the API as an exact decimal string (GraphQL scalar `Decimal`). It is formatted
 * straight from that string: Intl.NumberFormat (ECMA-402 NumberFormat v3) formats a numeric string
 * exactly, so amounts beyond 2^53 minor units keep every digit. Never pass money through
 * `Number`/`parseFloat`.
 */

/** A plain decimal: optional minus, digits, optional fraction. No exponent, no plus, no grouping. */
const DECIMAL = /^-?\d+(\.\d+)?$/;
const CURRENCY_CODE = /^[A-Z]{3}$/;

export class InvalidMoneyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidMoneyError';
  }
}

export function isDecimalString(value: string): boolean {
  return DECIMAL.test(value);
}

/**
 * Formats `amount` in `currency` for `locale` (BCP 47, e.g. "ru-RU", "en-US").
 *
 * Rounds half away from zero ("0.005" → "0,01 ₽") to `minorUnits` digits, or to the currency's
 * ISO 4217 digits when `minorUnits` is not given. A result that rounds to zero is shown without a minus.
 *
 * @throws InvalidMoneyError when `amount` is not a plain decimal string or `currency` is not an
 *   ISO 4217 alphabetic code.
 */
export function formatMoney(
  amount: string,
  currency: string,
  locale: string,
  minorUnits?: number,
): string {
  if (!isDecimalString(amount)) {
    throw new InvalidMoneyError(`Not a decimal amount: "${amount}"`);
  }
  if (!CURRENCY_CODE.test(currency)) {
    throw new InvalidMoneyError(`Not an ISO 4217 currency code: "${currency}"`);
  }
  if (minorUnits !== undefined && !(Number.isInteger(minorUnits) && minorUnits >= 0)) {
    throw new InvalidMoneyError(`Minor units must be a non-negative integer: ${minorUnits}`);
  }
  return moneyFormat(locale, currency, minorUnits).format(amount as Intl.StringNumericLiteral);
}

const cache = new Map<string, Intl.NumberFormat>();

function moneyFormat(locale: string, currency: string, minorUnits?: number): Intl.NumberFormat {
  const key = `${locale}|${currency}|${minorUnits ?? ''}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      roundingMode: 'halfExpand',
      signDisplay: 'negative',
      ...(minorUnits === undefined
        ? {}
        : { minimumFractionDigits: minorUnits, maximumFractionDigits: minorUnits }),
    });
    cache.set(key, format);
  }
  return format;
}

/**
 * A short money figure for chart axes, «1,2 млн ₽» / "RUB 1.2M". Takes a chart's float (an axis
 * tick), never an amount from the API: those go through {@link formatMoney}.
 */
export function compactMoney(value: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(value);
}
