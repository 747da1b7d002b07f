package app.premia.compensation.domain.regulations;

import java.util.Objects;
import java.util.UUID;

/**
 * A section the tenant writes itself (Markdown), placed among the generated ones after the inquiry
 * procedure and before the final provisions, in {@code position} order. Kept across regenerations;
 * a published version keeps the text it had.
 *
 * @param bodyEn the English body, or null — the English view then prints the Russian one
 * @param titleEn the English title, or null — then the Russian one
 */
public record TenantSection(
    UUID id, int position, String titleRu, String titleEn, String bodyRu, String bodyEn) {

  public TenantSection {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(titleRu, "titleRu");
    Objects.requireNonNull(bodyRu, "bodyRu");
  }
}
