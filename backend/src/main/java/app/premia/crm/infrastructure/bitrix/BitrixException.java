package app.premia.crm.infrastructure.bitrix;

/**
 * A Bitrix24 call that did not succeed, classified by what the caller should do about it. The
 * message names the method, the portal's error code and at most 200 characters of its description;
 * it never contains a URL, a token or a webhook code.
 */
public final class BitrixException extends RuntimeException {

  /** What kind of failure this is; decides what the caller does next. */
  public enum Kind {
    /** Server errors, timeouts, dropped connections, unreadable bodies: retried, still failing. */
    TRANSIENT,
    /** A write whose outcome is unknown (timeout, dropped connection, 5xx); not retried. */
    OUTCOME_UNKNOWN,
    /** {@code QUERY_LIMIT_EXCEEDED} persisted through every backoff. */
    RATE_LIMITED,
    /** {@code OPERATION_TIME_LIMIT} persisted through every park. */
    OPERATION_LIMITED,
    /** The record does not exist (or the caller may not see it). */
    NOT_FOUND,
    /**
     * Wrong or expired webhook / credentials ({@code NO_AUTH_FOUND}, {@code INVALID_CREDENTIALS}).
     */
    AUTH,
    /** The webhook or application lacks the method's scope. */
    SCOPE,
    /** Permission problems: plan without REST, app restricted to some users, wrong auth type. */
    ACCESS_DENIED,
    /** The tenant must reinstall or re-authorize the application ({@code invalid_grant}, ...). */
    NEEDS_REAUTH,
    /** The Marketplace subscription ended. */
    PAYMENT_REQUIRED,
    /** The portal no longer exists: stop syncing it. */
    PORTAL_DELETED,
    /** Unknown method (or a REST 3 method on {@code /rest/}). */
    METHOD_NOT_FOUND,
    /** Bitrix24 blocked REST for the portal by hand ({@code OVERLOAD_LIMIT}). */
    BLOCKED,
    /** The portal refused the request as invalid (bad filter, empty error code, ...). */
    REJECTED,
    /** The calling thread was interrupted while waiting; its interrupt flag is set again. */
    INTERRUPTED
  }

  private final Kind kind;
  private final String method;
  private final String errorCode;
  private final int httpStatus;

  public BitrixException(
      Kind kind, String method, String errorCode, int httpStatus, String detail, Throwable cause) {
    super(message(kind, method, errorCode, httpStatus, detail), cause);
    this.kind = kind;
    this.method = method;
    this.errorCode = errorCode;
    this.httpStatus = httpStatus;
  }

  public BitrixException(Kind kind, String method, String detail) {
    this(kind, method, null, 0, detail, null);
  }

  public Kind kind() {
    return kind;
  }

  /** The REST method (or {@code batch}, or {@code oauth}) that failed. */
  public String method() {
    return method;
  }

  /** The portal's {@code error} code as sent, or null for transport failures. */
  public String errorCode() {
    return errorCode;
  }

  /** The HTTP status, or 0 when there was no response. */
  public int httpStatus() {
    return httpStatus;
  }

  private static String message(
      Kind kind, String method, String errorCode, int httpStatus, String detail) {
    StringBuilder m = new StringBuilder();
    m.append(method == null ? "Bitrix24 call" : method).append(" failed (").append(kind);
    if (errorCode != null && !errorCode.isEmpty()) {
      m.append(", ").append(errorCode);
    }
    if (httpStatus > 0) {
      m.append(", HTTP ").append(httpStatus);
    }
    m.append(')');
    if (detail != null && !detail.isBlank()) {
      String d = detail.strip();
      m.append(": ").append(d.length() > 200 ? d.substring(0, 200) + "…" : d);
    }
    return m.toString();
  }
}
