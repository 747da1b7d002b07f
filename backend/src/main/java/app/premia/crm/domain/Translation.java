package app.premia.crm.domain;

import java.util.List;

/**
 * The outcome of reading one raw portal row: a fact, or the row set aside with the reason.
 *
 * @param <T> the fact type
 */
public sealed interface Translation<T> {

  /** The entity name (deal, lead, ...), for logs and the quarantine table. */
  String entity();

  /**
   * The row became a fact. {@code warnings} name soft problems that did not block it (for example
   * an NPS value outside 0..10, read as "no score").
   */
  record Accepted<T>(String entity, T value, List<String> warnings) implements Translation<T> {
    public Accepted {
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * The row was set aside. {@code rawId} is the row's identifier as the portal sent it (may be
   * garbage or null), {@code detail} names the field and the problem, {@code rawExcerpt} is the
   * row's JSON cut to at most {@value #MAX_EXCERPT} characters.
   */
  record Quarantined<T>(
      String entity, String rawId, QuarantineReason reason, String detail, String rawExcerpt)
      implements Translation<T> {
    public static final int MAX_EXCERPT = 2_000;

    public Quarantined {
      if (rawExcerpt != null && rawExcerpt.length() > MAX_EXCERPT) {
        rawExcerpt = rawExcerpt.substring(0, MAX_EXCERPT - 1) + "…";
      }
    }
  }

  default boolean isAccepted() {
    return this instanceof Accepted;
  }
}
