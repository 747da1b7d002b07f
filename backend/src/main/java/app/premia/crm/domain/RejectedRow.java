package app.premia.crm.domain;

/**
 * A row a portal answered with that cannot be trusted (missing fields, wrong types, {@code "1
 * 000,50"}, an unknown stage, a huge string): quarantined and counted, never written as a fact.
 *
 * @param entity what the row claimed to be
 * @param rawId its ID as sent (may itself be garbage), at most 100 characters
 * @param reason why it was refused, for the consultant
 * @param rawExcerpt the start of the raw JSON, at most 2 000 characters
 */
public record RejectedRow(SyncEntity entity, String rawId, String reason, String rawExcerpt) {

  public RejectedRow {
    rawId = cut(rawId == null ? "?" : rawId, 100);
    reason = cut(reason, 500);
    rawExcerpt = rawExcerpt == null ? null : cut(rawExcerpt, 2000);
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}
