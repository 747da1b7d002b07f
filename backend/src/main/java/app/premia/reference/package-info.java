/**
 * Reference data shared by every tenant and written only by migrations: ISO 4217 currencies.
 *
 * <p>Publishes {@code graphql/reference.graphqls} for clients and {@link
 * app.premia.reference.api.Currencies} for other contexts (the only way in).
 */
package app.premia.reference;
