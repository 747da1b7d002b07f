/** GraphQL for reference data: currencies, with a per-request loader batching lookups by code. */
package app.premia.reference.interfaces.graphql;
