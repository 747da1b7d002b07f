/** The server's settings (MicroProfile Config; environment variables override local defaults). */
package app.premia.platform.config;
