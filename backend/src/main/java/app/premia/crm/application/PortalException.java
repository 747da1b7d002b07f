package app.premia.crm.application;

/**
 * A portal could not be used. The message is safe to show (no secrets) and in Russian, the UI's
 * first language.
 */
public class PortalException extends RuntimeException {

  /** What went wrong, for deciding what to do next. */
  public enum Kind {
    /** The address or webhook URL is not a Bitrix24 REST address. */
    INVALID_ADDRESS,
    /** Credentials were refused or expired for good: the tenant must reconnect. */
    NEEDS_REAUTH,
    /** The access lacks a scope or the portal refuses the method. */
    REFUSED,
    /** Network failures, timeouts or server errors outlasted the retries. */
    UNREACHABLE
  }

  private final Kind kind;

  public PortalException(Kind kind, String safeMessage) {
    super(safeMessage);
    this.kind = kind;
  }

  public PortalException(Kind kind, String safeMessage, Throwable cause) {
    super(safeMessage, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
