/** JPA implementation of the currency catalog. */
package app.premia.reference.infrastructure;
