package app.premia.compensation.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Ranking / contest: the employees on the same scheme version are ranked by the measure in the
 * period; place {@code i} (1-based) wins {@code prizes[i-1]}. Ties share the place (each gets its
 * prize). An undefined or zero-activity measure takes no place. A contest has dates: it runs only
 * in periods that lie within [{@code contestFrom}, {@code contestTo}]; without dates it is "best of
 * the period" every period.
 *
 * @param highestWins true: the highest value ranks first; false: the lowest
 */
public record RankingRule(
    boolean highestWins, List<BigDecimal> prizes, LocalDate contestFrom, LocalDate contestTo)
    implements Rule {
  public RankingRule {
    prizes = List.copyOf(prizes);
  }

  public boolean contest() {
    return contestFrom != null || contestTo != null;
  }

  @Override
  public RuleKind kind() {
    return RuleKind.RANKING;
  }
}
