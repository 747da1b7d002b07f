package app.premia.tenancy.application;

import app.premia.platform.migration.DatabaseReady;
import app.premia.platform.persistence.DataSources;
import app.premia.tenancy.api.DemoDataReady;
import app.premia.tenancy.domain.AccessRole;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Demo data for the run command ({@code PREMIA_DEMO=true}): a consultancy with an owner and a
 * consultant, three client companies, and in each an admin, an accountant and two managers. Seeded
 * once, into an empty database; ids are derived from names so they are the same on every machine.
 * The logins are listed in the README.
 *
 * <p>Written with plain JDBC in explicit transactions, as the runtime role under row-level security
 * (the tenant settings are set exactly as for a request): it runs during deployment, where Payara
 * does not enlist JDBC connections in transactions begun with {@code @Transactional} (we saw each
 * statement auto-committed and a half-written seed). Background work (issue #4) must mind this.
 */
@ApplicationScoped
public class DemoData {

  /** The password of every demo user. */
  public static final String PASSWORD = "Premia-demo-2026";

  private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

  /**
   * A demo client company. Its two managers are linked ({@code tenant_member.employee_ref}) to two
   * sales people of the sandbox demo portal of the same name ({@code --demo}: alfa seed 1 with 3
   * 000 deals, beta 1 500, gamma 800), whose user ids are deterministic: 3 is the first acquisition
   * manager (the head of «Привлечение»), and the first account manager (the head of «Работа с
   * клиентами») is 12 on alfa, 7 on beta, 5 on gamma — neither is ever hired late or dismissed by
   * the generator, and both sell.
   */
  record DemoTenant(
      String key, String name, boolean consultantAssigned, long manager1, long manager2) {}

  static final List<DemoTenant> TENANTS =
      List.of(
          new DemoTenant("alfa", "ООО «Альфа Продажи»", true, 3, 12),
          new DemoTenant("beta", "ООО «Бета Трейд»", true, 3, 7),
          new DemoTenant("gamma", "ООО «Гамма Сервис»", false, 3, 5));

  @Inject
  @ConfigProperty(name = "premia.demo", defaultValue = "false")
  boolean enabled;

  @Resource(lookup = DataSources.APPLICATION)
  DataSource dataSource;

  @Inject PasswordHasher passwords;
  @Inject Clock clock;
  @Inject Event<DemoDataReady> demoReady;

  void onDatabaseReady(@Observes DatabaseReady ready) {
    if (!enabled) {
      return;
    }
    UUID consultancyId = id("consultancy:integrator");
    DemoDataReady seeded =
        new DemoDataReady(consultancyId, TENANTS.stream().map(DemoData::tenantId).toList());
    try (Connection connection = dataSource.getConnection()) {
      if (exists(connection, consultancyId)) {
        demoReady.fire(seeded);
        return;
      }
      connection.setAutoCommit(false);
      try {
        seed(connection, consultancyId);
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Demo data could not be seeded: " + e.getMessage(), e);
    }
    LOG.info("Demo data seeded: consultancy «Интегратор Плюс», 3 client companies, 14 users");
    demoReady.fire(seeded);
  }

  private void seed(Connection c, UUID consultancyId) throws SQLException {
    OffsetDateTime now = OffsetDateTime.now(clock);
    String hash = passwords.hash(PASSWORD);
    context(c, consultancyId, null);
    update(
        c,
        "INSERT INTO consultancy (id, name, created_at) VALUES (?, ?, ?)",
        consultancyId,
        "Интегратор Плюс",
        now);
    UUID owner = user(c, "owner@integrator.demo", "Ольга Владелец", hash, now);
    UUID consultant = user(c, "consultant@integrator.demo", "Константин Консультант", hash, now);
    update(
        c,
        "INSERT INTO consultancy_member (consultancy_id, user_id, role) VALUES (?, ?, 'OWNER')",
        consultancyId,
        owner);
    update(
        c,
        "INSERT INTO consultancy_member (consultancy_id, user_id, role) VALUES (?, ?, 'CONSULTANT')",
        consultancyId,
        consultant);
    for (DemoTenant demo : TENANTS) {
      update(
          c,
          "INSERT INTO tenant (id, consultancy_id, name, time_zone, currency_code, created_at)"
              + " VALUES (?, ?, ?, 'Europe/Moscow', 'RUB', ?)",
          tenantId(demo),
          consultancyId,
          demo.name(),
          now);
      if (demo.consultantAssigned()) {
        update(
            c,
            "INSERT INTO consultant_assignment (tenant_id, user_id, consultancy_id, assigned_at) VALUES (?, ?, ?, ?)",
            tenantId(demo),
            consultant,
            consultancyId,
            now);
      }
    }
    for (DemoTenant demo : TENANTS) {
      String title = Character.toUpperCase(demo.key().charAt(0)) + demo.key().substring(1);
      // memberships are tenant data: written as the system working in that tenant
      context(c, consultancyId, tenantId(demo));
      member(
          c,
          demo,
          user(c, "admin@" + demo.key() + ".demo", "Администратор " + title, hash, now),
          AccessRole.TENANT_ADMIN,
          now);
      member(
          c,
          demo,
          user(c, "accountant@" + demo.key() + ".demo", "Бухгалтер " + title, hash, now),
          AccessRole.ACCOUNTANT,
          now);
      member(
          c,
          demo,
          user(c, "manager1@" + demo.key() + ".demo", "Менеджер 1 " + title, hash, now),
          AccessRole.MANAGER,
          now);
      link(c, demo, "manager1@" + demo.key() + ".demo", demo.manager1());
      member(
          c,
          demo,
          user(c, "manager2@" + demo.key() + ".demo", "Менеджер 2 " + title, hash, now),
          AccessRole.MANAGER,
          now);
      link(c, demo, "manager2@" + demo.key() + ".demo", demo.manager2());
    }
  }

  private static UUID user(Connection c, String email, String name, String hash, OffsetDateTime now)
      throws SQLException {
    UUID id = id("user:" + email);
    update(
        c,
        "INSERT INTO app_user (id, email, display_name, locale, password_hash, status, failed_sign_ins, created_at)"
            + " VALUES (?, ?, ?, 'ru', ?, 'ACTIVE', 0, ?)",
        id,
        email,
        name,
        hash,
        now);
    return id;
  }

  private static void member(
      Connection c, DemoTenant demo, UUID user, AccessRole role, OffsetDateTime now)
      throws SQLException {
    update(
        c,
        "INSERT INTO tenant_member (id, tenant_id, user_id, access_role, status, invited_at, joined_at)"
            + " VALUES (?, ?, ?, ?, 'ACTIVE', ?, ?)",
        id("member:" + user + "@" + demo.key()),
        tenantId(demo),
        user,
        role.name(),
        now,
        now);
  }

  private static void link(Connection c, DemoTenant demo, String email, long employee)
      throws SQLException {
    update(
        c,
        "UPDATE tenant_member SET employee_ref = ? WHERE tenant_id = ? AND user_id = ?",
        Long.toString(employee),
        tenantId(demo),
        id("user:" + email));
  }

  private static void context(Connection c, UUID consultancyId, UUID tenantId) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT set_config('app.consultancy_id', ?, true), set_config('app.tenant_id', ?, true)")) {
      s.setString(1, consultancyId.toString());
      s.setString(2, tenantId == null ? "" : tenantId.toString());
      s.execute();
    }
  }

  private static boolean exists(Connection c, UUID consultancyId) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM consultancy WHERE id = ?")) {
      s.setObject(1, consultancyId);
      try (ResultSet rows = s.executeQuery()) {
        return rows.next();
      }
    }
  }

  private static void update(Connection c, String sql, Object... values) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        s.setObject(i + 1, values[i]);
      }
      s.executeUpdate();
    }
  }

  static UUID tenantId(DemoTenant demo) {
    return id("tenant:" + demo.key());
  }

  static UUID id(String name) {
    return UUID.nameUUIDFromBytes(("premia-demo:" + name).getBytes(StandardCharsets.UTF_8));
  }
}
