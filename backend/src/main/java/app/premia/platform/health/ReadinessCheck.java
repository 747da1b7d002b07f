package app.premia.platform.health;

import app.premia.platform.migration.MigrationState;
import app.premia.platform.migration.MigrationStatus;
import app.premia.platform.persistence.DataSources;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready means: the schema is current and the database answers the application's own role. Served at
 * {@code /health/ready}; a load balancer sends no traffic until it is UP.
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

  private static final int VALIDATION_TIMEOUT_SECONDS = 2;

  @Inject MigrationStatus migrations;

  @Resource(lookup = DataSources.APPLICATION)
  DataSource dataSource;

  @Override
  public HealthCheckResponse call() {
    MigrationState state = migrations.current();
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("database")
            .withData("migrations", state.phase().name())
            .withData("detail", state.detail());
    if (!state.isDone()) {
      return response.down().build();
    }
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(VALIDATION_TIMEOUT_SECONDS)
          ? response.up().build()
          : response.withData("connection", "database did not answer").down().build();
    } catch (SQLException e) {
      return response.withData("connection", "cannot connect: " + e.getMessage()).down().build();
    }
  }
}
