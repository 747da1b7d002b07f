package app.premia.compensation.domain;

import java.util.List;
import java.util.Objects;

/** Progressive tiers (ascending by {@code from}) with an explicit mode. */
public record TieredRule(TierMode mode, List<Tier> tiers) implements Rule {
  public TieredRule {
    Objects.requireNonNull(mode, "mode");
    tiers = List.copyOf(tiers);
  }

  @Override
  public RuleKind kind() {
    return RuleKind.TIERED;
  }
}
