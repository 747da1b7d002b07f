package app.premia.platform.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Declares the application's pooled data source. Its role ({@code DB_USER}) is the runtime role: it
 * may read and write rows but never change the schema, and row-level security applies to it. The
 * pool starts empty, so a database that is down at start does not fail the deployment.
 */
@DataSourceDefinition(
    name = DataSources.APPLICATION,
    className = "org.postgresql.ds.PGSimpleDataSource",
    url = "${MPCONFIG=db.url}",
    user = "${MPCONFIG=db.user}",
    password = "${MPCONFIG=db.password}",
    initialPoolSize = 0,
    minPoolSize = 0,
    maxPoolSize = 20,
    loginTimeout = 5,
    properties = {"connectTimeout=5", "ApplicationName=premia", "stringtype=unspecified"})
@ApplicationScoped
public class DataSources {

  /** JNDI name of the application's data source. */
  public static final String APPLICATION = "java:app/jdbc/premia";
}
