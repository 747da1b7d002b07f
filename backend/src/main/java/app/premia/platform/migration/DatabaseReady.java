package app.premia.platform.migration;

/**
 * CDI event fired once the schema is current (at start-up, or when a retry finally succeeds), for
 * work that needs the database, such as seeding demo data.
 *
 * @param appliedNow changesets applied by this start
 */
public record DatabaseReady(int appliedNow) {}
