/**
 * Technical building blocks with no business rules: configuration, database migration, health, the
 * GraphQL engine and its error model, web edge (request ids, the single-page app), time.
 *
 * <p>Nothing here imports a business context; contexts plug into the platform through small
 * interfaces such as {@link app.premia.platform.graphql.SchemaContribution}.
 */
package app.premia.platform;
