package app.premia.platform.info;

import app.premia.platform.persistence.DataSources;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Reads what the database says about itself, as the application's runtime role. */
@ApplicationScoped
public class DatabaseFacts {

  @Resource(lookup = DataSources.APPLICATION)
  DataSource dataSource;

  /** PostgreSQL's version string and the number of changesets applied. */
  public Facts read() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery("SELECT version(), (SELECT count(*) FROM databasechangelog)")) {
      rows.next();
      return new Facts(rows.getString(1), rows.getInt(2));
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read database facts", e);
    }
  }

  /** What {@link #read()} found. */
  public record Facts(String version, int appliedMigrations) {}
}
