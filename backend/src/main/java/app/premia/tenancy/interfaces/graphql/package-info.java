/** GraphQL for identity and tenancy; business errors become payload errors, ids are opaque. */
package app.premia.tenancy.interfaces.graphql;
