export interface FilterableCurrency {
  code: string;
  numericCode: number;
  nameRu: string;
  nameEn: string;
}

/** Currencies whose code, numeric code or name (in either language) contains `query`, ignoring case. */
export function filterCurrencies<T extends FilterableCurrency>(
  currencies: readonly T[],
  query: string,
): T[] {
  const needle = query.trim().toLocaleLowerCase();
  if (!needle) {
    return [...currencies];
  }
  return currencies.filter((c) =>
    [c.code, String(c.numericCode), c.nameRu, c.nameEn].some((field) =>
      field.toLocaleLowerCase().includes(needle),
    ),
  );
}
