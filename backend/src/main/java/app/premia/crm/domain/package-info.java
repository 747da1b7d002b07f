/**
 * Synced CRM facts as plain records, already translated from Bitrix24's raw shapes: exact money,
 * real dates with offsets, stage semantics. No framework types.
 */
package app.premia.crm.domain;
