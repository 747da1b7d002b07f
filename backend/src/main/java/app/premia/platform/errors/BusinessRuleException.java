package app.premia.platform.errors;

import java.util.List;

/**
 * A use case refused its command for reasons the user can fix. Thrown before anything is written;
 * the interface turns it into the payload's {@code errors} and the transaction is rolled back.
 */
public class BusinessRuleException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<UserError> errors;

  public BusinessRuleException(List<UserError> errors) {
    super(errors.isEmpty() ? "business rule violated" : errors.get(0).message());
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("at least one error");
    }
    this.errors = List.copyOf(errors);
  }

  public BusinessRuleException(UserError error) {
    this(List.of(error));
  }

  public List<UserError> errors() {
    return errors;
  }
}
