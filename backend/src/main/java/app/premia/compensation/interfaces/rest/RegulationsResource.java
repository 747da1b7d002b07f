package app.premia.compensation.interfaces.rest;

import app.premia.compensation.application.Audit;
import app.premia.compensation.application.Regulations;
import app.premia.compensation.application.RegulationsRendering;
import app.premia.compensation.application.RegulationsStore;
import app.premia.compensation.application.RegulationsStore.DocumentRow;
import app.premia.compensation.application.SchemeStore;
import app.premia.compensation.domain.regulations.RegulationsDocument;
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
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code GET /api/regulations/{id}/pdf?lang=ru|en}: a regulations version as PDF, rendered from the
 * same XHTML as the page shows. Authenticated by the session cookie like {@code /graphql}: those
 * who see all (tenant admins, accountants, the consultancy's people) any version, the draft
 * included; everybody else published versions only. An id of another tenant, of nothing or of a
 * draft one may not read answers 404 alike. Reads in one transaction that is rolled back.
 */
@Path("/")
@RequestScoped
public class RegulationsResource {

  private static final Logger LOG = Logger.getLogger(RegulationsResource.class.getName());

  @Inject Transactions transactions;
  @Inject Instance<IdentityResolver> identityResolver;
  @Inject TenantAccess access;
  @Inject EntityManager em;
  @Inject Clock clock;
  @Inject KpiFeed feed;

  @Context HttpServletRequest request;

  private record File(byte[] body, String name) {}

  @GET
  @Path("{id}/pdf")
  public Response pdf(@PathParam("id") String id, @QueryParam("lang") String lang) {
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
                          return render(access.compensationCaller(), id, language);
                        } catch (SQLException e) {
                          throw new IllegalStateException("reading the regulations failed", e);
                        }
                      }));
      return FileDownloads.file(
          file.body(), "application/pdf", file.name(), FileDownloads.asciiName(file.name()));
    } catch (PremiaException e) {
      return FileDownloads.refusal(e);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "regulations PDF failed", e);
      return FileDownloads.error(500, ErrorCode.INTERNAL, "Не удалось подготовить PDF.");
    }
  }

  private File render(TenantAccess.CompensationCaller caller, String id, String language)
      throws SQLException {
    UUID tenant = caller.tenant().tenantId();
    UUID documentId = CompensationIds.decode(CompensationIds.REGULATIONS_DOCUMENT, tenant, id);
    Connection connection = em.unwrap(Connection.class);
    RegulationsStore store = new RegulationsStore(connection, tenant);
    DocumentRow row = documentId == null ? null : store.document(documentId).orElse(null);
    if (row == null || !(caller.seesAll() || row.published())) {
      throw new PremiaException(ErrorCode.NOT_FOUND, "Редакция Положения не найдена.");
    }
    Regulations regulations =
        new Regulations(
            store,
            new SchemeStore(connection, tenant),
            feed.catalogue(),
            Audit.NONE,
            clock,
            caller.tenant().userId(),
            language);
    RegulationsDocument document = regulations.document(row);
    byte[] pdf = RegulationsRendering.pdf(document, language, !row.published());
    String name =
        "en".equals(language)
            ? "Bonus regulations, version " + row.number() + ".pdf"
            : "Положение о премировании, редакция " + row.number() + ".pdf";
    return new File(pdf, name);
  }
}
