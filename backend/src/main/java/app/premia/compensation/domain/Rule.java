package app.premia.compensation.domain;

/** How a component turns its measure into money. */
public sealed interface Rule
    permits PercentRule,
        PerUnitRule,
        FixedRule,
        TieredRule,
        AcceleratorRule,
        FormulaRule,
        RankingRule {

  /** The stable kind name used in JSON and GraphQL. */
  RuleKind kind();
}
