package app.premia.platform.migration;

/**
 * What one migration run did.
 *
 * @param appliedNow changesets executed by this run
 * @param appliedTotal changesets recorded in the database after the run
 */
public record MigrationReport(int appliedNow, int appliedTotal) {}
