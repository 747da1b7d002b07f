package app.premia.tenancy.infrastructure;

import app.premia.platform.persistence.DataSources;
import app.premia.platform.security.IdentityResolver;
import app.premia.platform.security.RequestIdentity;
import app.premia.tenancy.domain.SecureTokens;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Resolves the session cookie into a {@link RequestIdentity}, before the request's transaction
 * starts. The session's active tenant is verified on every request: it counts only while the user
 * still has an active membership there, or is a consultant assigned to it, or owns its consultancy.
 * Otherwise the request runs without a tenant.
 */
@ApplicationScoped
public class SessionIdentityResolver implements IdentityResolver {

  private static final Logger LOG = Logger.getLogger(SessionIdentityResolver.class.getName());

  // The user's (and his consultancy's) id is set first so that row-level security lets us see his
  // own memberships, assignments and consultancy's tenants (and nothing else).
  private static final String LOOKUP =
      "SELECT s.id, s.user_id, cm.consultancy_id, s.active_tenant_id,"
          + "  (s.active_tenant_id IS NOT NULL AND ("
          + "     EXISTS (SELECT 1 FROM tenant_member m WHERE m.user_id = s.user_id"
          + "             AND m.tenant_id = s.active_tenant_id AND m.status = 'ACTIVE')"
          + "  OR EXISTS (SELECT 1 FROM consultant_assignment a WHERE a.user_id = s.user_id"
          + "             AND a.tenant_id = s.active_tenant_id)"
          + "  OR (cm.role = 'OWNER' AND EXISTS (SELECT 1 FROM tenant t"
          + "             WHERE t.id = s.active_tenant_id AND t.consultancy_id = cm.consultancy_id))"
          + "  )) AS tenant_allowed"
          + " FROM user_session s"
          + " JOIN app_user u ON u.id = s.user_id AND u.status = 'ACTIVE'"
          + " LEFT JOIN consultancy_member cm ON cm.user_id = s.user_id"
          + " WHERE s.token_hash = ? AND s.revoked_at IS NULL AND s.expires_at > now()"
          + "   AND s.last_seen_at > now() - interval '12 hours'";

  @Resource(lookup = DataSources.APPLICATION)
  DataSource dataSource;

  @Override
  public RequestIdentity resolve(String sessionToken) {
    if (!SecureTokens.isWellFormed(sessionToken)) {
      return RequestIdentity.anonymous();
    }
    byte[] hash = SecureTokens.hash(sessionToken);
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        UUID[] user = userOf(connection, hash);
        if (user == null) {
          connection.rollback();
          return RequestIdentity.anonymous();
        }
        setLocal(connection, "app.user_id", user[0].toString());
        setLocal(connection, "app.consultancy_id", user[1] == null ? "" : user[1].toString());
        RequestIdentity identity = lookup(connection, hash);
        connection.commit();
        return identity;
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "Session lookup failed: {0}", e.getMessage());
      return RequestIdentity.anonymous();
    }
  }

  /** The session's user and his consultancy (or null), or null when there is no such session. */
  private static UUID[] userOf(Connection connection, byte[] hash) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT s.user_id, cm.consultancy_id FROM user_session s"
                + " LEFT JOIN consultancy_member cm ON cm.user_id = s.user_id"
                + " WHERE s.token_hash = ? AND s.revoked_at IS NULL")) {
      statement.setBytes(1, hash);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next()
            ? new UUID[] {rows.getObject(1, UUID.class), rows.getObject(2, UUID.class)}
            : null;
      }
    }
  }

  private static RequestIdentity lookup(Connection connection, byte[] hash) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(LOOKUP)) {
      statement.setBytes(1, hash);
      try (ResultSet rows = statement.executeQuery()) {
        if (!rows.next()) {
          return RequestIdentity.anonymous();
        }
        UUID sessionId = rows.getObject(1, UUID.class);
        UUID userId = rows.getObject(2, UUID.class);
        UUID consultancyId = rows.getObject(3, UUID.class);
        UUID tenantId = rows.getBoolean(5) ? rows.getObject(4, UUID.class) : null;
        touch(connection, sessionId);
        return new RequestIdentity(
            Optional.of(userId),
            Optional.ofNullable(consultancyId),
            Optional.ofNullable(tenantId),
            Optional.of(sessionId));
      }
    }
  }

  /** Records activity (for the idle timeout), at most once a minute per session. */
  private static void touch(Connection connection, UUID sessionId) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "UPDATE user_session SET last_seen_at = now()"
                + " WHERE id = ? AND last_seen_at < now() - interval '1 minute'")) {
      statement.setObject(1, sessionId);
      statement.executeUpdate();
    }
  }

  private static void setLocal(Connection connection, String key, String value)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT set_config(?, ?, true)")) {
      statement.setString(1, key);
      statement.setString(2, value);
      statement.execute();
    }
  }
}
