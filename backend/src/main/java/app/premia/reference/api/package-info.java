/** The reference context's published API: the only part other contexts may use. */
package app.premia.reference.api;
