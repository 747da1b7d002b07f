/**
 * The Bitrix24 connection of a tenant and Premia's copy of its CRM (issue #4): connecting a portal
 * by webhook or as an installed app, the full, incremental and reconciling sync, event intake, and
 * the synced facts (deals, leads, contacts, companies, activities, stage history, employees,
 * departments, pipelines, stages, currencies) the KPIs are measured on.
 *
 * <p>The {@code domain} package holds the typed, validated records the rest of Premia computes on.
 * The {@code infrastructure.bitrix} package is the only place that speaks the Bitrix24 REST
 * protocol; its {@code translate} subpackage turns raw rows into domain records or quarantines
 * them. Raw Bitrix24 JSON never leaves {@code infrastructure}. The {@code application} package runs
 * the passes and events behind the {@link app.premia.crm.application.PortalGateway} port.
 */
package app.premia.crm;
