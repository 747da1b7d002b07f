package app.premia.compensation.domain.regulations;

import app.premia.compensation.domain.Text;
import java.util.List;
import java.util.Objects;

/**
 * A numbered section of the document.
 *
 * @param key stable across versions ({@code general}, {@code terms}, {@code role:<scheme id>},
 *     {@code own:<section id>}, {@code final}), so a diff pairs sections by key
 * @param number 1-based, as printed («3.»)
 * @param tenantWritten whether the tenant wrote it (the others are generated)
 */
public record DocSection(
    String key, int number, Text title, List<DocBlock> blocks, boolean tenantWritten) {

  public DocSection {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(title, "title");
    blocks = List.copyOf(blocks);
  }
}
