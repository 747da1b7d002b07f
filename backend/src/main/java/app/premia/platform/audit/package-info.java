/** The append-only audit log written by every mutation (table {@code audit_event}). */
package app.premia.platform.audit;
