/**
 * Use cases and background work of the Bitrix24 connection: {@link
 * app.premia.crm.application.PortalConnections} (requests), {@link
 * app.premia.crm.application.SyncEngine} and {@link app.premia.crm.application.SyncScheduler}
 * (passes, events, offline queue), {@link app.premia.crm.application.SyncTransactions} and {@link
 * app.premia.crm.application.PortalInstalls} (units of work as the system for one tenant, ADR
 * 0014). Bitrix24 itself is behind the {@link app.premia.crm.application.PortalGateway} port.
 */
package app.premia.crm.application;
