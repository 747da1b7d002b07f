/**
 * Consultancies, tenants, users, memberships, sessions and link tokens, with the rules each guards
 * (lock-out after failed sign-ins, single-use expiring tokens, membership life cycle).
 */
package app.premia.tenancy.domain;
