package app.premia.platform.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The server's settings, read once through MicroProfile Config: environment variables ({@code
 * DB_URL}, {@code DB_USER}, {@code PREMIA_PROFILE}, ...) override the local defaults in {@code
 * META-INF/microprofile-config.properties}.
 */
@ApplicationScoped
public class Settings {

  @Inject
  @ConfigProperty(name = "premia.profile", defaultValue = "prod")
  String profileName;

  @Inject
  @ConfigProperty(name = "db.url")
  String databaseUrl;

  @Inject
  @ConfigProperty(name = "db.user")
  String runtimeUser;

  @Inject
  @ConfigProperty(name = "db.owner.user")
  String ownerUser;

  @Inject
  @ConfigProperty(name = "db.owner.password")
  String ownerPassword;

  private RuntimeProfile profile;

  @PostConstruct
  void init() {
    profile = RuntimeProfile.parse(profileName);
  }

  public RuntimeProfile profile() {
    return profile;
  }

  /** JDBC URL of the database, shared by the runtime pool and the migrator. */
  public String databaseUrl() {
    return databaseUrl;
  }

  /** The role the application's pool connects as: not the owner, not a superuser. */
  public String runtimeUser() {
    return runtimeUser;
  }

  /** The role that owns the schema and runs the migrations. */
  public String ownerUser() {
    return ownerUser;
  }

  public String ownerPassword() {
    return ownerPassword;
  }
}
