/** HTTP endpoints Bitrix24 portals call: event deliveries and the app install callback. */
package app.premia.crm.interfaces.rest;
