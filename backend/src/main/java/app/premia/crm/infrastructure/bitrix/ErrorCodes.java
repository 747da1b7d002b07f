package app.premia.crm.infrastructure.bitrix;

import app.premia.crm.infrastructure.bitrix.BitrixException.Kind;
import java.util.Map;

/**
 * What to do about an error the portal reported, decided by its {@code error} code (compared
 * case-insensitively), not by the HTTP status: the docs and SDKs disagree on several statuses.
 */
final class ErrorCodes {

  /** The client's reaction to an error. */
  enum Action {
    /** Back off exponentially and try again (reads only; writes fail as OUTCOME_UNKNOWN). */
    RETRY,
    /**
     * {@code QUERY_LIMIT_EXCEEDED}: the bucket is full; back off and try again (safe for writes).
     */
    BACK_OFF,
    /** {@code OPERATION_TIME_LIMIT}: park the method until its reset; then try again. */
    PARK,
    /** The access token expired or is unknown: refresh once, repeat (safe for writes). */
    REFRESH,
    /** Give up with {@link Decision#kind()}. */
    FAIL
  }

  record Decision(Action action, Kind kind) {}

  private static final Map<String, Decision> CODES =
      Map.ofEntries(
          Map.entry("QUERY_LIMIT_EXCEEDED", new Decision(Action.BACK_OFF, Kind.RATE_LIMITED)),
          Map.entry("OPERATION_TIME_LIMIT", new Decision(Action.PARK, Kind.OPERATION_LIMITED)),
          Map.entry("EXPIRED_TOKEN", new Decision(Action.REFRESH, Kind.NEEDS_REAUTH)),
          Map.entry("INVALID_TOKEN", new Decision(Action.REFRESH, Kind.NEEDS_REAUTH)),
          Map.entry("NO_AUTH_FOUND", fail(Kind.AUTH)),
          Map.entry("INVALID_CREDENTIALS", fail(Kind.AUTH)),
          Map.entry("INSUFFICIENT_SCOPE", fail(Kind.SCOPE)),
          Map.entry("INVALID_SCOPE", fail(Kind.SCOPE)),
          Map.entry("ACCESS_DENIED", fail(Kind.ACCESS_DENIED)),
          Map.entry("USER_ACCESS_ERROR", fail(Kind.ACCESS_DENIED)),
          Map.entry("WRONG_AUTH_TYPE", fail(Kind.ACCESS_DENIED)),
          Map.entry("ALLOWED_ONLY_INTRANET_USER", fail(Kind.ACCESS_DENIED)),
          Map.entry("METHOD_CONFIRM_WAITING", fail(Kind.ACCESS_DENIED)),
          Map.entry("INVALID_GRANT", fail(Kind.NEEDS_REAUTH)),
          Map.entry("INVALID_CLIENT", fail(Kind.NEEDS_REAUTH)),
          Map.entry("WRONG_CLIENT", fail(Kind.NEEDS_REAUTH)),
          Map.entry("ERROR_OAUTH", fail(Kind.NEEDS_REAUTH)),
          Map.entry("APPLICATION_NOT_FOUND", fail(Kind.NEEDS_REAUTH)),
          Map.entry("PAYMENT_REQUIRED", fail(Kind.PAYMENT_REQUIRED)),
          Map.entry("PORTAL_DELETED", fail(Kind.PORTAL_DELETED)),
          Map.entry("ERROR_METHOD_NOT_FOUND", fail(Kind.METHOD_NOT_FOUND)),
          Map.entry("OVERLOAD_LIMIT", fail(Kind.BLOCKED)),
          Map.entry("INTERNAL_SERVER_ERROR", new Decision(Action.RETRY, Kind.TRANSIENT)),
          Map.entry("ERROR_UNEXPECTED_ANSWER", new Decision(Action.RETRY, Kind.TRANSIENT)));

  private ErrorCodes() {}

  static Decision classify(BitrixError error, int httpStatus) {
    String code = error.normalizedCode();
    if (code.isEmpty()) {
      return error.isNotFound() ? fail(Kind.NOT_FOUND) : fail(Kind.REJECTED);
    }
    Decision known = CODES.get(code);
    if (known != null) {
      return known;
    }
    return httpStatus >= 500 ? new Decision(Action.RETRY, Kind.TRANSIENT) : fail(Kind.REJECTED);
  }

  private static Decision fail(Kind kind) {
    return new Decision(Action.FAIL, kind);
  }
}
