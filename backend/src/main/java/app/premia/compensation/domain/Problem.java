package app.premia.compensation.domain;

import java.util.List;
import java.util.Objects;

/**
 * One problem of a scheme definition, tied to the field it is about so the editor can show it next
 * to that field.
 *
 * @param path the field's path in the definition's JSON form, list indexes as strings: {@code
 *     ["components", "2", "rule", "ratePercent"]}
 * @param code missing or invalid
 * @param message what is wrong, in Russian and English (formula messages name the 1-based position:
 *     «позиция 7»)
 */
public record Problem(List<String> path, ProblemCode code, Text message) {
  public Problem {
    path = List.copyOf(path);
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }
}
