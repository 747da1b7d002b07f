package app.premia.platform.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Applies the Liquibase changelog from {@code db/} (packaged as the {@code premia-db} jar) as the
 * migration owner. Plain Java so tests and tools can run it without a container.
 *
 * <p>The owner connects with its own short-lived connection, never through the application's pool:
 * the pool's role must not be able to change the schema. Liquibase's lock table makes concurrent
 * starts safe; a restart against a current database executes nothing.
 */
public final class DatabaseMigrator {

  /** Classpath location of the master changelog. */
  public static final String CHANGELOG = "db/changelog/db.changelog-master.xml";

  private static final int CONNECT_TIMEOUT_SECONDS = 5;

  private final String url;
  private final String ownerUser;
  private final String ownerPassword;
  private final String runtimeRole;

  /**
   * @param url JDBC URL of the database
   * @param ownerUser the role that owns the schema
   * @param ownerPassword its password
   * @param runtimeRole the role the application connects as; granted row access by the changelog
   */
  public DatabaseMigrator(String url, String ownerUser, String ownerPassword, String runtimeRole) {
    this.url = Objects.requireNonNull(url, "url");
    this.ownerUser = Objects.requireNonNull(ownerUser, "ownerUser");
    this.ownerPassword = ownerPassword == null ? "" : ownerPassword;
    this.runtimeRole = Objects.requireNonNull(runtimeRole, "runtimeRole");
  }

  /**
   * Brings the schema up to date.
   *
   * @throws MigrationException with a message fit for an operator's log
   */
  public MigrationReport migrate() {
    try (Connection connection = connect()) {
      Database database =
          DatabaseFactory.getInstance()
              .findCorrectDatabaseImplementation(new JdbcConnection(connection));
      // The Liquibase facade is deprecated in favour of CommandScope but remains the supported way
      // to pass changelog parameters and list pending changesets in 4.x.
      @SuppressWarnings("deprecation")
      Liquibase liquibase =
          new Liquibase(
              CHANGELOG,
              new ClassLoaderResourceAccessor(DatabaseMigrator.class.getClassLoader()),
              database);
      liquibase.getChangeLogParameters().set("app_role", runtimeRole);
      @SuppressWarnings("deprecation")
      List<ChangeSet> pending =
          liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression());
      if (!pending.isEmpty()) {
        liquibase.update(new Contexts(), new LabelExpression());
      }
      return new MigrationReport(pending.size(), countApplied(connection));
    } catch (SQLException | LiquibaseException | RuntimeException e) {
      throw new MigrationException(MigrationFailures.describe(e, url, ownerUser), e);
    }
  }

  private Connection connect() throws SQLException {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(url);
    dataSource.setUser(ownerUser);
    dataSource.setPassword(ownerPassword);
    dataSource.setConnectTimeout(CONNECT_TIMEOUT_SECONDS);
    dataSource.setApplicationName("premia-migrator");
    return dataSource.getConnection();
  }

  private static int countApplied(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM databasechangelog")) {
      rows.next();
      return rows.getInt(1);
    }
  }
}
