package app.premia.kpi.interfaces.rest;

import app.premia.kpi.application.PlanTemplate;
import app.premia.kpi.application.Plans;
import app.premia.kpi.domain.PeriodType;
import app.premia.platform.errors.ErrorCode;
import app.premia.platform.errors.PremiaException;
import app.premia.platform.persistence.Transactions;
import app.premia.platform.security.IdentityResolver;
import app.premia.platform.security.IdentityScope;
import app.premia.platform.security.RequestIdentity;
import app.premia.platform.web.FileDownloads;
import app.premia.tenancy.api.TenantAccess;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code GET /api/kpi/plans/template.xlsx?kind=MONTH&start=2026-11-01}: the plan workbook of a
 * period to fill in Excel and import back ({@code importKpiPlans}). Authenticated by the session
 * cookie, like {@code /graphql}; allowed to those who manage plans ({@link
 * TenantAccess.KpiCaller#managesPlans()}). Runs in one read-only transaction in the caller's tenant
 * (row-level security set from the session). Errors are JSON: {@code {"errors":[{"message":…,
 * "extensions":{"code":…}}]}} with 400, 401, 403 or 500.
 */
@Path("plans")
@RequestScoped
public class PlanTemplateResource {

  private static final Logger LOG = Logger.getLogger(PlanTemplateResource.class.getName());

  @Inject Transactions transactions;
  @Inject Instance<IdentityResolver> identityResolver;
  @Inject TenantAccess access;
  @Inject EntityManager em;
  @Inject Clock clock;

  @Context HttpServletRequest request;

  @GET
  @Path("template.xlsx")
  public Response template(@QueryParam("kind") String kind, @QueryParam("start") String start) {
    PeriodType type;
    LocalDate first;
    try {
      type = PeriodType.valueOf(kind == null ? "" : kind.strip());
      first = LocalDate.parse(start == null ? "" : start.strip());
      PlanTemplate.fileName(type, first); // refuses a start that does not begin such a period
    } catch (IllegalArgumentException | DateTimeParseException e) {
      return error(
          400,
          ErrorCode.BAD_USER_INPUT,
          "Укажите период: kind=MONTH|QUARTER|YEAR и start=ГГГГ-ММ-ДД — первый день месяца,"
              + " квартала или года.");
    }
    try {
      byte[] workbook =
          IdentityScope.runAs(
              resolveIdentity(),
              () ->
                  transactions.required(
                      () -> {
                        transactions.markRollbackOnly(); // reads only
                        if (!access.kpiCaller().managesPlans()) {
                          throw new PremiaException(
                              ErrorCode.FORBIDDEN,
                              "Планы задают администратор компании и консультант.");
                        }
                        Connection connection = em.unwrap(Connection.class);
                        Plans plans =
                            new Plans(
                                connection,
                                (action, id, before, after) -> {
                                  throw new IllegalStateException("the template writes nothing");
                                },
                                clock);
                        try {
                          return new PlanTemplate(plans).build(type, first);
                        } catch (SQLException e) {
                          throw new IllegalStateException("reading the plans failed", e);
                        }
                      }));
      return FileDownloads.file(
          workbook,
          PlanTemplate.CONTENT_TYPE,
          PlanTemplate.fileName(type, first),
          PlanTemplate.asciiFileName(type, first));
    } catch (PremiaException e) {
      return switch (e.code()) {
        case UNAUTHENTICATED -> error(401, e.code(), e.getMessage());
        case FORBIDDEN, NOT_FOUND -> error(403, ErrorCode.FORBIDDEN, e.getMessage());
        case UNAVAILABLE -> error(503, e.code(), e.getMessage());
        default -> error(400, e.code(), e.getMessage());
      };
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "plan template failed", e);
      return error(500, ErrorCode.INTERNAL, "Не удалось подготовить шаблон плана.");
    }
  }

  private RequestIdentity resolveIdentity() {
    return FileDownloads.identity(request, identityResolver);
  }

  private static Response error(int status, ErrorCode code, String message) {
    return FileDownloads.error(status, code, message);
  }
}
