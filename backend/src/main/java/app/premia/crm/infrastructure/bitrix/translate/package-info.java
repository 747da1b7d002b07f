/**
 * The edge translator: raw Bitrix24 rows (JSON-P objects) into {@code app.premia.crm.domain} facts,
 * or into quarantine with a stable reason.
 *
 * <p>Lenient where Bitrix24 is inconsistent (ids and integers as strings or numbers, money as
 * {@code "15000.00"} or a JSON number, flags as Y/N, 1/0 or booleans, "no reference" as {@code
 * "0"}, {@code ""} or null, dates as the first 10 characters of a datetime), strict against garbage
 * (a comma decimal is never guessed, wrong JSON types, unknown stages, over-long texts are
 * quarantined, not truncated). The rules are in {@code docs/architecture/bitrix-client.md}.
 */
package app.premia.crm.infrastructure.bitrix.translate;
