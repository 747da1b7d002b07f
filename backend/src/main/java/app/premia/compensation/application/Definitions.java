package app.premia.compensation.application;

import app.premia.compensation.domain.Problem;
import app.premia.compensation.domain.ProblemCode;
import app.premia.compensation.domain.SchemeCodec;
import app.premia.compensation.domain.SchemeDefinition;
import app.premia.compensation.domain.SchemeValidator;
import app.premia.platform.errors.BusinessRuleException;
import app.premia.platform.errors.UserError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a definition as the client sent it into a valid {@link SchemeDefinition}, or refuses it
 * with every problem at once, each tied to its input field ({@code ["input", "definition",
 * "components", "2", "rule", "ratePercent"]}) so the editor shows it next to that field.
 */
public final class Definitions {

  private Definitions() {}

  /**
   * Decodes and validates; throws {@link BusinessRuleException} with all problems.
   *
   * @param input the GraphQL {@code SchemeDefinitionInput} as graphql-java gives it
   * @param language ru or en, for the messages
   * @param prefix where the definition sits in the input, e.g. {@code "input", "definition"}
   */
  public static SchemeDefinition require(
      Map<String, Object> input, SchemeValidator validator, String language, String... prefix) {
    if (input == null) {
      throw new BusinessRuleException(
          new UserError(List.of(prefix), UserError.Code.REQUIRED, "Заполните схему."));
    }
    SchemeCodec.Decoded decoded = SchemeCodec.decode(input);
    List<Problem> problems =
        decoded.definition() == null
            ? decoded.problems()
            : validator.validate(decoded.definition());
    if (!problems.isEmpty()) {
      throw new BusinessRuleException(errors(problems, language, prefix));
    }
    return decoded.definition();
  }

  /** Validates a definition that is already decoded (a copy from the library, a proposal). */
  public static List<UserError> problems(
      SchemeDefinition definition, SchemeValidator validator, String language, String... prefix) {
    return errors(validator.validate(definition), language, prefix);
  }

  static List<UserError> errors(List<Problem> problems, String language, String... prefix) {
    List<UserError> errors = new ArrayList<>();
    for (Problem problem : problems) {
      List<String> path = new ArrayList<>(List.of(prefix));
      path.addAll(problem.path());
      errors.add(
          new UserError(
              path,
              problem.code() == ProblemCode.REQUIRED
                  ? UserError.Code.REQUIRED
                  : UserError.Code.INVALID,
              problem.message().in(language)));
    }
    return errors;
  }
}
