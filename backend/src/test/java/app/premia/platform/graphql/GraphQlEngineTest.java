package app.premia.platform.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.premia.platform.config.RuntimeProfile;
import app.premia.platform.errors.CorrelationId;
import app.premia.platform.errors.ErrorCode;
import app.premia.platform.errors.PremiaException;
import graphql.ExecutionResult;
import graphql.schema.idl.RuntimeWiring;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GraphQlEngineTest {

  private static final CorrelationId ID = new CorrelationId("test-correlation-1");

  private final List<LogRecord> logged = new ArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private final Logger errorsLog = Logger.getLogger(GraphQlErrors.class.getName());

  @BeforeEach
  void captureLog() {
    errorsLog.addHandler(capture);
  }

  @AfterEach
  void releaseLog() {
    errorsLog.removeHandler(capture);
  }

  private static GraphQlEngine engine(RuntimeProfile profile) {
    SchemaContribution platform =
        new SchemaContribution() {
          @Override
          public String sdlResource() {
            return GraphQlEngine.PLATFORM_SDL;
          }

          @Override
          public void wire(RuntimeWiring.Builder wiring) {
            // serverInfo deliberately left unwired: a null for a non-null field is a server bug
          }
        };
    SchemaContribution fixture =
        new SchemaContribution() {
          @Override
          public String sdlResource() {
            return "graphql/engine-test.graphqls";
          }

          @Override
          public void wire(RuntimeWiring.Builder wiring) {
            wiring.type(
                "Query",
                type ->
                    type.dataFetcher(
                            "boom",
                            env -> {
                              throw new IllegalStateException("password=hunter2 at db:5432");
                            })
                        .dataFetcher(
                            "refused",
                            env -> {
                              throw new PremiaException(
                                  ErrorCode.FORBIDDEN, "Only a tenant admin may do this.");
                            })
                        .dataFetcher(
                            "outage",
                            env -> {
                              throw new IllegalStateException(
                                  "Cannot read database facts",
                                  new java.sql.SQLException(
                                      "Connection to 127.0.0.1:1 refused.", "08001"));
                            })
                        .dataFetcher(
                            "echo",
                            env ->
                                env.<BigDecimal>getArgument("amount").toPlainString()
                                    + " on "
                                    + env.getArgument("on")));
          }
        };
    return new GraphQlEngine(List.of(platform, fixture), profile);
  }

  private static ExecutionResult run(GraphQlEngine engine, String query, Map<String, Object> vars) {
    return engine.execute(new GraphQlRequest(query, null, vars), new RequestContext(ID));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> firstError(ExecutionResult result) {
    List<Map<String, Object>> errors =
        (List<Map<String, Object>>) result.toSpecification().get("errors");
    assertNotNull(errors, "expected errors");
    return errors.get(0);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> extensions(Map<String, Object> error) {
    return (Map<String, Object>) error.get("extensions");
  }

  @Test
  void unexpectedException_becomesGenericInternalError_withCorrelationIdThatIsLogged() {
    ExecutionResult result = run(engine(RuntimeProfile.PROD), "{ boom }", Map.of());

    Map<String, Object> error = firstError(result);
    assertEquals(GraphQlErrors.INTERNAL_MESSAGE, error.get("message"));
    assertEquals("INTERNAL", extensions(error).get("code"));
    assertEquals(ID.value(), extensions(error).get("correlationId"));
    assertFalse(result.toSpecification().toString().contains("hunter2"), "exception text leaked");
    assertFalse(extensions(error).containsKey("classification"));
    assertTrue(
        logged.stream()
            .anyMatch(
                r ->
                    r.getMessage().contains(ID.value())
                        && r.getThrown() != null
                        && r.getThrown().getMessage().contains("hunter2")),
        "the log must hold the exception under the correlation id");
  }

  @Test
  void databaseOutage_isUnavailable_loggedInOneLineWithoutStackTrace() {
    Map<String, Object> error =
        firstError(run(engine(RuntimeProfile.PROD), "{ outage }", Map.of()));
    assertEquals("UNAVAILABLE", extensions(error).get("code"));
    assertEquals(ID.value(), extensions(error).get("correlationId"));
    assertFalse(String.valueOf(error.get("message")).contains("127.0.0.1"));
    LogRecord record =
        logged.stream().filter(r -> r.getMessage().contains(ID.value())).findFirst().orElseThrow();
    assertEquals(null, record.getThrown(), "an outage is not a bug: no stack trace");
    assertTrue(record.getMessage().contains("Connection to 127.0.0.1:1 refused."));
  }

  @Test
  void expectedFailure_keepsItsSafeMessageAndCode() {
    Map<String, Object> error =
        firstError(run(engine(RuntimeProfile.PROD), "{ refused }", Map.of()));
    assertEquals("Only a tenant admin may do this.", error.get("message"));
    assertEquals("FORBIDDEN", extensions(error).get("code"));
    assertEquals(List.of("refused"), error.get("path"));
  }

  @Test
  void syntaxError_isBadRequest_andHasNoData() {
    ExecutionResult result = run(engine(RuntimeProfile.PROD), "{ boom ", Map.of());
    assertFalse(result.isDataPresent());
    assertEquals("BAD_REQUEST", extensions(firstError(result)).get("code"));
  }

  @Test
  void unknownField_isValidationFailed_andHasNoData() {
    ExecutionResult result = run(engine(RuntimeProfile.PROD), "{ nothingHere }", Map.of());
    assertFalse(result.isDataPresent());
    assertEquals("VALIDATION_FAILED", extensions(firstError(result)).get("code"));
  }

  @Test
  void badVariableValue_isBadUserInput() {
    ExecutionResult result =
        run(
            engine(RuntimeProfile.PROD),
            "query($a: Decimal!) { echo(amount: $a) }",
            Map.of("a", 12.5d));
    assertFalse(result.isDataPresent());
    Map<String, Object> error = firstError(result);
    assertEquals("BAD_USER_INPUT", extensions(error).get("code"));
    assertTrue(String.valueOf(error.get("message")).contains("Decimal must be"));
  }

  @Test
  void decimalAndDateArguments_arriveAsExactJavaValues() {
    ExecutionResult result =
        run(
            engine(RuntimeProfile.PROD),
            "query($a: Decimal!) { echo(amount: $a, on: \"2026-11-30\") }",
            Map.of("a", "1000000.10"));
    assertTrue(result.getErrors().isEmpty(), () -> result.getErrors().toString());
    assertEquals(Map.of("echo", "1000000.10 on 2026-11-30"), result.getData());
  }

  @Test
  void nullForNonNullField_isReportedAsInternal_notAsGraphQlJavaText() {
    ExecutionResult result = run(engine(RuntimeProfile.PROD), "{ serverInfo { name } }", Map.of());
    assertNull(result.getData());
    Map<String, Object> error = firstError(result);
    assertEquals("INTERNAL", extensions(error).get("code"));
    assertEquals(GraphQlErrors.INTERNAL_MESSAGE, error.get("message"));
  }

  @Test
  void introspection_isOnlyAvailableInTheDevProfile() {
    String query = "{ __schema { queryType { name } } }";
    assertTrue(run(engine(RuntimeProfile.DEV), query, Map.of()).getErrors().isEmpty());
    ExecutionResult prod = run(engine(RuntimeProfile.PROD), query, Map.of());
    assertFalse(prod.getErrors().isEmpty(), "introspection must be refused outside dev");
    assertEquals("FORBIDDEN", extensions(firstError(prod)).get("code"));
  }
}
