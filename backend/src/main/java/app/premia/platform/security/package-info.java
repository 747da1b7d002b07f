/**
 * The identity a unit of work runs for ({@link app.premia.platform.security.RequestIdentity}), held
 * for the thread by {@link app.premia.platform.security.IdentityScope} between the edge that
 * resolved it and the end of the work. Persistence reads it to set the tenant twice: EclipseLink's
 * tenant discriminator and PostgreSQL's row-level security settings.
 */
package app.premia.platform.security;
