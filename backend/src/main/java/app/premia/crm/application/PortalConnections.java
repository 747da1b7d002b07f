package app.premia.crm.application;

import app.premia.crm.domain.PipelineFact;
import app.premia.crm.domain.SyncEntity;
import app.premia.crm.domain.SyncMode;
import app.premia.platform.audit.AuditLog;
import app.premia.platform.errors.BusinessRuleException;
import app.premia.platform.errors.UserError;
import app.premia.tenancy.api.TenantAccess;
import app.premia.tenancy.api.TenantAccess.ActiveTenant;
import app.premia.tenancy.api.TenantAccess.IntegrationRight;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Use cases of a tenant's Bitrix24 connection, called in the request's transaction: test a webhook,
 * connect, start an app install, configure, sync now, disconnect; and the read models (connection,
 * progress, quarantine). Sync passes start only after the request's transaction committed.
 */
@ApplicationScoped
public class PortalConnections {

  static final Pattern NPS_FIELD = Pattern.compile("UF_[A-Z0-9_]{1,60}");
  static final List<String> NEEDED_SCOPES = List.of("crm", "user", "department");
  static final Duration INSTALL_LINK_LIFETIME = Duration.ofHours(24);

  @Inject TenantAccess access;
  @Inject PortalGateway gateway;
  @Inject SecretCipher cipher;
  @Inject SyncEngine engine;
  @Inject EntityManager em;
  @Inject AuditLog audit;
  @Inject OAuthServers addresses;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "premia.public-url", defaultValue = "http://127.0.0.1:8080")
  String publicUrl;

  @Resource TransactionSynchronizationRegistry transactions;

  private Connection jdbc() {
    return em.unwrap(Connection.class);
  }

  // ---- reads ------------------------------------------------------------------------------

  public Optional<Views.PortalView> connection() throws SQLException {
    ActiveTenant tenant = access.requireIntegration(IntegrationRight.VIEW);
    return view(tenant.tenantId());
  }

  private Optional<Views.PortalView> view(UUID tenant) throws SQLException {
    Connection c = jdbc();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT mode, status, domain, member_id, plan, nps_field, pipelines, connected_at,"
                + " last_error, custom_rate, custom_burst, custom_operating_seconds"
                + " FROM crm_portal WHERE tenant_id = ?")) {
      s.setObject(1, tenant);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        Set<Integer> selected = PortalRows.pipelines(rs.getArray(7));
        boolean enterprise = "ENTERPRISE".equals(rs.getString(5));
        java.math.BigDecimal rate = rs.getBigDecimal(10);
        Views.LimitsView limits =
            rate != null
                ? new Views.LimitsView(
                    rate.doubleValue(), rs.getInt(11), rs.getBigDecimal(12).doubleValue(), true)
                : new Views.LimitsView(enterprise ? 5 : 2, enterprise ? 250 : 50, 480, false);
        return Optional.of(
            new Views.PortalView(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                enterprise,
                rs.getString(6),
                limits,
                storedPipelines(c, tenant, selected),
                rs.getObject(8, OffsetDateTime.class),
                rs.getString(9)));
      }
    }
  }

  private static List<Views.PipelineView> storedPipelines(
      Connection c, UUID tenant, Set<Integer> selected) throws SQLException {
    List<Views.PipelineView> pipelines = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT id, name FROM crm_pipeline WHERE tenant_id = ? ORDER BY sort, id")) {
      s.setObject(1, tenant);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          int id = rs.getInt(1);
          pipelines.add(
              new Views.PipelineView(
                  id, rs.getString(2), selected.isEmpty() || selected.contains(id)));
        }
      }
    }
    return pipelines;
  }

  public Views.SyncStatusView status() throws SQLException {
    ActiveTenant tenant = access.requireIntegration(IntegrationRight.VIEW);
    return SyncStatusReader.read(
        jdbc(), tenant.tenantId(), engine.running(tenant.tenantId()), OffsetDateTime.now(clock));
  }

  public List<Views.QuarantineView> quarantine(int first) throws SQLException {
    ActiveTenant tenant = access.requireIntegration(IntegrationRight.VIEW);
    List<Views.QuarantineView> rows = new ArrayList<>();
    try (PreparedStatement s =
        jdbc()
            .prepareStatement(
                "SELECT entity, raw_id, reason, raw_excerpt, first_seen_at, last_seen_at,"
                    + " occurrences FROM crm_quarantine WHERE tenant_id = ?"
                    + " ORDER BY last_seen_at DESC, entity, raw_id LIMIT ?")) {
      s.setObject(1, tenant.tenantId());
      s.setInt(2, Math.max(1, Math.min(first, 100)));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new Views.QuarantineView(
                  SyncEntity.valueOf(rs.getString(1)),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getObject(5, OffsetDateTime.class),
                  rs.getObject(6, OffsetDateTime.class),
                  rs.getInt(7)));
        }
      }
    }
    return rows;
  }

  // ---- webhook connection -------------------------------------------------------------------

  /** Checks a webhook URL against the portal; saves nothing. */
  public Views.ProbeView test(String webhookUrl) {
    access.requireIntegration(IntegrationRight.MANAGE);
    return probe(requireUrl(webhookUrl), true);
  }

  private String requireUrl(String webhookUrl) {
    String url = requireText(webhookUrl);
    if (!addresses.acceptableEndpoint(url)) {
      throw new BusinessRuleException(
          UserError.of(
              UserError.Code.INVALID,
              "Адрес вебхука должен начинаться с https:// (Битрикс24 принимает только HTTPS).",
              "input",
              "webhookUrl"));
    }
    return url;
  }

  /**
   * Asks the portal who the webhook acts as, its scopes and pipelines; with {@code countDeals},
   * also how many deals it sees (the wizard shows it; connecting does not need it).
   */
  private Views.ProbeView probe(String webhookUrl, boolean countDeals) {
    try (PortalSession session =
        gateway.openForTest(
            new PortalAccess.Webhook(webhookUrl),
            new PortalSession.Options(false, "UF_CRM_NPS", Set.of()))) {
      PortalSession.Probe probe = session.probe();
      List<String> missing =
          NEEDED_SCOPES.stream()
              .filter(
                  scope ->
                      probe.scopes().stream()
                          .noneMatch(s -> s.equals(scope) || s.startsWith(scope + "_")))
              .toList();
      List<Views.PipelineView> pipelines = new ArrayList<>();
      long deals = 0;
      if (!missing.contains("crm")) {
        for (Object fact : session.dictionary(SyncEntity.PIPELINE).facts()) {
          PipelineFact p = (PipelineFact) fact;
          pipelines.add(new Views.PipelineView(p.id(), p.name(), true));
        }
        deals = countDeals ? session.count(SyncEntity.DEAL, null) : -1;
      }
      return new Views.ProbeView(
          probe.domain(),
          probe.userName(),
          probe.admin(),
          probe.scopes(),
          missing,
          pipelines,
          deals);
    } catch (PortalException e) {
      throw new BusinessRuleException(
          UserError.of(UserError.Code.INVALID, e.getMessage(), "input", "webhookUrl"));
    }
  }

  private static String requireText(String webhookUrl) {
    String url = webhookUrl == null ? "" : webhookUrl.trim();
    if (url.isEmpty()) {
      throw new BusinessRuleException(
          UserError.of(
              UserError.Code.REQUIRED, "Вставьте адрес входящего вебхука.", "input", "webhookUrl"));
    }
    if (url.length() > 500) {
      throw new BusinessRuleException(
          UserError.of(
              UserError.Code.INVALID, "Адрес вебхука слишком длинный.", "input", "webhookUrl"));
    }
    return url;
  }

  /** Connects the tenant by webhook and starts the first full sync after commit. */
  public Views.PortalView connect(
      String webhookUrl, List<Integer> pipelineIds, String npsField, String correlationId)
      throws SQLException {
    ActiveTenant tenant = access.requireIntegration(IntegrationRight.MANAGE);
    String url = requireUrl(webhookUrl);
    String nps = npsField(npsField);
    Views.ProbeView probe = probe(url, false);
    if (probe.missingScopes().contains("crm")) {
      throw new BusinessRuleException(
          UserError.of(
              UserError.Code.INVALID,
              "У вебхука нет права «CRM (crm)»: без него Premia не видит сделки.",
              "input",
              "webhookUrl"));
    }
    Set<Integer> known = new HashSet<>();
    probe.pipelines().forEach(p -> known.add(p.id()));
    Set<Integer> pipelines = pipelines(pipelineIds, known);
    Connection c = jdbc();
    requireSamePortal(c, tenant.tenantId(), probe.domain());
    OffsetDateTime now = OffsetDateTime.now(clock);
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO crm_portal (tenant_id, mode, status, member_id, domain, client_endpoint,"
                + " secret_webhook, plan, nps_field, pipelines, connected_at, updated_at)"
                + " VALUES (?, 'WEBHOOK', 'CONNECTED', NULL, ?, ?, ?, 'STANDARD', ?, ?, ?, ?)"
                + " ON CONFLICT (tenant_id) DO UPDATE SET mode = 'WEBHOOK', status = 'CONNECTED',"
                + " client_endpoint = excluded.client_endpoint,"
                + " secret_webhook = excluded.secret_webhook, secret_access_token = NULL,"
                + " secret_refresh_token = NULL, secret_client = NULL,"
                + " application_token_hash = NULL, nps_field = excluded.nps_field,"
                + " pipelines = excluded.pipelines, updated_at = excluded.updated_at,"
                + " last_error = NULL")) {
      s.setObject(1, tenant.tenantId());
      s.setString(2, probe.domain());
      s.setString(3, endpointOf(url));
      s.setBytes(4, cipher.encrypt(url, tenant.tenantId().toString()));
      s.setString(5, nps);
      s.setArray(6, c.createArrayOf("integer", pipelines.toArray(new Integer[0])));
      s.setObject(7, now);
      s.setObject(8, now);
      s.executeUpdate();
    }
    register(c, tenant, null, "WEBHOOK", null, now);
    audit.record(
        tenant.tenantId(),
        tenant.consultancyId(),
        "portal.connected",
        "crm_portal",
        tenant.tenantId().toString(),
        null,
        Json.createObjectBuilder()
            .add("mode", "WEBHOOK")
            .add("domain", probe.domain())
            .add("pipelines", pipelines.toString())
            .add("npsField", nps)
            .build()
            .toString(),
        correlationId);
    afterCommit(() -> engine.start(portalTenant(tenant), SyncMode.FULL));
    return view(tenant.tenantId()).orElseThrow();
  }

  /**
   * How a portal is named in Premia, the same for every way of reaching it: the host (and port, and
   * any path before {@code /rest/}) of its REST address — {@code acme.bitrix24.ru} for both {@code
   * https://acme.bitrix24.ru/rest/1/code/} and the client endpoint {@code
   * https://acme.bitrix24.ru/rest/}.
   */
  public static String domainOf(String restAddress) {
    String base = endpointOf(restAddress);
    String origin =
        base.endsWith("/rest/") ? base.substring(0, base.length() - "/rest/".length()) : base;
    return origin.replaceFirst("^https?://", "").replaceAll("/+$", "");
  }

  /** The REST base of a webhook URL, without the secret: {@code https://host/rest/}. */
  public static String endpointOf(String webhookUrl) {
    int rest = webhookUrl.indexOf("/rest/");
    return rest < 0 ? webhookUrl : webhookUrl.substring(0, rest + "/rest/".length());
  }

  private static void requireSamePortal(Connection c, UUID tenant, String domain)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT domain FROM crm_portal WHERE tenant_id = ?")) {
      s.setObject(1, tenant);
      try (ResultSet rs = s.executeQuery()) {
        if (rs.next() && !rs.getString(1).equalsIgnoreCase(domain)) {
          throw new BusinessRuleException(
              UserError.of(
                  UserError.Code.CONFLICT,
                  "Компания уже связана с порталом "
                      + rs.getString(1)
                      + ": данные разных порталов не смешиваются.",
                  "input",
                  "webhookUrl"));
        }
      }
    }
  }

  private static void register(
      Connection c,
      ActiveTenant tenant,
      String memberId,
      String mode,
      byte[] applicationTokenHash,
      OffsetDateTime now)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO portal_registry (owner_tenant_id, member_id, mode, consultancy_id,"
                + " application_token_hash, active, registered_at) VALUES (?, ?, ?, ?, ?, true, ?)"
                + " ON CONFLICT (owner_tenant_id) DO UPDATE SET member_id = excluded.member_id,"
                + " mode = excluded.mode, application_token_hash = excluded.application_token_hash,"
                + " active = true")) {
      s.setObject(1, tenant.tenantId());
      s.setString(2, memberId);
      s.setString(3, mode);
      s.setObject(4, tenant.consultancyId());
      s.setBytes(5, applicationTokenHash);
      s.setObject(6, now);
      s.executeUpdate();
    }
  }

  private static String npsField(String npsField) {
    String nps = npsField == null || npsField.isBlank() ? "UF_CRM_NPS" : npsField.trim();
    if (!NPS_FIELD.matcher(nps).matches()) {
      throw new BusinessRuleException(
          UserError.of(
              UserError.Code.INVALID,
              "Поле NPS — это пользовательское поле сделки вида UF_CRM_…",
              "input",
              "npsField"));
    }
    return nps;
  }

  private static Set<Integer> pipelines(List<Integer> ids, Set<Integer> known) {
    Set<Integer> chosen = new LinkedHashSet<>(ids == null ? List.of() : ids);
    if (chosen.size() > 100) {
      throw new BusinessRuleException(
          UserError.of(UserError.Code.INVALID, "Слишком много воронок.", "input", "pipelineIds"));
    }
    for (Integer id : chosen) {
      if (id == null || !known.contains(id)) {
        throw new BusinessRuleException(
            UserError.of(
                UserError.Code.NOT_FOUND,
                "В портале нет воронки " + id + ".",
                "input",
                "pipelineIds"));
      }
    }
    // every pipeline chosen is the same as "all": store it so, new pipelines are synced too
    return chosen.containsAll(known) ? Set.of() : chosen;
  }

  // ---- app installation ---------------------------------------------------------------------

  /** Creates a one-time install link for a local application registered in the portal. */
  public String startInstall(
      String clientId, String clientSecret, List<Integer> pipelineIds, String npsField) {
    ActiveTenant tenant = access.requireIntegration(IntegrationRight.MANAGE);
    List<UserError> errors = new ArrayList<>();
    if (clientId == null || clientId.isBlank() || clientId.length() > 200) {
      errors.add(
          UserError.of(
              UserError.Code.REQUIRED, "Укажите client_id приложения.", "input", "clientId"));
    }
    if (clientSecret == null || clientSecret.isBlank() || clientSecret.length() > 500) {
      errors.add(
          UserError.of(
              UserError.Code.REQUIRED,
              "Укажите client_secret приложения.",
              "input",
              "clientSecret"));
    }
    if (!errors.isEmpty()) {
      throw new BusinessRuleException(errors);
    }
    String nps = npsField(npsField);
    for (Integer id : pipelineIds == null ? List.<Integer>of() : pipelineIds) {
      if (id == null || id < 0) {
        throw new BusinessRuleException(
            UserError.of(
                UserError.Code.INVALID, "Неверный номер воронки.", "input", "pipelineIds"));
      }
    }
    String secret = InstallLinks.newSecret();
    OffsetDateTime now = OffsetDateTime.now(clock);
    try {
      Connection c = jdbc();
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO portal_install_request (token_hash, owner_tenant_id, consultancy_id,"
                  + " secret_client, nps_field, pipelines, created_at, expires_at)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        s.setBytes(1, sha256(secret));
        s.setObject(2, tenant.tenantId());
        s.setObject(3, tenant.consultancyId());
        s.setBytes(
            4,
            cipher.encrypt(
                clientId.trim() + "\n" + clientSecret.trim(), tenant.tenantId().toString()));
        s.setString(5, nps);
        s.setArray(
            6,
            c.createArrayOf(
                "integer",
                (pipelineIds == null ? List.<Integer>of() : pipelineIds).toArray(new Integer[0])));
        s.setObject(7, now);
        s.setObject(8, now.plus(INSTALL_LINK_LIFETIME));
        s.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return publicUrl.replaceAll("/+$", "") + "/api/bitrix/install?state=" + secret;
  }

  // ---- configuration and control ------------------------------------------------------------

  public Views.PortalView configure(
      List<Integer> pipelineIds,
      String npsField,
      Views.LimitsView customLimits,
      boolean cloudLimits,
      String correlationId)
      throws SQLException {
    ActiveTenant tenant = access.requireIntegration(IntegrationRight.MANAGE);
    Connection c = jdbc();
    Views.PortalView current = view(tenant.tenantId()).orElseThrow(PortalConnections::noPortal);
    Set<Integer> known = new HashSet<>();
    current.pipelines().forEach(p -> known.add(p.id()));
    Set<Integer> pipelines = pipelines(pipelineIds, known);
    String nps = npsField == null ? current.npsField() : npsField(npsField);
    Views.LimitsView limits = cloudLimits ? null : customLimits;
    if (limits != null) {
      validate(limits);
    } else if (!cloudLimits && current.limits().custom()) {
      limits = current.limits(); // unchanged
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE crm_portal SET pipelines = ?, nps_field = ?, updated_at = ?, custom_rate = ?,"
                + " custom_burst = ?, custom_operating_seconds = ? WHERE tenant_id = ?")) {
      s.setArray(1, c.createArrayOf("integer", pipelines.toArray(new Integer[0])));
      s.setString(2, nps);
      s.setObject(3, OffsetDateTime.now(clock));
      s.setObject(
          4, limits == null ? null : java.math.BigDecimal.valueOf(limits.requestsPerSecond()));
      s.setObject(5, limits == null ? null : limits.burst());
      s.setObject(
          6, limits == null ? null : java.math.BigDecimal.valueOf(limits.operatingSeconds()));
      s.setObject(7, tenant.tenantId());
      s.executeUpdate();
    }
    audit.record(
        tenant.tenantId(),
        tenant.consultancyId(),
        "portal.configured",
        "crm_portal",
        tenant.tenantId().toString(),
        Json.createObjectBuilder()
            .add(
                "pipelines",
                current.pipelines().stream()
                    .filter(Views.PipelineView::selected)
                    .map(p -> p.id())
                    .toList()
                    .toString())
            .add("npsField", current.npsField())
            .build()
            .toString(),
        Json.createObjectBuilder()
            .add("pipelines", pipelines.toString())
            .add("npsField", nps)
            .build()
            .toString(),
        correlationId);
    return view(tenant.tenantId()).orElseThrow();
  }

  private static void validate(Views.LimitsView limits) {
    List<UserError> errors = new ArrayList<>();
    if (!(limits.requestsPerSecond() > 0 && limits.requestsPerSecond() <= 10_000)) {
      errors.add(
          UserError.of(
              UserError.Code.INVALID,
              "Запросов в секунду: больше 0 и не больше 10 000.",
              "input",
              "limits",
              "requestsPerSecond"));
    }
    if (limits.burst() < 1 || limits.burst() > 100_000) {
      errors.add(
          UserError.of(
              UserError.Code.INVALID,
              "Запас запросов: от 1 до 100 000.",
              "input",
              "limits",
              "burst"));
    }
    if (!(limits.operatingSeconds() > 0 && limits.operatingSeconds() <= 100_000)) {
      errors.add(
          UserError.of(
              UserError.Code.INVALID,
              "Бюджет времени: больше 0 и не больше 100 000 секунд.",
              "input",
              "limits",
              "operatingSeconds"));
    }
    if (!errors.isEmpty()) {
      throw new BusinessRuleException(errors);
    }
  }

  public Views.PortalView syncNow(SyncMode mode) throws SQLException {
    ActiveTenant tenant = access.requireIntegration(IntegrationRight.MANAGE);
    Views.PortalView current = view(tenant.tenantId()).orElseThrow(PortalConnections::noPortal);
    if (!"CONNECTED".equals(current.status())) {
      throw new BusinessRuleException(
          UserError.of(UserError.Code.CONFLICT, "Портал не подключён: подключите его заново."));
    }
    afterCommit(() -> engine.start(portalTenant(tenant), mode));
    return current;
  }

  public Views.PortalView disconnect(String correlationId) throws SQLException {
    ActiveTenant tenant = access.requireIntegration(IntegrationRight.MANAGE);
    view(tenant.tenantId()).orElseThrow(PortalConnections::noPortal);
    Connection c = jdbc();
    OffsetDateTime now = OffsetDateTime.now(clock);
    PortalRows.erase(c, tenant.tenantId(), now);
    audit.record(
        tenant.tenantId(),
        tenant.consultancyId(),
        "portal.disconnected",
        "crm_portal",
        tenant.tenantId().toString(),
        null,
        null,
        correlationId);
    return view(tenant.tenantId()).orElseThrow();
  }

  private static BusinessRuleException noPortal() {
    return new BusinessRuleException(
        UserError.of(UserError.Code.NOT_FOUND, "Портал Битрикс24 не подключён."));
  }

  private static PortalTenant portalTenant(ActiveTenant tenant) {
    return new PortalTenant(tenant.tenantId(), tenant.consultancyId());
  }

  private void afterCommit(Runnable work) {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              work.run();
            }
          }
        });
  }

  static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Random secrets for install links. */
  static final class InstallLinks {
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private InstallLinks() {}

    static String newSecret() {
      byte[] bytes = new byte[32];
      RANDOM.nextBytes(bytes);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
  }
}
