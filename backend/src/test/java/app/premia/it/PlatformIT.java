package app.premia.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.premia.platform.migration.MigrationReport;
import app.premia.platform.migration.MigrationStartup;
import app.premia.reference.domain.CurrencyCatalog;
import app.premia.reference.domain.CurrencyCode;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.File;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The platform, deployed once on Payara Micro against the real PostgreSQL with the Liquibase
 * schema: health, GraphQL over HTTP (data from the database, error codes, status codes), the
 * single-page app on the same origin, and the database roles. Client tests talk HTTP; the others
 * run inside the server.
 */
@ExtendWith(ArquillianExtension.class)
class PlatformIT {

  @Deployment
  static WebArchive deployment() {
    File war = new File(System.getProperty("premia.war", "target/premia.war"));
    // ROOT.war deploys at "/", where the SPA's absolute asset paths expect to be
    return ShrinkWrap.create(WebArchive.class, "ROOT.war")
        .merge(ShrinkWrap.createFromZipFile(WebArchive.class, war))
        .addClasses(PlatformIT.class, Http.class, Session.class);
  }

  @ArquillianResource URL deployed;

  @Inject MigrationStartup migrations;
  @Inject CurrencyCatalog currencies;

  @jakarta.annotation.Resource(lookup = app.premia.platform.persistence.DataSources.APPLICATION)
  DataSource dataSource;

  private URI base() throws URISyntaxException {
    return deployed.toURI().resolve("/");
  }

  // ---- health ----

  @Test
  @RunAsClient
  void ready_isUp_onceMigrationsAreDoneAndTheDatabaseAnswers() throws Exception {
    HttpResponse<String> ready = Http.get(base().resolve("/health/ready"), "application/json");
    assertEquals(200, ready.statusCode(), ready.body());
    JsonObject check = Http.json(ready).getJsonArray("checks").getJsonObject(0);
    assertEquals("UP", check.getString("status"));
    assertEquals("DONE", check.getJsonObject("data").getString("migrations"));

    HttpResponse<String> live = Http.get(base().resolve("/health/live"), "application/json");
    assertEquals(200, live.statusCode(), live.body());
  }

  // ---- GraphQL: data from the database ----

  @Test
  @RunAsClient
  void serverInfo_answersFromTheDatabase() throws Exception {
    HttpResponse<String> response =
        Http.graphql(base(), "{ serverInfo { name profile databaseVersion appliedMigrations } }");
    assertEquals(200, response.statusCode(), response.body());
    JsonObject info = Http.json(response).getJsonObject("data").getJsonObject("serverInfo");
    assertEquals("Premia", info.getString("name"));
    assertEquals("test", info.getString("profile"));
    assertTrue(info.getString("databaseVersion").startsWith("PostgreSQL 15"), info.toString());
    assertEquals(countChangesetsInDatabase(), info.getInt("appliedMigrations"));
  }

  @Test
  @RunAsClient
  void currencies_comeFromTheSeededTable_withMoneyAsDecimalStrings() throws Exception {
    HttpResponse<String> response =
        Http.graphql(
            base(), "{ currency(code: \"RUB\") { code numericCode nameRu sampleAmount } }");
    assertEquals(200, response.statusCode(), response.body());
    JsonObject rub = Http.json(response).getJsonObject("data").getJsonObject("currency");
    assertEquals(643, rub.getInt("numericCode"));
    assertEquals("Российский рубль", rub.getString("nameRu"));
    assertTrue(
        response.body().contains("\"sampleAmount\":\"1234567.89\""),
        "Decimal must cross the API as a JSON string: " + response.body());

    HttpResponse<String> all = Http.graphql(base(), "{ currencies { code } }");
    assertEquals(
        countRows("SELECT count(*) FROM currency"),
        Http.json(all).getJsonObject("data").getJsonArray("currencies").size());
  }

  // ---- GraphQL over HTTP: status codes and error codes ----

  @Test
  @RunAsClient
  void malformedJson_is400_withACodeAndTheRequestId() throws Exception {
    HttpResponse<String> response =
        Http.post(base().resolve("/graphql"), "application/json", "*/*", "{not json");
    assertEquals(400, response.statusCode());
    assertEquals("BAD_REQUEST", firstErrorCode(response));
    assertTrue(response.headers().firstValue("X-Request-Id").isPresent());
  }

  @Test
  @RunAsClient
  void syntaxError_is400_BadRequest() throws Exception {
    HttpResponse<String> response = Http.graphql(base(), "{ serverInfo { ");
    assertEquals(400, response.statusCode());
    assertTrue(
        response
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/graphql-response+json"));
    assertEquals("BAD_REQUEST", firstErrorCode(response));
  }

  @Test
  @RunAsClient
  void unknownField_is400_ValidationFailed_butLegacyJsonClientsGet200() throws Exception {
    HttpResponse<String> modern = Http.graphql(base(), "{ noSuchField }");
    assertEquals(400, modern.statusCode());
    assertEquals("VALIDATION_FAILED", firstErrorCode(modern));

    HttpResponse<String> legacy =
        Http.post(
            base().resolve("/graphql"),
            "application/json",
            "application/json",
            "{\"query\":\"{ noSuchField }\"}");
    assertEquals(200, legacy.statusCode());
    assertEquals("VALIDATION_FAILED", firstErrorCode(legacy));
  }

  @Test
  @RunAsClient
  void nonJsonBody_is415() throws Exception {
    HttpResponse<String> response =
        Http.post(base().resolve("/graphql"), "text/plain", "*/*", "{ serverInfo { name } }");
    assertEquals(415, response.statusCode());
    assertEquals("BAD_REQUEST", firstErrorCode(response));
  }

  @Test
  @RunAsClient
  void introspection_isRefusedOutsideTheDevProfile() throws Exception {
    HttpResponse<String> response = Http.graphql(base(), "{ __schema { queryType { name } } }");
    assertEquals("FORBIDDEN", firstErrorCode(response));
  }

  @Test
  @RunAsClient
  void theCallersRequestIdIsEchoed() throws Exception {
    HttpResponse<String> response =
        Http.send(
            java.net.http.HttpRequest.newBuilder(base().resolve("/health/live"))
                .header("X-Request-Id", "it-request-0001"));
    assertEquals("it-request-0001", response.headers().firstValue("X-Request-Id").orElse(""));
  }

  // ---- the single-page app on the same origin ----

  @Test
  @RunAsClient
  void theAppIsServedAtTheRoot_andForClientRoutes() throws Exception {
    HttpResponse<String> root = Http.get(base(), "text/html");
    assertEquals(200, root.statusCode());
    assertTrue(root.body().contains("<div id=\"root\">"), root.body());

    HttpResponse<String> deepLink =
        Http.get(base().resolve("/reference/currencies?q=EUR"), "text/html");
    assertEquals(200, deepLink.statusCode());
    assertEquals(root.body(), deepLink.body());
    assertEquals("no-cache", deepLink.headers().firstValue("Cache-Control").orElse(""));
  }

  @Test
  @RunAsClient
  void builtAssetsAreServedWithLongCaching_andMissingFilesAre404() throws Exception {
    String index = Http.get(base(), "text/html").body();
    Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(index);
    assertTrue(script.find(), "index.html references no built script: " + index);
    HttpResponse<String> asset = Http.get(base().resolve(script.group(1)), "*/*");
    assertEquals(200, asset.statusCode());
    assertTrue(asset.headers().firstValue("Cache-Control").orElse("").contains("immutable"));

    HttpResponse<String> missing = Http.get(base().resolve("/assets/nope-123.js"), "*/*");
    assertEquals(404, missing.statusCode());
    assertEquals("NOT_FOUND", firstErrorCode(missing));
  }

  @Test
  @RunAsClient
  void graphiql_existsOnlyInTheDevProfile() throws Exception {
    assertEquals(404, Http.get(base().resolve("/graphiql"), "text/html").statusCode());
    assertEquals(404, Http.get(base().resolve("/graphiql.html"), "text/html").statusCode());
  }

  // ---- inside the server ----

  @Test
  void aRestart_runsNoMigrationAgain() {
    MigrationReport again = migrations.migrateAgain();
    assertEquals(0, again.appliedNow());
    assertTrue(again.appliedTotal() > 0);
  }

  @Test
  void jpaReadsTheSeededCurrencies() {
    var rub = currencies.find(CurrencyCode.of("RUB")).orElseThrow();
    assertEquals("Russian ruble", rub.nameEn());
    assertEquals(new BigDecimal("0.01"), rub.round(new BigDecimal("0.005")));
    assertFalse(currencies.find(CurrencyCode.of("XXX")).isPresent());
  }

  @Test
  void theRuntimeRole_isNeitherSuperuserNorOwner_andCannotChangeReferenceData()
      throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      try (ResultSet role =
          statement.executeQuery(
              "SELECT current_user, r.rolsuper, r.rolbypassrls, t.tableowner"
                  + " FROM pg_roles r, pg_tables t"
                  + " WHERE r.rolname = current_user AND t.tablename = 'currency'")) {
        assertTrue(role.next());
        assertFalse(role.getBoolean("rolsuper"), "runtime role must not be superuser");
        assertFalse(role.getBoolean("rolbypassrls"), "runtime role must not bypass RLS");
        assertNotEquals(role.getString("tableowner"), role.getString("current_user"));
      }
      SQLException refused =
          assertThrows(
              SQLException.class,
              () -> statement.executeUpdate("UPDATE currency SET symbol = 'R' WHERE code = 'RUB'"));
      assertEquals("42501", refused.getSQLState(), refused.getMessage()); // insufficient_privilege
      assertThrows(
          SQLException.class,
          () -> statement.execute("CREATE TABLE intruder (id int)"),
          "runtime role must not create tables");
    }
  }

  // ---- the plan template (kpi.interfaces.rest) ----

  @Test
  @RunAsClient
  void planTemplate_isAnXlsxAttachment_forThoseWhoManagePlans_only() throws Exception {
    String path = "/api/kpi/plans/template.xlsx?kind=MONTH&start=2026-11-01";
    HttpResponse<byte[]> anonymous = new Session(base()).download(path);
    assertEquals(401, anonymous.statusCode());
    assertTrue(new String(anonymous.body(), "UTF-8").contains("\"UNAUTHENTICATED\""));

    HttpResponse<byte[]> manager = Session.signedIn(base(), "manager1@alfa.demo").download(path);
    assertEquals(403, manager.statusCode());
    assertTrue(new String(manager.body(), "UTF-8").contains("\"FORBIDDEN\""));

    Session admin = Session.signedIn(base(), "admin@alfa.demo");
    HttpResponse<byte[]> badPeriod =
        admin.download("/api/kpi/plans/template.xlsx?kind=MONTH&start=2026-11-02");
    assertEquals(400, badPeriod.statusCode());
    assertTrue(new String(badPeriod.body(), "UTF-8").contains("\"BAD_USER_INPUT\""));

    HttpResponse<byte[]> template = admin.download(path);
    assertEquals(200, template.statusCode(), () -> new String(template.body()));
    assertEquals(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        template.headers().firstValue("Content-Type").orElse(""));
    assertEquals(
        "attachment; filename=\"plan-2026-11.xlsx\";"
            + " filename*=UTF-8''%D0%9F%D0%BB%D0%B0%D0%BD%202026-11.xlsx",
        template.headers().firstValue("Content-Disposition").orElse(""));
    assertEquals("no-store", template.headers().firstValue("Cache-Control").orElse(""));
    // built inside the server by Apache POI, readable by POI here
    try (var book =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(
            new java.io.ByteArrayInputStream(template.body()))) {
      var sheet = book.getSheet("План");
      assertEquals("План на ноябрь 2026 г.", sheet.getRow(0).getCell(0).getStringCellValue());
      assertEquals("premia-plan MONTH 2026-11-01", sheet.getRow(1).getCell(0).getStringCellValue());
      assertEquals("Тип", sheet.getRow(2).getCell(0).getStringCellValue());
    }
  }

  // ---- helpers ----

  private static String firstErrorCode(HttpResponse<String> response) {
    JsonObject error = Http.json(response).getJsonArray("errors").getJsonObject(0);
    assertNotNull(error.getString("message"));
    return error.getJsonObject("extensions").getString("code");
  }

  private static int countChangesetsInDatabase() throws SQLException {
    return countRows("SELECT count(*) FROM databasechangelog");
  }

  /** Reads the test database directly, as the owner, to compare with what the API says. */
  private static int countRows(String sql) throws SQLException {
    try (Connection connection =
            DriverManager.getConnection(
                System.getenv("DB_URL"),
                System.getenv("DB_OWNER_USER"),
                System.getenv("DB_OWNER_PASSWORD"));
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getInt(1);
    }
  }
}
