/** Adapters of the CRM context to the outside world: today the Bitrix24 REST client. */
package app.premia.crm.infrastructure;
