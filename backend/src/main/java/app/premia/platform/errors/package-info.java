/**
 * The error model shared by every interface: a closed set of {@link
 * app.premia.platform.errors.ErrorCode codes}, exceptions whose messages are safe to show, and the
 * correlation id that ties what a user sees to the server log.
 */
package app.premia.platform.errors;
