/**
 * CRM facts read from the tenant's Bitrix24 portal: deals, leads, contacts, companies, activities,
 * stage history, users, departments and the dictionaries they refer to.
 *
 * <p>The {@code domain} package holds the typed, validated records the rest of Premia computes on.
 * The {@code infrastructure.bitrix} package is the only place that speaks the Bitrix24 REST
 * protocol; its {@code translate} subpackage turns raw rows into domain records or quarantines
 * them. Raw Bitrix24 JSON never leaves {@code infrastructure}.
 */
package app.premia.crm;
