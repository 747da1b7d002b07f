package app.premia.compensation.domain;

import java.util.List;
import java.util.Objects;

/**
 * One readable change between two definitions (see {@link SchemeDiff}).
 *
 * @param path where, components by key: {@code ["components", "volume_bonus", "rule",
 *     "ratePercent"]}
 * @param kind added, removed or changed
 * @param text the sentence people read: «Премия с объёма продаж: ставка 5 % → 6 %»
 */
public record Change(List<String> path, ChangeKind kind, Text text) {
  public Change {
    path = List.copyOf(path);
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
  }
}
