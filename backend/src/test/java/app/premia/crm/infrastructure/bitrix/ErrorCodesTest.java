package app.premia.crm.infrastructure.bitrix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.premia.crm.infrastructure.bitrix.BitrixException.Kind;
import app.premia.crm.infrastructure.bitrix.ErrorCodes.Action;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Classification by the error code, case-insensitively, whatever the HTTP status says. */
class ErrorCodesTest {

  @ParameterizedTest
  @CsvSource({
    "QUERY_LIMIT_EXCEEDED, 503, BACK_OFF, RATE_LIMITED",
    "query_limit_exceeded, 429, BACK_OFF, RATE_LIMITED",
    "OPERATION_TIME_LIMIT, 429, PARK, OPERATION_LIMITED",
    "expired_token, 401, REFRESH, NEEDS_REAUTH",
    "invalid_token, 401, REFRESH, NEEDS_REAUTH",
    "NO_AUTH_FOUND, 401, FAIL, AUTH",
    "INVALID_CREDENTIALS, 403, FAIL, AUTH",
    "insufficient_scope, 401, FAIL, SCOPE",
    "ACCESS_DENIED, 403, FAIL, ACCESS_DENIED",
    "WRONG_AUTH_TYPE, 403, FAIL, ACCESS_DENIED",
    "invalid_grant, 400, FAIL, NEEDS_REAUTH",
    "PAYMENT_REQUIRED, 401, FAIL, PAYMENT_REQUIRED",
    "PORTAL_DELETED, 500, FAIL, PORTAL_DELETED",
    "PORTAL_DELETED, 410, FAIL, PORTAL_DELETED",
    "ERROR_METHOD_NOT_FOUND, 404, FAIL, METHOD_NOT_FOUND",
    "OVERLOAD_LIMIT, 503, FAIL, BLOCKED",
    "INTERNAL_SERVER_ERROR, 500, RETRY, TRANSIENT",
    "ERROR_UNEXPECTED_ANSWER, 500, RETRY, TRANSIENT",
    "SOMETHING_NEW, 502, RETRY, TRANSIENT",
    "INVALID_ARG_VALUE, 400, FAIL, REJECTED",
    "SOMETHING_NEW, 400, FAIL, REJECTED"
  })
  void byCode(String code, int status, Action action, Kind kind) {
    var d = ErrorCodes.classify(new BitrixError(code, "x"), status);
    assertEquals(action, d.action());
    assertEquals(kind, d.kind());
  }

  @ParameterizedTest
  @CsvSource({
    "'', Not found, NOT_FOUND",
    "'', Access denied., REJECTED",
    "0, Not found, NOT_FOUND"
  })
  void emptyCodes_byDescription(String code, String description, Kind kind) {
    var d = ErrorCodes.classify(new BitrixError(code, description), 400);
    assertEquals(Action.FAIL, d.action());
    assertEquals(kind, d.kind());
  }
}
