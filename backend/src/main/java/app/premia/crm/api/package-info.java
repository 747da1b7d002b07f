/**
 * What other contexts may learn from crm: that a tenant's synced facts changed ({@link
 * app.premia.crm.api.CrmFactsChanged}, a CDI event fired after each sync pass and event drain).
 */
package app.premia.crm.api;
