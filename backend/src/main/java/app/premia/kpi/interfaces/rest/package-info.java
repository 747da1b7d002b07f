/**
 * KPI endpoints outside GraphQL: the plan template download ({@code GET
 * /api/kpi/plans/template.xlsx}), authenticated by the same session cookie as {@code /graphql} and
 * run in one transaction in the caller's tenant.
 */
package app.premia.kpi.interfaces.rest;
