package app.premia.platform.errors;

import java.util.Objects;

/**
 * An expected failure whose message is safe to show to the client: written for the user, holding no
 * internals. Anything else that escapes to the API becomes {@link ErrorCode#INTERNAL} with a
 * generic message.
 */
public class PremiaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;

  public PremiaException(ErrorCode code, String safeMessage) {
    super(Objects.requireNonNull(safeMessage, "safeMessage"));
    this.code = Objects.requireNonNull(code, "code");
  }

  public ErrorCode code() {
    return code;
  }
}
