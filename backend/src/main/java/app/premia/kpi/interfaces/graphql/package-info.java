/**
 * The KPI and plan part of the GraphQL schema ({@code kpi.graphqls}, {@code plans.graphqls}):
 * opaque tenant-bound global ids, the caller's visibility ({@code TenantAccess.kpiCaller()}) on
 * every field, and per-request data loaders so that a page of any size costs the same statements.
 */
package app.premia.kpi.interfaces.graphql;
