package app.premia.sandbox;

/** A REST error answer: HTTP status plus the {@code error}/{@code error_description} envelope. */
final class RestError extends RuntimeException {
  final int status;
  final String code;

  RestError(int status, String code, String description) {
    super(description, null, false, false);
    this.status = status;
    this.code = code;
  }

  static RestError notFound() {
    return new RestError(400, "", "Not found");
  }

  static RestError badArg(String description) {
    return new RestError(400, "", description);
  }
}
