/**
 * The GraphQL engine: schema-first (SDL per context under {@code graphql/}), a DataLoader registry
 * per request, shared scalars, GraphQL-over-HTTP status codes, and errors that always carry a code
 * from {@link app.premia.platform.errors.ErrorCode} and never exception text.
 */
package app.premia.platform.graphql;
