/**
 * Reference data shared by every tenant and written only by migrations: ISO 4217 currencies.
 *
 * <p>Publishes {@link app.premia.reference.domain.CurrencyCatalog} for other contexts and {@code
 * graphql/reference.graphqls} for clients.
 */
package app.premia.reference;
