/** The system clock, produced once so that tests can pin time. */
package app.premia.platform.time;
