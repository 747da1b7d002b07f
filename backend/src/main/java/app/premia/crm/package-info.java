/**
 * The Bitrix24 connection of a tenant and Premia's copy of its CRM (issue #4): connecting a portal
 * by webhook or as an installed app, the full, incremental and reconciling sync, event intake, and
 * the synced facts (deals, leads, contacts, companies, activities, stage history, employees,
 * departments, pipelines, stages, currencies) the KPIs are measured on.
 *
 * <p>Bitrix24 is reached only over HTTP through {@code infrastructure.bitrix}; raw shapes are
 * translated at that edge, and rows that cannot be trusted are quarantined, never written.
 */
package app.premia.crm;
