/**
 * Reference data shared by every tenant and written only by migrations: ISO 4217 currencies.
 *
 * <p>Publishes {@code graphql/reference.graphqls} for clients. No other context uses it yet; the
 * first one that does gets a {@code reference.api} package (the architecture test allows nothing
 * else across contexts).
 */
package app.premia.reference;
