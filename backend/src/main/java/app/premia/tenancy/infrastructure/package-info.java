/**
 * Sessions resolved from the cookie (plain JDBC, before the request's transaction), password
 * hashing with Jakarta Security, random tokens and their hashes.
 */
package app.premia.tenancy.infrastructure;
