/**
 * What other contexts may ask of tenancy: who the caller is in the active tenant and whether he may
 * do a thing there ({@link app.premia.tenancy.api.TenantAccess}).
 */
package app.premia.tenancy.api;
