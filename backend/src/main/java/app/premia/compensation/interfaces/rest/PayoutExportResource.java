package app.premia.compensation.interfaces.rest;

import app.premia.compensation.application.PayoutExport;
import app.premia.compensation.application.PayoutExports;
import app.premia.compensation.application.PayoutStore;
import app.premia.compensation.application.Payouts;
import app.premia.compensation.application.SchemeStore;
import app.premia.compensation.interfaces.graphql.CompensationIds;
import app.premia.kpi.api.KpiFeed;
import app.premia.platform.errors.ErrorCode;
import app.premia.platform.errors.PremiaException;
import app.premia.platform.persistence.Transactions;
import app.premia.platform.security.IdentityResolver;
import app.premia.platform.security.IdentityScope;
import app.premia.platform.web.FileDownloads;
import app.premia.tenancy.api.TenantAccess;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code GET /api/payouts/runs/{id}/export/{kind}}: a payout run as a file — {@code xlsx} (the run
 * with its lines), {@code zup-xlsx} / {@code zup-csv} (the 1C:ZUP import file of one organisation,
 * {@code ?organisation=}; the only one when omitted), {@code bi-csv} (the BI feed). Authenticated
 * by the session cookie like {@code /graphql}, for those who see every statement (tenant admins,
 * accountants, the consultancy's people); an id of another tenant or of nothing answers 404. Reads
 * in one transaction that is rolled back. {@code ?lang=en} for English sheet texts.
 */
@Path("/")
@RequestScoped
public class PayoutExportResource {

  private static final Logger LOG = Logger.getLogger(PayoutExportResource.class.getName());

  @Inject Transactions transactions;
  @Inject Instance<IdentityResolver> identityResolver;
  @Inject TenantAccess access;
  @Inject EntityManager em;
  @Inject Clock clock;
  @Inject KpiFeed feed;

  @Context HttpServletRequest request;

  /** A file and its names. */
  private record File(byte[] body, String contentType, String name) {}

  /**
   * {@code GET /api/payouts/statements/{id}/xlsx}: one statement as a workbook — the employee's own
   * (of an approved or paid run) for a manager, any for those who see every statement.
   */
  @GET
  @Path("statements/{id}/xlsx")
  public Response statement(@PathParam("id") String id, @QueryParam("lang") String lang) {
    String language = "en".equals(lang) ? "en" : "ru";
    try {
      File file =
          IdentityScope.runAs(
              FileDownloads.identity(request, identityResolver),
              () ->
                  transactions.required(
                      () -> {
                        transactions.markRollbackOnly(); // reads only
                        try {
                          return statementFile(access.compensationCaller(), id, language);
                        } catch (SQLException e) {
                          throw new IllegalStateException("reading the statement failed", e);
                        }
                      }));
      return FileDownloads.file(
          file.body(), file.contentType(), file.name(), FileDownloads.asciiName(file.name()));
    } catch (PremiaException e) {
      return FileDownloads.refusal(e);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "statement export failed", e);
      return FileDownloads.error(500, ErrorCode.INTERNAL, "Не удалось подготовить выгрузку.");
    }
  }

  private File statementFile(TenantAccess.CompensationCaller caller, String id, String language)
      throws SQLException {
    UUID tenant = caller.tenant().tenantId();
    UUID statementId = CompensationIds.decode(CompensationIds.STATEMENT, tenant, id);
    Connection connection = em.unwrap(Connection.class);
    PayoutStore store = new PayoutStore(connection, tenant);
    PayoutStore.StatementRow statement =
        statementId == null ? null : store.statement(statementId).orElse(null);
    Long me = linkedEmployee(caller, connection);
    boolean mine =
        statement != null
            && me != null
            && me == statement.employeeId()
            && !"DRAFT".equals(statement.runStatus());
    if (statement == null || !(caller.seesAll() || mine)) {
      throw new PremiaException(ErrorCode.NOT_FOUND, "Расчётный лист не найден.");
    }
    Payouts payouts = new Payouts(store, new SchemeStore(connection, tenant), feed, clock);
    PayoutExport run = payouts.export(statement.runId(), language).orElseThrow();
    PayoutExport one =
        new PayoutExport(
            run.companyName(),
            run.currency(),
            run.month(),
            run.runId(),
            run.status(),
            run.rows().stream().filter(r -> r.employeeId() == statement.employeeId()).toList());
    return new File(
        PayoutExports.runXlsx(one, language),
        PayoutExports.XLSX_CONTENT_TYPE,
        "Расчётный лист " + statement.employeeName() + " " + run.month() + ".xlsx");
  }

  /** The caller's portal user: his membership's link, else the one active user with his e-mail. */
  private static Long linkedEmployee(TenantAccess.CompensationCaller caller, Connection connection)
      throws SQLException {
    if (caller.employeeId() != null || caller.email() == null) {
      return caller.employeeId();
    }
    return new SchemeStore(connection, caller.tenant().tenantId())
        .activeEmployeeByEmail(caller.email());
  }

  @GET
  @Path("runs/{id}/export/{kind}")
  public Response export(
      @PathParam("id") String id,
      @PathParam("kind") String kind,
      @QueryParam("organisation") String organisation,
      @QueryParam("lang") String lang) {
    String language = "en".equals(lang) ? "en" : "ru";
    String format = kind == null ? "" : kind.toLowerCase(Locale.ROOT);
    if (!List.of("xlsx", "zup-xlsx", "zup-csv", "bi-csv").contains(format)) {
      return FileDownloads.error(
          400, ErrorCode.BAD_USER_INPUT, "Формат выгрузки: xlsx, zup-xlsx, zup-csv или bi-csv.");
    }
    try {
      File file =
          IdentityScope.runAs(
              FileDownloads.identity(request, identityResolver),
              () ->
                  transactions.required(
                      () -> {
                        transactions.markRollbackOnly(); // reads only
                        TenantAccess.CompensationCaller caller = access.compensationCaller();
                        if (!caller.seesAll()) {
                          throw new PremiaException(
                              ErrorCode.FORBIDDEN,
                              "Выгрузки ведомостей — для администратора компании, бухгалтера и"
                                  + " консультанта.");
                        }
                        try {
                          return build(caller, id, format, organisation, language);
                        } catch (SQLException e) {
                          throw new IllegalStateException("reading the run failed", e);
                        }
                      }));
      return FileDownloads.file(
          file.body(), file.contentType(), file.name(), FileDownloads.asciiName(file.name()));
    } catch (PremiaException e) {
      return FileDownloads.refusal(e);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "payout export failed", e);
      return FileDownloads.error(500, ErrorCode.INTERNAL, "Не удалось подготовить выгрузку.");
    }
  }

  private File build(
      TenantAccess.CompensationCaller caller,
      String id,
      String format,
      String organisation,
      String language)
      throws SQLException {
    UUID tenant = caller.tenant().tenantId();
    UUID runId = CompensationIds.decode(CompensationIds.PAYOUT_RUN, tenant, id);
    Connection connection = em.unwrap(Connection.class);
    Payouts payouts =
        new Payouts(
            new PayoutStore(connection, tenant), new SchemeStore(connection, tenant), feed, clock);
    PayoutExport export = runId == null ? null : payouts.export(runId, language).orElse(null);
    if (export == null) {
      throw new PremiaException(ErrorCode.NOT_FOUND, "Ведомость не найдена.");
    }
    String month = export.month().toString();
    return switch (format) {
      case "xlsx" ->
          new File(
              PayoutExports.runXlsx(export, language),
              PayoutExports.XLSX_CONTENT_TYPE,
              "Ведомость " + month + ".xlsx");
      case "bi-csv" ->
          new File(
              PayoutExports.biCsv(export),
              PayoutExports.CSV_CONTENT_TYPE,
              "payouts-" + month + ".csv");
      default -> {
        String org = organisation(export, organisation);
        boolean xlsx = format.equals("zup-xlsx");
        String name = "ЗУП " + org + " " + month + (xlsx ? ".xlsx" : ".csv");
        yield xlsx
            ? new File(PayoutExports.zupXlsx(export, org), PayoutExports.XLSX_CONTENT_TYPE, name)
            : new File(PayoutExports.zupCsv(export, org), PayoutExports.CSV_CONTENT_TYPE, name);
      }
    };
  }

  private static String organisation(PayoutExport export, String wanted) {
    List<String> organisations = PayoutExports.organisations(export);
    if (wanted != null && !wanted.isBlank()) {
      if (!organisations.contains(wanted.strip())) {
        throw new PremiaException(
            ErrorCode.BAD_USER_INPUT,
            "В ведомости нет организации «"
                + wanted.strip()
                + "»: "
                + String.join(", ", organisations));
      }
      return wanted.strip();
    }
    if (organisations.size() == 1) {
      return organisations.get(0);
    }
    if (organisations.isEmpty()) {
      throw new PremiaException(ErrorCode.BAD_USER_INPUT, "В ведомости нет ни одного сотрудника.");
    }
    throw new PremiaException(
        ErrorCode.BAD_USER_INPUT,
        "Укажите организацию (?organisation=): " + String.join(", ", organisations));
  }
}
