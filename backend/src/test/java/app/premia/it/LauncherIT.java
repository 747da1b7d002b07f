package app.premia.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Starts Premia the way operators do, through {@code infra/scripts/start-backend.sh}, with a
 * database URL that points nowhere. The server must come up, say clearly why it is not ready, stay
 * DOWN on {@code /health/ready}, and keep retrying with one line per attempt instead of a stack
 * trace loop.
 */
class LauncherIT {

  private static final String BROKEN_URL = "jdbc:postgresql://127.0.0.1:1/premia_nowhere";
  private static final Duration START_LIMIT = Duration.ofMinutes(4);

  private static Process server;
  private static Path log;
  private static URI base;
  private static String startupLog;

  @BeforeAll
  static void startWithABrokenDatabaseUrl() throws Exception {
    int port = freePort();
    base = URI.create("http://127.0.0.1:" + port + "/");
    log = Files.createTempFile("premia-launcher-it", ".log");
    Path script = Path.of("..", "infra", "scripts", "start-backend.sh").toAbsolutePath();
    ProcessBuilder builder =
        new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    builder.environment().put("PORT", String.valueOf(port));
    builder.environment().put("DB_URL", BROKEN_URL);
    builder.environment().put("PREMIA_PROFILE", "test");
    builder.environment().put("PREMIA_HEAP", "384m");
    server = builder.start();

    Instant deadline = Instant.now().plus(START_LIMIT);
    while (Instant.now().isBefore(deadline)) {
      if (!server.isAlive()) {
        throw new AssertionError("the server exited early:\n" + Files.readString(log));
      }
      // wait for the first retry as well (5 s after the first attempt), before any request
      if (failureLines().size() >= 2 && answers("/health/live")) {
        startupLog = logText();
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the server did not come up in " + START_LIMIT + ":\n" + logText());
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      // kill the JVM the script exec'd into; Payara removes its temporary root on SIGTERM
      server.destroy();
      if (!server.waitFor(30, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  @Test
  void readiness_isDown_andSaysWhy() {
    HttpResponse<String> ready = Http.get(base.resolve("/health/ready"), "application/json");
    assertEquals(503, ready.statusCode(), ready.body());
    assertTrue(ready.body().contains("\"DOWN\""), ready.body());
    assertTrue(ready.body().contains("FAILED"), ready.body());
    assertTrue(ready.body().contains("Cannot reach the database"), ready.body());
  }

  @Test
  void liveness_isUp_becauseRestartingWouldNotHelp() {
    assertEquals(200, Http.get(base.resolve("/health/live"), "application/json").statusCode());
  }

  @Test
  void theLogSaysClearlyWhatIsWrong_inOneLinePerAttempt_withoutStackTraces() {
    List<String> failures =
        startupLog.lines().filter(line -> line.contains("Premia is NOT READY")).toList();
    assertTrue(failures.size() >= 2, "expected a retry, log:\n" + startupLog);
    for (String line : failures) {
      assertTrue(line.contains("Cannot reach the database at " + BROKEN_URL), line);
      assertTrue(line.contains("Check DB_URL"), line);
      assertTrue(line.contains("Retrying in"), line);
    }
    assertFalse(startupLog.contains("\tat "), "stack trace in the log:\n" + startupLog);
  }

  @Test
  void theApiStillAnswers_withAnErrorCode_notAStackTrace() {
    HttpResponse<String> response = Http.graphql(base, "{ serverInfo { version } }");
    assertEquals(200, response.statusCode(), response.body());
    String code =
        Http.json(response)
            .getJsonArray("errors")
            .getJsonObject(0)
            .getJsonObject("extensions")
            .getString("code");
    assertEquals("UNAVAILABLE", code);
    assertFalse(response.body().contains("Exception"), response.body());
    assertFalse(response.body().contains("127.0.0.1"), response.body());
  }

  private static List<String> failureLines() throws IOException {
    return logText().lines().filter(line -> line.contains("Premia is NOT READY")).toList();
  }

  private static String logText() throws IOException {
    return Files.readString(log);
  }

  private static boolean answers(String path) {
    try {
      return Http.get(base.resolve(path), "application/json").statusCode() == 200;
    } catch (IllegalStateException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
