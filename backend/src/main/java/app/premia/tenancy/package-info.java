/**
 * Tenancy, identity and access: consultancies and their client companies (tenants), the people who
 * sign in, their access roles, sessions, invitations and password resets.
 *
 * <p>Guards the rule this product lives by: a request works in exactly one tenant, derived from its
 * verified session, and sees nothing of any other. Publishes {@code graphql/identity.graphqls} and
 * {@code graphql/tenancy.graphqls}, and the platform's {@link
 * app.premia.platform.security.IdentityResolver}.
 */
package app.premia.tenancy;
