package app.premia.platform.migration;

/** The schema could not be brought up to date; the message is written for an operator. */
public class MigrationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MigrationException(String message, Throwable cause) {
    super(message, cause);
  }
}
