package app.premia.crm.application;

import app.premia.platform.audit.AuditLog;
import app.premia.platform.security.IdentityScope;
import app.premia.platform.security.RequestIdentity;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The portal side of an app installation and removal, authenticated by the one-time install link
 * (install) or the stored application token (uninstall), each in its own transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class PortalInstalls {

  private static final Logger LOG = Logger.getLogger(PortalInstalls.class.getName());

  @Inject EntityManager em;
  @Inject app.premia.platform.persistence.EntityManagers entityManagers;
  @Inject SecretCipher cipher;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /**
   * What an install callback brought.
   *
   * @param memberId the portal's stable id
   * @param domain the portal's address
   * @param clientEndpoint its REST base
   * @param tokenUrl the OAuth server's token URL (already checked against the allowed ones)
   * @param accessToken first access token
   * @param refreshToken first refresh token
   * @param applicationToken authenticates later events
   */
  public record Installation(
      String memberId,
      String domain,
      String clientEndpoint,
      String tokenUrl,
      String accessToken,
      String refreshToken,
      String applicationToken) {
    @Override
    public String toString() {
      return "Installation[" + domain + ", " + memberId + ", secrets]";
    }
  }

  /** Outcome of an install callback. */
  public enum Outcome {
    INSTALLED,
    UNKNOWN_LINK,
    EXPIRED_LINK,
    PORTAL_OF_ANOTHER_TENANT,
    TENANT_HAS_ANOTHER_PORTAL
  }

  public record Result(Outcome outcome, PortalTenant tenant) {}

  public Result install(String linkSecret, Installation installation) {
    byte[] hash = PortalConnections.sha256(linkSecret);
    OffsetDateTime now = OffsetDateTime.now(clock);
    Optional<Object[]> request =
        IdentityScope.runAs(
            RequestIdentity.anonymous(),
            () -> {
              try (PreparedStatement s =
                  connection()
                      .prepareStatement(
                          "SELECT owner_tenant_id, consultancy_id, secret_client, nps_field, pipelines,"
                              + " expires_at, used_at FROM portal_install_request"
                              + " WHERE token_hash = ? FOR UPDATE")) {
                s.setBytes(1, hash);
                try (ResultSet rs = s.executeQuery()) {
                  if (!rs.next()) {
                    return Optional.empty();
                  }
                  return Optional.of(
                      new Object[] {
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getBytes(3),
                        rs.getString(4),
                        rs.getArray(5),
                        rs.getObject(6, OffsetDateTime.class),
                        rs.getObject(7, OffsetDateTime.class)
                      });
                }
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
            });
    if (request.isEmpty()) {
      return new Result(Outcome.UNKNOWN_LINK, null);
    }
    Object[] row = request.get();
    if (row[6] != null || ((OffsetDateTime) row[5]).isBefore(now)) {
      return new Result(Outcome.EXPIRED_LINK, null);
    }
    PortalTenant tenant = new PortalTenant((UUID) row[0], (UUID) row[1]);
    return IdentityScope.runAs(
        RequestIdentity.systemFor(tenant.consultancyId(), tenant.tenantId()),
        () -> {
          // the link was read before any tenant was known: apply the tenant to this transaction
          entityManagers.refreshIdentity();
          try {
            return store(tenant, row, installation, hash, now);
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private Result store(
      PortalTenant tenant, Object[] row, Installation in, byte[] linkHash, OffsetDateTime now)
      throws SQLException {
    Connection c = connection();
    try (PreparedStatement s =
        c.prepareStatement("SELECT owner_tenant_id FROM portal_registry WHERE member_id = ?")) {
      s.setString(1, in.memberId());
      try (ResultSet rs = s.executeQuery()) {
        if (rs.next() && !rs.getObject(1, UUID.class).equals(tenant.tenantId())) {
          return new Result(Outcome.PORTAL_OF_ANOTHER_TENANT, null);
        }
      }
    }
    try (PreparedStatement s =
        c.prepareStatement("SELECT domain FROM crm_portal WHERE tenant_id = ?")) {
      s.setObject(1, tenant.tenantId());
      try (ResultSet rs = s.executeQuery()) {
        if (rs.next() && !rs.getString(1).equalsIgnoreCase(in.domain())) {
          return new Result(Outcome.TENANT_HAS_ANOTHER_PORTAL, null);
        }
      }
    }
    String context = tenant.tenantId().toString();
    String[] client = cipher.decrypt((byte[]) row[2], context).split("\n", 2);
    byte[] tokenHash = PortalConnections.sha256(in.applicationToken());
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO crm_portal (tenant_id, mode, status, member_id, domain, client_endpoint,"
                + " secret_access_token, secret_refresh_token, secret_client,"
                + " application_token_hash, plan, nps_field, pipelines, connected_at, updated_at)"
                + " VALUES (?, 'APP', 'CONNECTED', ?, ?, ?, ?, ?, ?, ?, 'STANDARD', ?, ?, ?, ?)"
                + " ON CONFLICT (tenant_id) DO UPDATE SET mode = 'APP', status = 'CONNECTED',"
                + " member_id = excluded.member_id, domain = excluded.domain,"
                + " client_endpoint = excluded.client_endpoint, secret_webhook = NULL,"
                + " secret_access_token = excluded.secret_access_token,"
                + " secret_refresh_token = excluded.secret_refresh_token,"
                + " secret_client = excluded.secret_client,"
                + " application_token_hash = excluded.application_token_hash,"
                + " nps_field = excluded.nps_field, pipelines = excluded.pipelines,"
                + " updated_at = excluded.updated_at, last_error = NULL")) {
      s.setObject(1, tenant.tenantId());
      s.setString(2, in.memberId());
      s.setString(3, in.domain());
      s.setString(4, in.clientEndpoint());
      s.setBytes(5, cipher.encrypt(in.accessToken(), context));
      s.setBytes(6, cipher.encrypt(in.refreshToken(), context));
      s.setBytes(
          7,
          cipher.encrypt(
              PortalRows.clientSecretBlob(in.tokenUrl(), client[0], client[1]), context));
      s.setBytes(8, tokenHash);
      s.setString(9, (String) row[3]);
      s.setArray(10, (java.sql.Array) row[4]);
      s.setObject(11, now);
      s.setObject(12, now);
      s.executeUpdate();
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO portal_registry (owner_tenant_id, member_id, mode, consultancy_id,"
                + " application_token_hash, active, registered_at)"
                + " VALUES (?, ?, 'APP', ?, ?, true, ?) ON CONFLICT (owner_tenant_id) DO UPDATE SET"
                + " member_id = excluded.member_id, mode = 'APP',"
                + " application_token_hash = excluded.application_token_hash, active = true")) {
      s.setObject(1, tenant.tenantId());
      s.setString(2, in.memberId());
      s.setObject(3, tenant.consultancyId());
      s.setBytes(4, tokenHash);
      s.setObject(5, now);
      s.executeUpdate();
    }
    try (PreparedStatement s =
        c.prepareStatement("UPDATE portal_install_request SET used_at = ? WHERE token_hash = ?")) {
      s.setObject(1, now);
      s.setBytes(2, linkHash);
      s.executeUpdate();
    }
    audit.record(
        tenant.tenantId(),
        tenant.consultancyId(),
        "portal.installed",
        "crm_portal",
        tenant.tenantId().toString(),
        null,
        jakarta.json.Json.createObjectBuilder()
            .add("mode", "APP")
            .add("domain", in.domain())
            .add("memberId", in.memberId())
            .build()
            .toString(),
        null);
    LOG.info("Premia installed on portal " + in.domain() + " for tenant " + tenant.tenantId());
    return new Result(Outcome.INSTALLED, tenant);
  }

  /** The app was removed from the portal: secrets erased, events no longer accepted. */
  public void uninstalled(PortalTenant tenant) {
    IdentityScope.runAs(
        RequestIdentity.systemFor(tenant.consultancyId(), tenant.tenantId()),
        () -> {
          try {
            PortalRows.erase(connection(), tenant.tenantId(), OffsetDateTime.now(clock));
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
          audit.record(
              tenant.tenantId(),
              tenant.consultancyId(),
              "portal.uninstalled",
              "crm_portal",
              tenant.tenantId().toString(),
              null,
              null,
              null);
          return null;
        });
  }

  /** Constant-time comparison of a delivered application token with the stored hash. */
  public static boolean tokenMatches(String delivered, byte[] storedHash) {
    if (delivered == null || delivered.isEmpty() || storedHash == null) {
      return false;
    }
    return MessageDigest.isEqual(PortalConnections.sha256(delivered), storedHash);
  }

  private Connection connection() {
    return em.unwrap(Connection.class);
  }
}
