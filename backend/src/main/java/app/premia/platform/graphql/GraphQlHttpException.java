package app.premia.platform.graphql;

import app.premia.platform.errors.ErrorCode;
import app.premia.platform.errors.PremiaException;

/** A GraphQL-over-HTTP request rejected before execution, with the HTTP status to answer. */
public class GraphQlHttpException extends PremiaException {
  private static final long serialVersionUID = 1L;

  private final int status;

  public GraphQlHttpException(int status, String safeMessage) {
    super(ErrorCode.BAD_REQUEST, safeMessage);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
