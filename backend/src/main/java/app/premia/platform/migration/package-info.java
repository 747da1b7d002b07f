/**
 * Applies the Liquibase changelog (module {@code db/}) at start-up as the schema owner, before the
 * server reports ready. The only writer of the schema; JPA never generates DDL.
 */
package app.premia.platform.migration;
