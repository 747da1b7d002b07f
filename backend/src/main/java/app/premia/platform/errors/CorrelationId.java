package app.premia.platform.errors;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Identifies one request in the logs and in what the client sees, so a user's report ("код
 * обращения …") leads straight to the log lines. Accepted from an incoming {@code X-Request-Id}
 * only when it is short and plain, else generated.
 */
public record CorrelationId(String value) {

  /** The HTTP header that carries it both ways. */
  public static final String HEADER = "X-Request-Id";

  private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._-]{8,64}");
  private static final SecureRandom RANDOM = new SecureRandom();

  public CorrelationId {
    if (value == null || !ACCEPTABLE.matcher(value).matches()) {
      throw new IllegalArgumentException("not a correlation id: " + value);
    }
  }

  public static CorrelationId generate() {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return new CorrelationId(HexFormat.of().formatHex(bytes));
  }

  /** The client's id when it is acceptable, otherwise a fresh one. */
  public static CorrelationId fromHeaderOrGenerate(String header) {
    return header != null && ACCEPTABLE.matcher(header).matches()
        ? new CorrelationId(header)
        : generate();
  }

  @Override
  public String toString() {
    return value;
  }
}
