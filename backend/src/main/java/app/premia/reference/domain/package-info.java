/** Currencies: codes, minor units and the half-up rounding money lines use. */
package app.premia.reference.domain;
