package app.premia.crm.interfaces.rest;

import app.premia.crm.application.EventIntake;
import app.premia.crm.application.OAuthServers;
import app.premia.crm.application.PortalConnections;
import app.premia.crm.application.PortalInstalls;
import app.premia.crm.application.SyncEngine;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code POST /api/bitrix/events}: deliveries ({@code application/x-www-form-urlencoded}, PHP-style
 * bracketed names such as {@code auth[application_token]}), answered at once. {@code POST
 * /api/bitrix/install?state=…}: the install callback — either the {@code ONAPPINSTALL} event form
 * or the install page's {@code AUTH_ID}/{@code REFRESH_ID} form — authenticated by the one-time
 * link.
 */
@Path("")
public class BitrixResource {

  @Inject EventIntake intake;
  @Inject PortalInstalls installs;
  @Inject OAuthServers oauthServers;
  @Inject SyncEngine engine;

  @POST
  @Path("events")
  @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
  @Produces(MediaType.APPLICATION_JSON)
  public Response event(MultivaluedMap<String, String> form) {
    EventIntake.Verdict verdict =
        intake.accept(
            form.getFirst("event"),
            form.getFirst("auth[member_id]"),
            form.getFirst("auth[application_token]"),
            form.getFirst("data[FIELDS][ID]"));
    return switch (verdict) {
      case ACCEPTED, IGNORED ->
          Response.ok("{\"status\":\"" + verdict.name().toLowerCase() + "\"}").build();
      case REJECTED_AUTH ->
          Response.status(Response.Status.FORBIDDEN)
              .entity("{\"error\":\"invalid_application_token\"}")
              .build();
      case REJECTED_INPUT ->
          Response.status(Response.Status.BAD_REQUEST)
              .entity("{\"error\":\"invalid_event\"}")
              .build();
    };
  }

  @POST
  @Path("install")
  @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
  @Produces(MediaType.TEXT_HTML)
  public Response install(
      @QueryParam("state") String state,
      @QueryParam("DOMAIN") String domainParam,
      MultivaluedMap<String, String> form,
      @Context UriInfo uri) {
    if (state == null || state.isBlank() || state.length() > 200) {
      return page(Response.Status.FORBIDDEN, "Ссылка установки не указана.", false);
    }
    boolean event = "ONAPPINSTALL".equalsIgnoreCase(form.getFirst("event"));
    String domain = event ? form.getFirst("auth[domain]") : domainParam;
    String memberId = event ? form.getFirst("auth[member_id]") : form.getFirst("member_id");
    String clientEndpoint =
        event
            ? form.getFirst("auth[client_endpoint]")
            : (domain == null ? null : "https://" + domain + "/rest/");
    String serverEndpoint =
        event ? form.getFirst("auth[server_endpoint]") : form.getFirst("SERVER_ENDPOINT");
    String access = event ? form.getFirst("auth[access_token]") : form.getFirst("AUTH_ID");
    String refresh = event ? form.getFirst("auth[refresh_token]") : form.getFirst("REFRESH_ID");
    String appToken =
        event ? form.getFirst("auth[application_token]") : form.getFirst("APPLICATION_TOKEN");
    if (blank(domain)
        || blank(memberId)
        || blank(access)
        || blank(refresh)
        || blank(appToken)
        || blank(clientEndpoint)
        || memberId.length() > 64
        || domain.length() > 255) {
      return page(Response.Status.BAD_REQUEST, "Неполные данные установки.", false);
    }
    // named by its REST address, exactly as a webhook connection of the same portal is
    domain = PortalConnections.domainOf(clientEndpoint);
    var tokenUrl = oauthServers.tokenUrl(serverEndpoint);
    if (tokenUrl.isEmpty() || !oauthServers.acceptableEndpoint(clientEndpoint)) {
      return page(
          Response.Status.BAD_REQUEST, "Недопустимый адрес портала или сервера OAuth.", false);
    }
    PortalInstalls.Result result =
        installs.install(
            state,
            new PortalInstalls.Installation(
                memberId, domain, clientEndpoint, tokenUrl.get(), access, refresh, appToken));
    return switch (result.outcome()) {
      case INSTALLED -> {
        engine.installed(result.tenant(), uri.getBaseUri().toString() + "events");
        yield page(Response.Status.OK, "Premia установлена. Синхронизация началась.", !event);
      }
      case UNKNOWN_LINK ->
          page(Response.Status.FORBIDDEN, "Ссылка установки недействительна.", false);
      case EXPIRED_LINK ->
          page(
              Response.Status.GONE,
              "Ссылка установки устарела или уже использована: создайте новую в Premia.",
              false);
      case PORTAL_OF_ANOTHER_TENANT ->
          page(Response.Status.CONFLICT, "Этот портал уже подключён к другой компании.", false);
      case TENANT_HAS_ANOTHER_PORTAL ->
          page(
              Response.Status.CONFLICT,
              "Компания уже связана с другим порталом: данные разных порталов не смешиваются.",
              false);
    };
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  /** The install page; inside the portal's iframe it tells Bitrix24 the installation finished. */
  private static Response page(Response.Status status, String message, boolean finish) {
    String script =
        finish
            ? "<script src=\"https://api.bitrix24.com/api/v1/\"></script>"
                + "<script>if (window.BX24) { BX24.init(function () { BX24.installFinish(); }); }"
                + "</script>"
            : "";
    String html =
        "<!doctype html><html lang=\"ru\"><head><meta charset=\"utf-8\"><title>Premia</title>"
            + "</head><body><p>"
            + message
            + "</p>"
            + script
            + "</body></html>";
    return Response.status(status).type("text/html; charset=utf-8").entity(html).build();
  }
}
