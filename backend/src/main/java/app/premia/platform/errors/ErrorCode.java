package app.premia.platform.errors;

/**
 * The closed set of error codes a client may see in {@code extensions.code}. Clients branch on
 * these, never on message text. Adding a code is an API change: record it in docs/api/graphql.md.
 */
public enum ErrorCode {
  /** The HTTP request or GraphQL document is malformed (bad JSON, syntax error, no query). */
  BAD_REQUEST,
  /** The document is well-formed but does not fit the schema (unknown field, wrong argument). */
  VALIDATION_FAILED,
  /** A value the user supplied is not acceptable (variables, arguments, mutation input). */
  BAD_USER_INPUT,
  /** No valid credentials. */
  UNAUTHENTICATED,
  /** Authenticated, but this action is not allowed to this user. */
  FORBIDDEN,
  /** The thing does not exist, or is not the caller's to see: the two look the same. */
  NOT_FOUND,
  /** The change conflicts with the current state (stale version, duplicate). */
  CONFLICT,
  /** A service the server depends on (the database) is down for now; retry later. */
  UNAVAILABLE,
  /** Something unexpected failed on the server; the error carries a correlation id. */
  INTERNAL
}
