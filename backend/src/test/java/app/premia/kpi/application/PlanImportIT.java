package app.premia.kpi.application;

import static app.premia.kpi.application.KpiSqlIT.context;
import static app.premia.kpi.application.KpiSqlIT.env;
import static app.premia.kpi.application.KpiSqlIT.execute;
import static app.premia.kpi.application.KpiSqlIT.owner;
import static app.premia.kpi.application.KpiSqlIT.runtime;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.premia.kpi.domain.Kpi;
import app.premia.kpi.domain.Period;
import app.premia.kpi.domain.PeriodType;
import app.premia.kpi.domain.Plan;
import app.premia.kpi.domain.PlanSubjectKind;
import app.premia.platform.errors.UserError;
import app.premia.platform.migration.DatabaseMigrator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plan template and the XLSX import against the real schema (plain JDBC, no container, like
 * {@link KpiPlansIT}): the template is built from the synced employees and departments of a tenant,
 * filled with POI, and imported back as the runtime role under row-level security.
 */
class PlanImportIT {

  static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
  static final Period NOV = Period.month(2026, 11, MOSCOW);
  static final Period OCT = Period.month(2026, 10, MOSCOW);

  /** 2026-11-20: October is closed, November open. */
  static final Clock NOW = Clock.fixed(Instant.parse("2026-11-20T09:00:00Z"), ZoneOffset.UTC);

  static final long SALES = 7;
  static final long ANNA = 201; // employed all along
  static final long BORIS = 202; // hired 2026-11-30: employed on one day of November
  static final long VERA = 203; // dismissed 2026-10-31: not in November's template
  static final long GLEB = 204; // hired 2026-12-01: not in November's template
  static final long DINA = 205; // dismissed 2026-09-30, but has a November plan: in the template

  static UUID consultancy;

  @BeforeAll
  static void migrate() throws SQLException {
    new DatabaseMigrator(
            env("DB_URL"), env("DB_OWNER_USER"), env("DB_OWNER_PASSWORD"), env("DB_USER"))
        .migrate();
    consultancy = UUID.randomUUID();
    try (Connection c = owner()) {
      execute(
          c,
          "INSERT INTO consultancy (id, name, created_at) VALUES (?, ?, now())",
          consultancy,
          "Import test " + consultancy);
    }
  }

  @Test
  void template_listsTheEmployeesOfThePeriod_theDepartments_andThePlans() throws Exception {
    UUID t = newTenant();
    in(
        t,
        null,
        (c, plans) -> {
          plans.set(
              "deals_won",
              PlanSubjectKind.EMPLOYEE,
              DINA,
              PeriodType.MONTH,
              NOV.firstDay(),
              BigDecimal.TEN,
              null);
          plans.set(
              "sales_volume",
              PlanSubjectKind.EMPLOYEE,
              ANNA,
              PeriodType.MONTH,
              NOV.firstDay(),
              new BigDecimal("250000.75"),
              null);
          return null;
        });
    byte[] xlsx =
        in(t, null, (c, plans) -> new PlanTemplate(plans).build(PeriodType.MONTH, NOV.firstDay()));
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      XSSFSheet sheet = book.getSheet("План");
      List<String> rows = new ArrayList<>();
      for (int r = 3; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        rows.add(
            row.getCell(0).getStringCellValue()
                + " "
                + (long) row.getCell(1).getNumericCellValue()
                + " "
                + row.getCell(2).getStringCellValue());
      }
      assertEquals(
          List.of(
              "Отдел 7 Отдел продаж",
              "Отдел 8 Маркетинг",
              "Сотрудник 202 Борисов Борис",
              "Сотрудник 205 Динова Дина",
              "Сотрудник 201 Иванова Анна Сергеевна"),
          rows);
      int salesVolume = 3; // column D
      assertEquals(250000.75, sheet.getRow(7).getCell(salesVolume).getNumericCellValue());
      assertEquals("План на ноябрь 2026 г.", sheet.getRow(0).getCell(0).getStringCellValue());
    }
  }

  @Test
  void filledTemplate_isImported_cellByCell_andEmptyCellsKeepTheirPlans() throws Exception {
    UUID t = newTenant();
    in(
        t,
        null,
        (c, plans) ->
            plans.set(
                "activity_calls",
                PlanSubjectKind.EMPLOYEE,
                ANNA,
                PeriodType.MONTH,
                NOV.firstDay(),
                new BigDecimal("40"),
                null));
    byte[] template =
        in(t, null, (c, plans) -> new PlanTemplate(plans).build(PeriodType.MONTH, NOV.firstDay()));
    byte[] filled =
        fill(
            template,
            sheet -> {
              set(sheet, "Отдел", SALES, Kpi.SALES_VOLUME, 3_000_000);
              set(sheet, "Отдел", SALES, Kpi.AVERAGE_SALES_PER_MANAGER, 500_000.5);
              set(sheet, "Сотрудник", ANNA, Kpi.SALES_VOLUME, 1_500_000);
              set(sheet, "Сотрудник", ANNA, Kpi.LEAD_CONVERSION, 27.125);
              // Anna's calls (40) are left as the template filled them in
              clear(sheet, "Сотрудник", BORIS, Kpi.SALES_VOLUME);
            });
    PlanImport.Result result =
        in(t, null, (c, plans) -> new PlanImport(plans).importWorkbook(NOV, filled, null));
    assertEquals(List.of(), result.errors());
    assertEquals(5, result.imported(), "four new cells and Anna's calls, set again");
    assertEquals(
        List.of(
            "activity_calls EMPLOYEE 201 40.0000",
            "average_sales_per_manager DEPARTMENT 7 500000.5000",
            "lead_conversion EMPLOYEE 201 27.1250",
            "sales_volume DEPARTMENT 7 3000000.0000",
            "sales_volume EMPLOYEE 201 1500000.0000"),
        planLines(t, NOV));
    assertEquals(List.of(), auditActions(t), "an open period's plans are not audited");
  }

  @Test
  void oneBadCell_writesNothing_evenWhenTheTransactionCommits() throws Exception {
    UUID t = newTenant();
    byte[] template =
        in(t, null, (c, plans) -> new PlanTemplate(plans).build(PeriodType.MONTH, NOV.firstDay()));
    byte[] filled =
        fill(
            template,
            sheet -> {
              set(sheet, "Отдел", SALES, Kpi.SALES_VOLUME, 3_000_000);
              set(sheet, "Сотрудник", ANNA, Kpi.SALES_VOLUME, 1_500_000);
              set(sheet, "Сотрудник", BORIS, Kpi.DEALS_WON, 2.5); // a count must be whole
            });
    PlanImport.Result result =
        in(t, null, (c, plans) -> new PlanImport(plans).importWorkbook(NOV, filled, null));
    assertEquals(0, result.imported());
    assertEquals(1, result.errors().size(), result.errors().toString());
    UserError error = result.errors().get(0);
    String cell = error.field().get(2);
    assertEquals(List.of("input", "fileBase64", cell), error.field());
    assertTrue(cell.startsWith("E"), "deals won is column E: " + cell);
    assertEquals(cell + ": План по количеству — целое число.", error.message());
    assertEquals(
        List.of(), planLines(t, NOV), "no plan written although the transaction committed");
  }

  @Test
  void importIntoAClosedPeriod_isAuditedCellByCell() throws Exception {
    UUID t = newTenant();
    UUID head = newUser();
    byte[] template =
        in(t, head, (c, plans) -> new PlanTemplate(plans).build(PeriodType.MONTH, OCT.firstDay()));
    byte[] filled =
        fill(
            template,
            sheet -> {
              set(sheet, "Сотрудник", VERA, Kpi.DEALS_WON, 4);
              set(sheet, "Сотрудник", ANNA, Kpi.DEALS_WON, 6);
            });
    PlanImport.Result result =
        in(t, head, (c, plans) -> new PlanImport(plans).importWorkbook(OCT, filled, head));
    assertEquals(List.of(), result.errors());
    assertEquals(2, result.imported());
    assertEquals(List.of("kpi_plan.set kpi_plan", "kpi_plan.set kpi_plan"), auditActions(t));
  }

  @Test
  void anotherTenantsEmployees_areUnknown() throws Exception {
    UUID a = newTenant();
    UUID b = newEmptyTenant();
    byte[] template =
        in(a, null, (c, plans) -> new PlanTemplate(plans).build(PeriodType.MONTH, NOV.firstDay()));
    byte[] filled = fill(template, sheet -> set(sheet, "Сотрудник", ANNA, Kpi.DEALS_WON, 3));
    PlanImport.Result result =
        in(b, null, (c, plans) -> new PlanImport(plans).importWorkbook(NOV, filled, null));
    assertEquals(0, result.imported());
    assertFalse(result.errors().isEmpty());
    assertTrue(
        result.errors().stream().anyMatch(e -> e.message().contains("сотрудника с ID 201 нет")),
        result.errors().toString());
    assertEquals(List.of(), planLines(b, NOV));
    assertEquals(List.of(), planLines(a, NOV));
  }

  // ---------------------------------------------------------------------------------------------

  static byte[] fill(byte[] template, Consumer<XSSFSheet> change) throws IOException {
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template))) {
      change.accept(book.getSheet("План"));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      book.write(out);
      return out.toByteArray();
    }
  }

  /** The row of the subject (by type and id), found as the import finds it. */
  static Row row(XSSFSheet sheet, String type, long id) {
    for (int r = 3; r <= sheet.getLastRowNum(); r++) {
      Row row = sheet.getRow(r);
      if (row != null
          && row.getCell(0).getStringCellValue().equals(type)
          && (long) row.getCell(1).getNumericCellValue() == id) {
        return row;
      }
    }
    throw new AssertionError(type + " " + id + " is not in the template");
  }

  static int column(XSSFSheet sheet, Kpi kpi) {
    Row codes = sheet.getRow(1);
    for (int c = 3; c < codes.getLastCellNum(); c++) {
      if (codes.getCell(c).getStringCellValue().equals(kpi.code())) {
        return c;
      }
    }
    throw new AssertionError(kpi + " has no column");
  }

  static void set(XSSFSheet sheet, String type, long id, Kpi kpi, double value) {
    row(sheet, type, id).getCell(column(sheet, kpi)).setCellValue(value);
  }

  static void clear(XSSFSheet sheet, String type, long id, Kpi kpi) {
    row(sheet, type, id).getCell(column(sheet, kpi)).setBlank();
  }

  @FunctionalInterface
  interface Work<T> {
    T run(Connection c, Plans plans) throws Exception;
  }

  static <T> T in(UUID tenant, UUID actor, Work<T> work) throws Exception {
    try (Connection c = runtime()) {
      c.setAutoCommit(false);
      context(c, tenant, null);
      T result = work.run(c, new Plans(c, Plans.jdbcAudit(c, actor, NOW), NOW));
      c.commit();
      return result;
    }
  }

  static List<String> planLines(UUID tenant, Period period) throws Exception {
    return in(
        tenant,
        null,
        (c, plans) -> {
          List<String> lines = new ArrayList<>();
          for (Plan p : plans.list(period)) {
            lines.add(
                p.kpi().code()
                    + " "
                    + p.subjectKind()
                    + " "
                    + p.subjectId()
                    + " "
                    + p.target().toPlainString());
          }
          return lines;
        });
  }

  static List<String> auditActions(UUID tenant) throws Exception {
    return in(
        tenant,
        null,
        (c, plans) -> {
          List<String> lines = new ArrayList<>();
          try (PreparedStatement s =
                  c.prepareStatement("SELECT action, entity_type FROM audit_event ORDER BY id");
              ResultSet r = s.executeQuery()) {
            while (r.next()) {
              lines.add(r.getString(1) + " " + r.getString(2));
            }
          }
          return lines;
        });
  }

  static UUID newEmptyTenant() throws SQLException {
    UUID tenant = UUID.randomUUID();
    try (Connection c = owner()) {
      c.setAutoCommit(false);
      context(c, tenant, consultancy);
      execute(
          c,
          "INSERT INTO tenant (id, consultancy_id, name, time_zone, currency_code, created_at)"
              + " VALUES (?, ?, ?, 'Europe/Moscow', 'RUB', now())",
          tenant,
          consultancy,
          "Import " + tenant);
      c.commit();
    }
    return tenant;
  }

  /** A tenant with two departments and five employees (see the constants). */
  static UUID newTenant() throws SQLException {
    UUID tenant = newEmptyTenant();
    try (Connection c = owner()) {
      c.setAutoCommit(false);
      context(c, tenant, consultancy);
      department(c, SALES, "Отдел продаж", 1);
      department(c, 8, "Маркетинг", 2);
      employee(c, ANNA, "Иванова", "Анна", "Сергеевна", LocalDate.of(2025, 1, 10), null);
      employee(c, BORIS, "Борисов", "Борис", null, LocalDate.of(2026, 11, 30), null);
      employee(c, VERA, "Верина", "Вера", null, null, LocalDate.of(2026, 10, 31));
      employee(c, GLEB, "Глебов", "Глеб", null, LocalDate.of(2026, 12, 1), null);
      employee(c, DINA, "Динова", "Дина", null, null, LocalDate.of(2026, 9, 30));
      c.commit();
    }
    return tenant;
  }

  static void department(Connection c, long id, String name, int sort) throws SQLException {
    execute(
        c,
        "INSERT INTO crm_department (tenant_id, id, name, sort, synced_at)"
            + " VALUES (premia_current_tenant(), ?, ?, ?, now())",
        id,
        name,
        sort);
  }

  static void employee(
      Connection c,
      long id,
      String last,
      String first,
      String second,
      LocalDate hired,
      LocalDate fired)
      throws SQLException {
    execute(
        c,
        "INSERT INTO crm_employee (tenant_id, id, active, first_name, last_name, second_name,"
            + " department_ids, hired_on, fired_on, synced_at) VALUES (premia_current_tenant(), ?,"
            + " ?, ?, ?, ?, '{7}', ?, ?, now())",
        id,
        fired == null,
        first,
        last,
        second,
        hired == null ? null : Date.valueOf(hired),
        fired == null ? null : Date.valueOf(fired));
  }

  static UUID newUser() throws SQLException {
    UUID user = UUID.randomUUID();
    try (Connection c = owner()) {
      execute(
          c,
          "INSERT INTO app_user (id, email, display_name, created_at) VALUES (?, ?, ?, now())",
          user,
          user + "@import.test",
          "Sales head");
    }
    return user;
  }
}
