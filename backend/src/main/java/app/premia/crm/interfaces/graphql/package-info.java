/** GraphQL of the Bitrix24 connection: {@code graphql/crm.graphqls}. */
package app.premia.crm.interfaces.graphql;
