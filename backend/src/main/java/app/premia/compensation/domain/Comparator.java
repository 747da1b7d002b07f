package app.premia.compensation.domain;

import java.math.BigDecimal;

/** An explicit comparison of a value with a threshold: nothing is "over" by default. */
public enum Comparator {
  GT(">"),
  GE("≥"),
  LT("<"),
  LE("≤");

  private final String symbol;

  Comparator(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }

  /** Whether {@code value <op> threshold} holds (compared numerically: 1.0 equals 1.00). */
  public boolean holds(BigDecimal value, BigDecimal threshold) {
    int c = value.compareTo(threshold);
    return switch (this) {
      case GT -> c > 0;
      case GE -> c >= 0;
      case LT -> c < 0;
      case LE -> c <= 0;
    };
  }

  /** The negated symbol, for "why not": {@code ≤} for {@code >}, etc. */
  public String negatedSymbol() {
    return switch (this) {
      case GT -> "≤";
      case GE -> "<";
      case LT -> "≥";
      case LE -> ">";
    };
  }
}
