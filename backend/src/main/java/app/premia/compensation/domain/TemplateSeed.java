package app.premia.compensation.domain;

import java.util.Objects;

/**
 * A template the consultancy's library starts with (see {@link TemplateLibraryDefaults}).
 *
 * @param code stable code ({@code account_manager}, {@code progressive_scale}, …)
 */
public record TemplateSeed(
    String code,
    String nameRu,
    String nameEn,
    SalesRole role,
    String descriptionRu,
    String descriptionEn,
    SchemeDefinition definition) {
  public TemplateSeed {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(definition, "definition");
  }
}
