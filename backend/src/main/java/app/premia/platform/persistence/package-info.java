/**
 * Persistence plumbing: the pooled data source of the runtime role, the application-managed JPA
 * unit (EclipseLink, JTA) and one entity manager per transaction. No schema generation: the schema
 * belongs to Liquibase.
 */
package app.premia.platform.persistence;
