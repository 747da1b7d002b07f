/** {@code Query.serverInfo}: what is running and whether its database is current. */
package app.premia.platform.info;
