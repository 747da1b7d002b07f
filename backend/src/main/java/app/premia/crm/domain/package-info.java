/**
 * Typed CRM facts as Premia understands them, independent of how Bitrix24 serialises them.
 *
 * <p>Every record here has passed the edge translator: identifiers are positive, "no reference" is
 * {@code null} (never {@code 0}), money is a non-negative {@link java.math.BigDecimal} with an ISO
 * currency code, stages are known to the portal's dictionaries. Rows that could not be read that
 * way never become facts; they are quarantined with a {@link QuarantineReason}.
 */
package app.premia.crm.domain;
