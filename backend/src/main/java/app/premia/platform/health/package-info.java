/**
 * MicroProfile Health checks: {@code /health/live} (the process serves) and {@code /health/ready}
 * (migrations done and the database answers).
 */
package app.premia.platform.health;
