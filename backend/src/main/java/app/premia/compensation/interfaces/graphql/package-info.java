/** GraphQL for compensation: schemes, versions, assignments, the template library, proposals. */
package app.premia.compensation.interfaces.graphql;
