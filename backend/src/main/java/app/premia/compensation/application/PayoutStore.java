package app.premia.compensation.application;

import app.premia.compensation.domain.Text;
import app.premia.kpi.api.KpiPeriod;
import app.premia.kpi.api.KpiPeriodKind;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The payout tables (migration 0013) over plain JDBC, on a connection in the tenant's context: row
 * level security filters every statement, and every statement names {@code tenant_id} explicitly as
 * well (the second layer, as {@link SchemeStore} does — ADR 0023). What may change is decided by
 * the database too: a run that is no draft, its statements and lines, the ledger, the corrections
 * and the inquiry threads refuse UPDATE and DELETE whatever this class does.
 */
public final class PayoutStore {

  /** A run as stored; user names resolved. */
  public record RunRow(
      UUID id,
      LocalDate periodStart,
      String status,
      int revision,
      Instant computedAt,
      UUID preparedBy,
      String preparedByName,
      Instant preparedAt,
      UUID approvedBy,
      String approvedByName,
      Instant approvedAt,
      LocalDate paidOn,
      String paymentReference,
      int employees,
      BigDecimal baseTotal,
      BigDecimal variableTotal,
      BigDecimal adjustmentTotal,
      BigDecimal total) {

    public boolean draft() {
      return "DRAFT".equals(status);
    }

    public KpiPeriod month() {
      return KpiPeriod.containing(periodStart, KpiPeriodKind.MONTH);
    }
  }

  /** A deal behind a line; {@code change} says what happened to it (adjustments only). */
  public record DealRef(long id, String title, BigDecimal amount, LocalDate wonOn, String change) {}

  /** A statement line. */
  public record LineRow(
      UUID id,
      UUID statementId,
      int position,
      String kind,
      String key,
      Text name,
      KpiPeriod period,
      BigDecimal amount,
      boolean paid,
      List<Text> explanation,
      List<DealRef> deals,
      Text reason,
      UUID correctionId) {

    public LineRow {
      explanation = List.copyOf(explanation);
      deals = List.copyOf(deals);
    }
  }

  /** A statement with its run's month and status. */
  public record StatementRow(
      UUID id,
      UUID runId,
      LocalDate periodStart,
      String runStatus,
      long employeeId,
      String employeeName,
      String department,
      String personnelNumber,
      List<Text> basis,
      List<Text> notes,
      BigDecimal baseSalary,
      BigDecimal variablePay,
      BigDecimal adjustments,
      BigDecimal total,
      BigDecimal previousTotal) {

    public KpiPeriod month() {
      return KpiPeriod.containing(periodStart, KpiPeriodKind.MONTH);
    }
  }

  /** A statement to write: its lines in order. */
  public record NewStatement(StatementRow statement, List<LineRow> lines) {}

  /** What the ledger holds for one line of one employee (accruals + adjustments). */
  public record LedgerKey(long employeeId, String key, KpiPeriod period) {}

  /** A correction an inquiry's answer queued. */
  public record Correction(
      UUID id,
      long employeeId,
      String key,
      KpiPeriod period,
      UUID statementLineId,
      BigDecimal amount,
      String reason,
      UUID inquiryId) {}

  /** An inquiry with its line's name and period. */
  public record InquiryRow(
      UUID id,
      UUID statementId,
      UUID lineId,
      Text lineName,
      KpiPeriod period,
      long employeeId,
      String status,
      UUID correctionId,
      BigDecimal correction,
      Instant raisedAt) {}

  public record MessageRow(
      UUID inquiryId, String author, String side, String body, Instant writtenAt) {}

  public record Profile(long employeeId, String personnelNumber, String organisation) {}

  private static final String RUN_COLUMNS =
      "r.id, r.period_start, r.status, r.revision, r.computed_at, r.prepared_by,"
          + " (SELECT u.display_name FROM app_user u WHERE u.id = r.prepared_by), r.prepared_at,"
          + " r.approved_by, (SELECT u.display_name FROM app_user u WHERE u.id = r.approved_by),"
          + " r.approved_at, r.paid_on, r.payment_reference, r.employees, r.base_total,"
          + " r.variable_total, r.adjustment_total, r.total";

  private static final String STATEMENT_COLUMNS =
      "s.id, s.run_id, r.period_start, r.status, s.employee_id, s.employee_name, s.department,"
          + " s.personnel_number, s.basis::text, s.notes::text, s.base_salary, s.variable_pay,"
          + " s.adjustments, s.total, s.previous_total";

  private static final String LINE_COLUMNS =
      "l.id, l.statement_id, l.position, l.kind, l.line_key, l.name_ru, l.name_en, l.period_kind,"
          + " l.period_start, l.amount, l.paid, l.explanation::text, l.deals::text, l.reason::text,"
          + " l.correction_id";

  /** One factory for every builder (Json.create… looks the provider up on each call). */
  private static final jakarta.json.JsonBuilderFactory JSON =
      Json.createBuilderFactory(java.util.Map.of());

  private static final jakarta.json.JsonReaderFactory READER =
      Json.createReaderFactory(java.util.Map.of());

  private final Connection connection;
  private final UUID tenantId;

  public PayoutStore(Connection connection, UUID tenantId) {
    this.connection = Objects.requireNonNull(connection, "connection");
    this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
  }

  public UUID tenantId() {
    return tenantId;
  }

  public Connection connection() {
    return connection;
  }

  // ---- runs -------------------------------------------------------------------------------------

  public List<RunRow> runs() throws SQLException {
    return runs(
        "WHERE r.tenant_id = ? ORDER BY r.period_start DESC", s -> s.setObject(1, tenantId));
  }

  public Optional<RunRow> run(UUID id) throws SQLException {
    return runs(
            "WHERE r.tenant_id = ? AND r.id = ?",
            s -> {
              s.setObject(1, tenantId);
              s.setObject(2, id);
            })
        .stream()
        .findFirst();
  }

  public Optional<RunRow> runOf(LocalDate periodStart) throws SQLException {
    return runs(
            "WHERE r.tenant_id = ? AND r.period_start = ?",
            s -> {
              s.setObject(1, tenantId);
              s.setObject(2, periodStart);
            })
        .stream()
        .findFirst();
  }

  /** Runs that are no longer drafts, of the months from {@code since} on, oldest first. */
  public List<RunRow> settledRunsSince(LocalDate since) throws SQLException {
    return runs(
        "WHERE r.tenant_id = ? AND r.status <> 'DRAFT' AND r.period_start >= ?"
            + " ORDER BY r.period_start",
        s -> {
          s.setObject(1, tenantId);
          s.setObject(2, since);
        });
  }

  public List<RunRow> drafts() throws SQLException {
    return runs(
        "WHERE r.tenant_id = ? AND r.status = 'DRAFT' ORDER BY r.period_start",
        s -> s.setObject(1, tenantId));
  }

  /**
   * The run of the month locked for this transaction, created as an empty draft first when there is
   * none (a concurrent creation of the same month waits on the unique key and then finds it).
   */
  public RunRow lockRun(LocalDate periodStart, Instant now) throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "INSERT INTO pay_run (id, tenant_id, period_start, status, revision, computed_at,"
                + " employees, base_total, variable_total, adjustment_total, total)"
                + " VALUES (?, ?, ?, 'DRAFT', 1, ?, 0, 0, 0, 0, 0)"
                + " ON CONFLICT (tenant_id, period_start) DO NOTHING")) {
      s.setObject(1, UUID.randomUUID());
      s.setObject(2, tenantId);
      s.setObject(3, periodStart);
      s.setTimestamp(4, Timestamp.from(now));
      s.executeUpdate();
    }
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT id FROM pay_run WHERE tenant_id = ? AND period_start = ? FOR UPDATE")) {
      s.setObject(1, tenantId);
      s.setObject(2, periodStart);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
      }
    }
    return runOf(periodStart).orElseThrow();
  }

  /** Locks an existing run for this transaction; empty when there is none. */
  public Optional<RunRow> lockRun(UUID id) throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT id FROM pay_run WHERE tenant_id = ? AND id = ? FOR UPDATE")) {
      s.setObject(1, tenantId);
      s.setObject(2, id);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
      }
    }
    return run(id);
  }

  /**
   * Replaces a draft's statements and sets its totals (the run must be locked and a draft).
   *
   * @param preparedBy the new preparer, or null to keep the current one
   */
  public void writeDraft(
      RunRow run,
      List<NewStatement> statements,
      Instant computedAt,
      UUID preparedBy,
      boolean firstComputation)
      throws SQLException {
    // the lines by their run in one statement first: left to the statements' cascade they are
    // deleted by one query per statement (seconds for a thousand statements)
    for (String table : List.of("pay_statement_line", "pay_statement")) {
      try (PreparedStatement s =
          connection.prepareStatement(
              "DELETE FROM " + table + " WHERE tenant_id = ? AND run_id = ?")) {
        s.setObject(1, tenantId);
        s.setObject(2, run.id());
        s.executeUpdate();
      }
    }
    BigDecimal base = BigDecimal.ZERO.setScale(2);
    BigDecimal variable = BigDecimal.ZERO.setScale(2);
    BigDecimal adjustments = BigDecimal.ZERO.setScale(2);
    try (PreparedStatement st =
            connection.prepareStatement(
                "INSERT INTO pay_statement (id, tenant_id, run_id, employee_id, employee_name,"
                    + " department, personnel_number, basis, notes, base_salary, variable_pay,"
                    + " adjustments, total, previous_total) VALUES (?, ?, ?, ?, ?, ?, ?,"
                    + " CAST(? AS jsonb), CAST(? AS jsonb), ?, ?, ?, ?, ?)");
        PreparedStatement ln =
            connection.prepareStatement(
                "INSERT INTO pay_statement_line (id, tenant_id, run_id, statement_id, position,"
                    + " kind, line_key, name_ru, name_en, period_kind, period_start, amount, paid,"
                    + " explanation, deals, reason, correction_id) VALUES (?, ?, ?, ?, ?, ?, ?,"
                    + " ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), CAST(? AS jsonb),"
                    + " ?)")) {
      int pendingLines = 0;
      for (NewStatement n : statements) {
        StatementRow r = n.statement();
        st.setObject(1, r.id());
        st.setObject(2, tenantId);
        st.setObject(3, run.id());
        st.setLong(4, r.employeeId());
        st.setString(5, r.employeeName());
        st.setString(6, r.department());
        st.setString(7, r.personnelNumber());
        st.setString(8, texts(r.basis()));
        st.setString(9, texts(r.notes()));
        st.setBigDecimal(10, r.baseSalary());
        st.setBigDecimal(11, r.variablePay());
        st.setBigDecimal(12, r.adjustments());
        st.setBigDecimal(13, r.total());
        st.setBigDecimal(14, r.previousTotal());
        st.addBatch();
        base = base.add(r.baseSalary());
        variable = variable.add(r.variablePay());
        adjustments = adjustments.add(r.adjustments());
      }
      st.executeBatch();
      for (NewStatement n : statements) {
        for (LineRow l : n.lines()) {
          ln.setObject(1, l.id());
          ln.setObject(2, tenantId);
          ln.setObject(3, run.id());
          ln.setObject(4, n.statement().id());
          ln.setInt(5, l.position());
          ln.setString(6, l.kind());
          ln.setString(7, l.key());
          ln.setString(8, l.name().ru());
          ln.setString(9, l.name().en());
          ln.setString(10, l.period().kind().name());
          ln.setObject(11, l.period().firstDay());
          ln.setBigDecimal(12, l.amount());
          ln.setBoolean(13, l.paid());
          ln.setString(14, texts(l.explanation()));
          ln.setString(15, deals(l.deals()));
          ln.setString(16, l.reason() == null ? null : text(l.reason()).toString());
          ln.setObject(17, l.correctionId());
          ln.addBatch();
          if (++pendingLines == 2_000) {
            ln.executeBatch();
            pendingLines = 0;
          }
        }
      }
      if (pendingLines > 0) {
        ln.executeBatch();
      }
    }
    try (PreparedStatement s =
        connection.prepareStatement(
            "UPDATE pay_run SET revision = CASE WHEN ? THEN revision ELSE revision + 1 END,"
                + " computed_at = ?, prepared_by = coalesce(CAST(? AS uuid), prepared_by),"
                + " prepared_at = CASE WHEN CAST(? AS uuid) IS NULL THEN prepared_at ELSE ? END,"
                + " employees = ?, base_total = ?, variable_total = ?, adjustment_total = ?,"
                + " total = ? WHERE tenant_id = ? AND id = ? AND status = 'DRAFT'")) {
      Timestamp at = Timestamp.from(computedAt);
      s.setBoolean(1, firstComputation);
      s.setTimestamp(2, at);
      s.setObject(3, preparedBy);
      s.setObject(4, preparedBy);
      s.setTimestamp(5, at);
      s.setInt(6, statements.size());
      s.setBigDecimal(7, base);
      s.setBigDecimal(8, variable);
      s.setBigDecimal(9, adjustments);
      s.setBigDecimal(10, base.add(variable).add(adjustments));
      s.setObject(11, tenantId);
      s.setObject(12, run.id());
      if (s.executeUpdate() != 1) {
        throw new IllegalStateException("payout run " + run.id() + " is no draft any more");
      }
    }
  }

  /**
   * Approves a draft and books its lines into the ledger, in the caller's transaction. Answers
   * false (and changes nothing) when the run is not a draft any more or the approver prepared it:
   * of concurrent approvals exactly one succeeds (the row lock serialises them, and the losers see
   * the status the winner wrote).
   */
  public boolean approve(UUID runId, UUID approver, Instant at) throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "UPDATE pay_run SET status = 'APPROVED', approved_by = ?, approved_at = ?"
                + " WHERE tenant_id = ? AND id = ? AND status = 'DRAFT'"
                + " AND prepared_by IS DISTINCT FROM ?")) {
      s.setObject(1, approver);
      s.setTimestamp(2, Timestamp.from(at));
      s.setObject(3, tenantId);
      s.setObject(4, runId);
      s.setObject(5, approver);
      if (s.executeUpdate() != 1) {
        return false;
      }
    }
    try (PreparedStatement s =
        connection.prepareStatement(
            "INSERT INTO pay_ledger (tenant_id, employee_id, kind, run_id, statement_line_id,"
                + " line_key, period_kind, period_start, amount, reason, correction_id,"
                + " recorded_at, recorded_by)"
                + " SELECT l.tenant_id, s.employee_id,"
                + " CASE WHEN l.kind = 'ADJUSTMENT' THEN 'ADJUSTMENT' ELSE 'ACCRUAL' END,"
                + " l.run_id, l.id, l.line_key, l.period_kind, l.period_start, l.amount,"
                + " l.reason ->> 'ru', l.correction_id, ?, ?"
                + " FROM pay_statement_line l JOIN pay_statement s ON s.id = l.statement_id"
                + " WHERE l.tenant_id = ? AND l.run_id = ? AND l.amount <> 0"
                + " ORDER BY s.employee_id, l.position")) {
      s.setTimestamp(1, Timestamp.from(at));
      s.setObject(2, approver);
      s.setObject(3, tenantId);
      s.setObject(4, runId);
      s.executeUpdate();
    }
    return true;
  }

  /** Marks an approved run paid and books one payment per statement; false when not approved. */
  public boolean markPaid(UUID runId, LocalDate paidOn, String reference, UUID by, Instant at)
      throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "UPDATE pay_run SET status = 'PAID', paid_on = ?, payment_reference = ?, paid_by = ?"
                + " WHERE tenant_id = ? AND id = ? AND status = 'APPROVED'")) {
      s.setObject(1, paidOn);
      s.setString(2, reference);
      s.setObject(3, by);
      s.setObject(4, tenantId);
      s.setObject(5, runId);
      if (s.executeUpdate() != 1) {
        return false;
      }
    }
    try (PreparedStatement s =
        connection.prepareStatement(
            "INSERT INTO pay_ledger (tenant_id, employee_id, kind, run_id, line_key, period_kind,"
                + " period_start, amount, reason, recorded_at, recorded_by)"
                + " SELECT s.tenant_id, s.employee_id, 'PAYMENT', s.run_id, '_payment', 'MONTH',"
                + " r.period_start, s.total, ?, ?, ?"
                + " FROM pay_statement s JOIN pay_run r ON r.id = s.run_id"
                + " WHERE s.tenant_id = ? AND s.run_id = ? ORDER BY s.employee_id")) {
      s.setString(1, reference);
      s.setTimestamp(2, Timestamp.from(at));
      s.setObject(3, by);
      s.setObject(4, tenantId);
      s.setObject(5, runId);
      s.executeUpdate();
    }
    return true;
  }

  // ---- statements -------------------------------------------------------------------------------

  public List<StatementRow> statements(UUID runId) throws SQLException {
    return statements(
        "WHERE s.tenant_id = ? AND s.run_id = ? ORDER BY s.employee_name, s.employee_id",
        s -> {
          s.setObject(1, tenantId);
          s.setObject(2, runId);
        });
  }

  public Optional<StatementRow> statement(UUID id) throws SQLException {
    return statements(
            "WHERE s.tenant_id = ? AND s.id = ?",
            s -> {
              s.setObject(1, tenantId);
              s.setObject(2, id);
            })
        .stream()
        .findFirst();
  }

  /** An employee's statements, the newest month first; only of settled runs when asked. */
  public List<StatementRow> statementsOf(long employeeId, boolean settledOnly) throws SQLException {
    return statements(
        "WHERE s.tenant_id = ? AND s.employee_id = ?"
            + (settledOnly ? " AND r.status <> 'DRAFT'" : "")
            + " ORDER BY r.period_start DESC",
        s -> {
          s.setObject(1, tenantId);
          s.setLong(2, employeeId);
        });
  }

  /** Totals of the employees' statements in the run of a month (for the comparison). */
  public Map<Long, BigDecimal> totalsOf(LocalDate periodStart) throws SQLException {
    Map<Long, BigDecimal> totals = new HashMap<>();
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT s.employee_id, s.total FROM pay_statement s JOIN pay_run r ON r.id = s.run_id"
                + " WHERE s.tenant_id = ? AND r.period_start = ?")) {
      s.setObject(1, tenantId);
      s.setObject(2, periodStart);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          totals.put(rs.getLong(1), rs.getBigDecimal(2));
        }
      }
    }
    return totals;
  }

  /** The lines of these statements, by statement, in order. */
  public Map<UUID, List<LineRow>> lines(Collection<UUID> statementIds) throws SQLException {
    Map<UUID, List<LineRow>> lines = new LinkedHashMap<>();
    if (statementIds.isEmpty()) {
      return lines;
    }
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT "
                + LINE_COLUMNS
                + " FROM pay_statement_line l WHERE l.tenant_id = ? AND l.statement_id = ANY (?)"
                + " ORDER BY l.statement_id, l.position")) {
      s.setObject(1, tenantId);
      s.setArray(2, connection.createArrayOf("uuid", statementIds.toArray()));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          LineRow line = line(rs);
          lines.computeIfAbsent(line.statementId(), k -> new ArrayList<>()).add(line);
        }
      }
    }
    return lines;
  }

  public Optional<LineRow> line(UUID id) throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT "
                + LINE_COLUMNS
                + " FROM pay_statement_line l WHERE l.tenant_id = ? AND l.id = ?")) {
      s.setObject(1, tenantId);
      s.setObject(2, id);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(line(rs)) : Optional.empty();
      }
    }
  }

  /** Every line of a run, by employee. */
  public Map<Long, List<LineRow>> linesOfRun(UUID runId) throws SQLException {
    Map<Long, List<LineRow>> lines = new HashMap<>();
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT "
                + LINE_COLUMNS
                + ", s.employee_id FROM pay_statement_line l JOIN pay_statement s ON s.id ="
                + " l.statement_id WHERE l.tenant_id = ? AND l.run_id = ? ORDER BY l.position")) {
      s.setObject(1, tenantId);
      s.setObject(2, runId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          lines.computeIfAbsent(rs.getLong(16), k -> new ArrayList<>()).add(line(rs));
        }
      }
    }
    return lines;
  }

  // ---- ledger and corrections -------------------------------------------------------------------

  /**
   * Σ accruals and adjustments per employee, line and period, of the periods from {@code since} on;
   * corrections answering inquiries are left out (they are not a re-pricing of the line).
   */
  public Map<LedgerKey, BigDecimal> ledgerSums(LocalDate since) throws SQLException {
    Map<LedgerKey, BigDecimal> sums = new HashMap<>();
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT employee_id, line_key, period_kind, period_start, sum(amount) FROM pay_ledger"
                + " WHERE tenant_id = ? AND kind IN ('ACCRUAL', 'ADJUSTMENT')"
                + " AND correction_id IS NULL AND period_start >= ?"
                + " GROUP BY employee_id, line_key, period_kind, period_start")) {
      s.setObject(1, tenantId);
      s.setObject(2, since);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          sums.put(
              new LedgerKey(
                  rs.getLong(1),
                  rs.getString(2),
                  KpiPeriod.containing(
                      rs.getObject(4, LocalDate.class), KpiPeriodKind.valueOf(rs.getString(3)))),
              rs.getBigDecimal(5));
        }
      }
    }
    return sums;
  }

  /** Corrections not booked yet (no ledger entry names them). */
  public List<Correction> pendingCorrections() throws SQLException {
    List<Correction> out = new ArrayList<>();
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT c.id, c.employee_id, c.line_key, c.period_kind, c.period_start,"
                + " c.statement_line_id, c.amount, c.reason, c.inquiry_id FROM pay_correction c"
                + " WHERE c.tenant_id = ? AND NOT EXISTS (SELECT 1 FROM pay_ledger g"
                + " WHERE g.tenant_id = c.tenant_id AND g.correction_id = c.id)"
                + " ORDER BY c.created_at, c.id")) {
      s.setObject(1, tenantId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Correction(
                  rs.getObject(1, UUID.class),
                  rs.getLong(2),
                  rs.getString(3),
                  KpiPeriod.containing(
                      rs.getObject(5, LocalDate.class), KpiPeriodKind.valueOf(rs.getString(4))),
                  rs.getObject(6, UUID.class),
                  rs.getBigDecimal(7),
                  rs.getString(8),
                  rs.getObject(9, UUID.class)));
        }
      }
    }
    return out;
  }

  public void insertCorrection(Correction c, Instant at, UUID by) throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "INSERT INTO pay_correction (id, tenant_id, employee_id, line_key, period_kind,"
                + " period_start, statement_line_id, amount, reason, inquiry_id, created_at,"
                + " created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setObject(1, c.id());
      s.setObject(2, tenantId);
      s.setLong(3, c.employeeId());
      s.setString(4, c.key());
      s.setString(5, c.period().kind().name());
      s.setObject(6, c.period().firstDay());
      s.setObject(7, c.statementLineId());
      s.setBigDecimal(8, c.amount());
      s.setString(9, c.reason());
      s.setObject(10, c.inquiryId());
      s.setTimestamp(11, Timestamp.from(at));
      s.setObject(12, by);
      s.executeUpdate();
    }
  }

  // ---- inquiries --------------------------------------------------------------------------------

  public void insertInquiry(UUID id, StatementRow statement, UUID lineId, UUID raisedBy, Instant at)
      throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "INSERT INTO pay_inquiry (id, tenant_id, statement_id, statement_line_id,"
                + " employee_id, status, raised_by, raised_at) VALUES (?, ?, ?, ?, ?, 'OPEN', ?,"
                + " ?)")) {
      s.setObject(1, id);
      s.setObject(2, tenantId);
      s.setObject(3, statement.id());
      s.setObject(4, lineId);
      s.setLong(5, statement.employeeId());
      s.setObject(6, raisedBy);
      s.setTimestamp(7, Timestamp.from(at));
      s.executeUpdate();
    }
  }

  public void insertMessage(UUID inquiryId, UUID author, String side, String body, Instant at)
      throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "INSERT INTO pay_inquiry_message (tenant_id, inquiry_id, author_user_id, author_name,"
                + " side, body, written_at) VALUES (?, ?, ?, coalesce((SELECT u.display_name FROM"
                + " app_user u WHERE u.id = ?), '—'), ?, ?, ?)")) {
      s.setObject(1, tenantId);
      s.setObject(2, inquiryId);
      s.setObject(3, author);
      s.setObject(4, author);
      s.setString(5, side);
      s.setString(6, body);
      s.setTimestamp(7, Timestamp.from(at));
      s.executeUpdate();
    }
  }

  /** Marks an inquiry answered (with the correction it queued, if any); false when not open. */
  public boolean answer(UUID inquiryId, UUID by, Instant at, UUID correctionId)
      throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "UPDATE pay_inquiry SET status = 'ANSWERED', answered_by = ?, answered_at = ?,"
                + " correction_id = ? WHERE tenant_id = ? AND id = ? AND status = 'OPEN'")) {
      s.setObject(1, by);
      s.setTimestamp(2, Timestamp.from(at));
      s.setObject(3, correctionId);
      s.setObject(4, tenantId);
      s.setObject(5, inquiryId);
      return s.executeUpdate() == 1;
    }
  }

  /** Inquiries, the newest first: of one employee, of one statement, or all (both null). */
  public List<InquiryRow> inquiries(Long employeeId, UUID statementId) throws SQLException {
    List<InquiryRow> out = new ArrayList<>();
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT q.id, q.statement_id, q.statement_line_id, l.name_ru, l.name_en,"
                + " l.period_kind, l.period_start, q.employee_id, q.status, q.correction_id,"
                + " c.amount, q.raised_at FROM pay_inquiry q"
                + " JOIN pay_statement_line l ON l.id = q.statement_line_id"
                + " LEFT JOIN pay_correction c ON c.id = q.correction_id"
                + " WHERE q.tenant_id = ? AND (CAST(? AS bigint) IS NULL OR q.employee_id = ?)"
                + " AND (CAST(? AS uuid) IS NULL OR q.statement_id = ?)"
                + " ORDER BY q.raised_at DESC, q.id")) {
      s.setObject(1, tenantId);
      s.setObject(2, employeeId);
      s.setObject(3, employeeId);
      s.setObject(4, statementId);
      s.setObject(5, statementId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(
              new InquiryRow(
                  rs.getObject(1, UUID.class),
                  rs.getObject(2, UUID.class),
                  rs.getObject(3, UUID.class),
                  new Text(rs.getString(4), rs.getString(5)),
                  KpiPeriod.containing(
                      rs.getObject(7, LocalDate.class), KpiPeriodKind.valueOf(rs.getString(6))),
                  rs.getLong(8),
                  rs.getString(9),
                  rs.getObject(10, UUID.class),
                  rs.getBigDecimal(11),
                  rs.getTimestamp(12).toInstant()));
        }
      }
    }
    return out;
  }

  public Optional<InquiryRow> inquiry(UUID id) throws SQLException {
    return inquiries(null, null).stream().filter(q -> q.id().equals(id)).findFirst();
  }

  public Map<UUID, List<MessageRow>> messages(Collection<UUID> inquiryIds) throws SQLException {
    Map<UUID, List<MessageRow>> out = new HashMap<>();
    if (inquiryIds.isEmpty()) {
      return out;
    }
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT inquiry_id, author_name, side, body, written_at FROM pay_inquiry_message"
                + " WHERE tenant_id = ? AND inquiry_id = ANY (?) ORDER BY id")) {
      s.setObject(1, tenantId);
      s.setArray(2, connection.createArrayOf("uuid", inquiryIds.toArray()));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          MessageRow m =
              new MessageRow(
                  rs.getObject(1, UUID.class),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getTimestamp(5).toInstant());
          out.computeIfAbsent(m.inquiryId(), k -> new ArrayList<>()).add(m);
        }
      }
    }
    return out;
  }

  /** Open inquiries per statement of a run. */
  public Map<UUID, Integer> openInquiries(UUID runId) throws SQLException {
    Map<UUID, Integer> out = new HashMap<>();
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT q.statement_id, count(*) FROM pay_inquiry q JOIN pay_statement s ON s.id ="
                + " q.statement_id WHERE q.tenant_id = ? AND s.run_id = ? AND q.status = 'OPEN'"
                + " GROUP BY q.statement_id")) {
      s.setObject(1, tenantId);
      s.setObject(2, runId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getObject(1, UUID.class), rs.getInt(2));
        }
      }
    }
    return out;
  }

  // ---- payroll profiles -------------------------------------------------------------------------

  public Map<Long, Profile> profiles() throws SQLException {
    Map<Long, Profile> out = new HashMap<>();
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT employee_id, personnel_number, organisation FROM pay_profile"
                + " WHERE tenant_id = ?")) {
      s.setObject(1, tenantId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getLong(1), new Profile(rs.getLong(1), rs.getString(2), rs.getString(3)));
        }
      }
    }
    return out;
  }

  public void saveProfile(Profile p, Instant at) throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "INSERT INTO pay_profile (tenant_id, employee_id, personnel_number, organisation,"
                + " updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (tenant_id, employee_id) DO"
                + " UPDATE SET personnel_number = excluded.personnel_number,"
                + " organisation = excluded.organisation, updated_at = excluded.updated_at")) {
      s.setObject(1, tenantId);
      s.setLong(2, p.employeeId());
      s.setString(3, p.personnelNumber());
      s.setString(4, p.organisation());
      s.setTimestamp(5, Timestamp.from(at));
      s.executeUpdate();
    }
  }

  /** Whether another employee already has this personnel number. */
  public boolean personnelNumberTaken(String number, long except) throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT 1 FROM pay_profile WHERE tenant_id = ? AND personnel_number = ?"
                + " AND employee_id <> ?")) {
      s.setObject(1, tenantId);
      s.setString(2, number);
      s.setLong(3, except);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** The company's name (the tenant's). */
  public String companyName() throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement("SELECT name FROM tenant WHERE id = ?")) {
      s.setObject(1, tenantId);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getString(1) : "";
      }
    }
  }

  // ---- mapping ----------------------------------------------------------------------------------

  private interface Binder {
    void bind(PreparedStatement s) throws SQLException;
  }

  private List<RunRow> runs(String where, Binder binder) throws SQLException {
    List<RunRow> out = new ArrayList<>();
    try (PreparedStatement s =
        connection.prepareStatement("SELECT " + RUN_COLUMNS + " FROM pay_run r " + where)) {
      binder.bind(s);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(
              new RunRow(
                  rs.getObject(1, UUID.class),
                  rs.getObject(2, LocalDate.class),
                  rs.getString(3),
                  rs.getInt(4),
                  instant(rs.getTimestamp(5)),
                  rs.getObject(6, UUID.class),
                  rs.getString(7),
                  instant(rs.getTimestamp(8)),
                  rs.getObject(9, UUID.class),
                  rs.getString(10),
                  instant(rs.getTimestamp(11)),
                  rs.getObject(12, LocalDate.class),
                  rs.getString(13),
                  rs.getInt(14),
                  rs.getBigDecimal(15),
                  rs.getBigDecimal(16),
                  rs.getBigDecimal(17),
                  rs.getBigDecimal(18)));
        }
      }
    }
    return out;
  }

  private List<StatementRow> statements(String where, Binder binder) throws SQLException {
    List<StatementRow> out = new ArrayList<>();
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT "
                + STATEMENT_COLUMNS
                + " FROM pay_statement s JOIN pay_run r ON r.id = s.run_id "
                + where)) {
      binder.bind(s);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(
              new StatementRow(
                  rs.getObject(1, UUID.class),
                  rs.getObject(2, UUID.class),
                  rs.getObject(3, LocalDate.class),
                  rs.getString(4),
                  rs.getLong(5),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getString(8),
                  texts(rs.getString(9)),
                  texts(rs.getString(10)),
                  rs.getBigDecimal(11),
                  rs.getBigDecimal(12),
                  rs.getBigDecimal(13),
                  rs.getBigDecimal(14),
                  rs.getBigDecimal(15)));
        }
      }
    }
    return out;
  }

  private static LineRow line(ResultSet rs) throws SQLException {
    String reason = rs.getString(14);
    return new LineRow(
        rs.getObject(1, UUID.class),
        rs.getObject(2, UUID.class),
        rs.getInt(3),
        rs.getString(4),
        rs.getString(5),
        new Text(rs.getString(6), rs.getString(7)),
        KpiPeriod.containing(
            rs.getObject(9, LocalDate.class), KpiPeriodKind.valueOf(rs.getString(8))),
        rs.getBigDecimal(10),
        rs.getBoolean(11),
        texts(rs.getString(12)),
        deals(rs.getString(13)),
        reason == null ? null : text(read(reason).asJsonObject()),
        rs.getObject(15, UUID.class));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  static JsonObject text(Text t) {
    return JSON.createObjectBuilder().add("ru", t.ru()).add("en", t.en()).build();
  }

  static Text text(JsonObject o) {
    return new Text(o.getString("ru"), o.getString("en"));
  }

  static String texts(List<Text> texts) {
    JsonArrayBuilder a = JSON.createArrayBuilder();
    texts.forEach(t -> a.add(text(t)));
    return a.build().toString();
  }

  static List<Text> texts(String json) {
    List<Text> out = new ArrayList<>();
    for (JsonValue v : read(json).asJsonArray()) {
      out.add(text(v.asJsonObject()));
    }
    return out;
  }

  static String deals(List<DealRef> deals) {
    JsonArrayBuilder a = JSON.createArrayBuilder();
    for (DealRef d : deals) {
      JsonObjectBuilder o = JSON.createObjectBuilder().add("id", d.id());
      if (d.title() != null) {
        o.add("title", d.title());
      }
      if (d.amount() != null) {
        o.add("amount", d.amount().toPlainString());
      }
      if (d.wonOn() != null) {
        o.add("wonOn", d.wonOn().toString());
      }
      if (d.change() != null) {
        o.add("change", d.change());
      }
      a.add(o);
    }
    return a.build().toString();
  }

  static List<DealRef> deals(String json) {
    List<DealRef> out = new ArrayList<>();
    JsonArray array = read(json).asJsonArray();
    for (JsonValue v : array) {
      JsonObject o = v.asJsonObject();
      out.add(
          new DealRef(
              o.getJsonNumber("id").longValue(),
              o.getString("title", null),
              o.containsKey("amount") ? new BigDecimal(o.getString("amount")) : null,
              o.containsKey("wonOn") ? LocalDate.parse(o.getString("wonOn")) : null,
              o.getString("change", null)));
    }
    return out;
  }

  private static JsonValue read(String json) {
    try (JsonReader r = READER.createReader(new StringReader(json))) {
      return r.readValue();
    }
  }

  static Date date(LocalDate d) {
    return Date.valueOf(d);
  }
}
