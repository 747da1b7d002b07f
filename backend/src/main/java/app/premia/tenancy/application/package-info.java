/**
 * Tenancy use cases (each owns its transaction): {@link app.premia.tenancy.application.Identity}
 * (sign-in/out, tenant switch, invitations, resets), {@link
 * app.premia.tenancy.application.ClientCompanies} (the consultancy console), {@link
 * app.premia.tenancy.application.TenantUsers} (users of the active tenant), with authorization in
 * {@link app.premia.tenancy.application.AccessPolicy}.
 */
package app.premia.tenancy.application;
