/** Compensation's adapters: the CDI beans behind the application's ports. */
package app.premia.compensation.infrastructure;
