package app.premia.platform.migration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class MigrationFailuresTest {

  private static final String URL = "jdbc:postgresql://127.0.0.1:1/premia";

  @Test
  void unreachableDatabase_namesTheUrlAndTheSettingToCheck() {
    Exception failure =
        new RuntimeException(
            "liquibase wrapper", new SQLException("Connection to 127.0.0.1:1 refused.", "08001"));
    String message = MigrationFailures.describe(failure, URL, "premia_owner");
    assertTrue(message.startsWith("Cannot reach the database at " + URL), message);
    assertTrue(message.contains("Connection to 127.0.0.1:1 refused."), message);
    assertTrue(message.contains("DB_URL"), message);
    assertFalse(message.contains("\n"), "one line: " + message);
  }

  @Test
  void refusedCredentials_pointAtTheOwnerSettings() {
    String message =
        MigrationFailures.describe(
            new SQLException("password authentication failed for user \"x\"", "28P01"),
            URL,
            "premia_owner");
    assertTrue(message.contains("'premia_owner'"), message);
    assertTrue(message.contains("DB_OWNER_PASSWORD"), message);
  }

  @Test
  void missingDatabase_saysHowToCreateIt() {
    String message =
        MigrationFailures.describe(
            new SQLException("database \"premia\" does not exist", "3D000"), URL, "premia_owner");
    assertTrue(message.contains("prepare-db.sh"), message);
  }

  @Test
  void otherFailures_keepEveryMessageOfTheChain_onOneLine() {
    Exception failure =
        new RuntimeException(
            "Migration failed for changeset 0002_create_currency",
            new SQLException("ERROR: relation \"currency\"\n already exists", "42P07"));
    String message = MigrationFailures.describe(failure, URL, "premia_owner");
    assertTrue(message.contains("0002_create_currency"), message);
    assertTrue(message.contains("relation \"currency\" already exists"), message);
    assertFalse(message.contains("\n"), message);
  }
}
