package app.premia.platform.info;

import java.time.OffsetDateTime;

/** Facts about the running server (GraphQL type {@code ServerInfo}). */
public record ServerInfo(
    String name,
    String version,
    String profile,
    OffsetDateTime serverTime,
    String databaseVersion,
    int appliedMigrations) {}
