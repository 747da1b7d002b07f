package app.premia.crm.application;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads and writes {@code crm_portal} rows; secrets pass through the {@link SecretCipher}. */
final class PortalRows {

  private PortalRows() {}

  static Optional<PortalRecord> load(Connection c, UUID tenant, SecretCipher cipher)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT mode, status, domain, member_id, client_endpoint, secret_webhook,"
                + " secret_access_token, secret_refresh_token, secret_client, plan, nps_field,"
                + " pipelines, custom_rate, custom_burst, custom_operating_seconds"
                + " FROM crm_portal WHERE tenant_id = ?")) {
      s.setObject(1, tenant);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        String context = tenant.toString();
        String mode = rs.getString(1);
        String status = rs.getString(2);
        PortalAccess access = null;
        if (!"DISCONNECTED".equals(status)) {
          if ("WEBHOOK".equals(mode)) {
            access = new PortalAccess.Webhook(cipher.decrypt(rs.getBytes(6), context));
          } else {
            String[] client = cipher.decrypt(rs.getBytes(9), context).split("\n", 3);
            access =
                new PortalAccess.App(
                    rs.getString(5),
                    cipher.decrypt(rs.getBytes(7), context),
                    cipher.decrypt(rs.getBytes(8), context),
                    client[0],
                    client[1],
                    client[2]);
          }
        }
        java.math.BigDecimal rate = rs.getBigDecimal(13);
        PortalSession.CustomLimits custom =
            rate == null
                ? null
                : new PortalSession.CustomLimits(
                    rate.doubleValue(), rs.getInt(14), rs.getBigDecimal(15).doubleValue());
        PortalSession.Options options =
            new PortalSession.Options(
                "ENTERPRISE".equals(rs.getString(10)),
                rs.getString(11),
                pipelines(rs.getArray(12)),
                custom);
        return Optional.of(
            new PortalRecord(mode, status, rs.getString(3), rs.getString(4), access, options));
      }
    }
  }

  static Set<Integer> pipelines(Array array) throws SQLException {
    if (array == null) {
      return Set.of();
    }
    return Arrays.stream((Integer[]) array.getArray()).collect(Collectors.toUnmodifiableSet());
  }

  /** The client part of an app connection, encrypted as one value. */
  static String clientSecretBlob(String tokenUrl, String clientId, String clientSecret) {
    return tokenUrl + "\n" + clientId + "\n" + clientSecret;
  }

  static void storeTokens(
      Connection c,
      UUID tenant,
      SecretCipher cipher,
      String accessToken,
      String refreshToken,
      OffsetDateTime now)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE crm_portal SET secret_access_token = ?, secret_refresh_token = ?,"
                + " updated_at = ? WHERE tenant_id = ?")) {
      s.setBytes(1, cipher.encrypt(accessToken, tenant.toString()));
      s.setBytes(2, cipher.encrypt(refreshToken, tenant.toString()));
      s.setObject(3, now);
      s.setObject(4, tenant);
      s.executeUpdate();
    }
  }

  static void mark(Connection c, UUID tenant, String status, String error, OffsetDateTime now)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE crm_portal SET status = ?, last_error = ?, updated_at = ? WHERE tenant_id = ?")) {
      s.setString(1, status);
      s.setString(2, error == null ? null : error.substring(0, Math.min(error.length(), 2000)));
      s.setObject(3, now);
      s.setObject(4, tenant);
      s.executeUpdate();
    }
    if (!"CONNECTED".equals(status)) {
      try (PreparedStatement s =
          c.prepareStatement("UPDATE portal_registry SET active = ? WHERE owner_tenant_id = ?")) {
        s.setBoolean(1, !"DISCONNECTED".equals(status));
        s.setObject(2, tenant);
        s.executeUpdate();
      }
    }
  }

  /** Disconnects: every secret erased, the registry entry inactive; synced data stays. */
  static void erase(Connection c, UUID tenant, OffsetDateTime now) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE crm_portal SET status = 'DISCONNECTED', secret_webhook = NULL,"
                + " secret_access_token = NULL, secret_refresh_token = NULL, secret_client = NULL,"
                + " application_token_hash = NULL, updated_at = ? WHERE tenant_id = ?")) {
      s.setObject(1, now);
      s.setObject(2, tenant);
      s.executeUpdate();
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE portal_registry SET active = false, application_token_hash = NULL"
                + " WHERE owner_tenant_id = ?")) {
      s.setObject(1, tenant);
      s.executeUpdate();
    }
  }
}
