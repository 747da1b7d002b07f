package app.premia.platform.errors;

import java.util.List;
import java.util.Objects;

/**
 * A business error a mutation returns as data (GraphQL type {@code UserError}): which input field
 * is at fault, a stable code, and a message for people.
 *
 * @param field path to the input field, e.g. {@code ["input", "email"]}; empty for the whole input
 * @param code one of the SDL's {@code UserErrorCode} values
 * @param message for people, Russian first
 */
public record UserError(List<String> field, Code code, String message) {

  /** Mirrors {@code enum UserErrorCode} in platform.graphqls. */
  public enum Code {
    REQUIRED,
    INVALID,
    NOT_FOUND,
    DUPLICATE,
    FORBIDDEN,
    EXPIRED,
    INVALID_CREDENTIALS,
    LOCKED,
    CONFLICT
  }

  public UserError {
    field = List.copyOf(field);
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  public static UserError of(Code code, String message, String... field) {
    return new UserError(List.of(field), code, message);
  }
}
