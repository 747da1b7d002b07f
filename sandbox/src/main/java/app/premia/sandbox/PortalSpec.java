package app.premia.sandbox;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What portal to generate: name, seed, number of deals, plan, anchor date and, optionally, the
 * number of sales staff (by default derived from the deals, see {@link #managers()}).
 */
public final class PortalSpec {
  /** The fewest sales staff the generator's four roles need (head, 2 + 2 + 1 in the teams). */
  public static final int MIN_MANAGERS = 6;

  /** An upper bound for a generated portal's sales staff (user ids stay small). */
  public static final int MAX_MANAGERS = 10_000;

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");

  private final String name;
  private final long seed;
  private final int deals;
  private final int managers;
  private final Plan plan;
  private final LocalDate anchorDate;

  private PortalSpec(Builder b) {
    this.name = Objects.requireNonNull(b.name, "name");
    if (!NAME.matcher(name).matches() || name.equals("oauth") || name.startsWith("_")) {
      throw new IllegalArgumentException("portal name must match [a-z][a-z0-9-]{0,39}: " + name);
    }
    if (b.deals < 0) {
      throw new IllegalArgumentException("deals must be >= 0");
    }
    if (b.managers != 0 && (b.managers < MIN_MANAGERS || b.managers > MAX_MANAGERS)) {
      throw new IllegalArgumentException(
          "managers must be " + MIN_MANAGERS + ".." + MAX_MANAGERS + ": " + b.managers);
    }
    this.seed = b.seed;
    this.deals = b.deals;
    this.managers = b.managers;
    this.plan = b.plan;
    this.anchorDate = b.anchorDate == null ? LocalDate.now(Ts.ZONE) : b.anchorDate;
  }

  public static Builder builder() {
    return new Builder();
  }

  public String name() {
    return name;
  }

  public long seed() {
    return seed;
  }

  public int deals() {
    return deals;
  }

  /**
   * The sales staff asked for (head of sales and the three teams, dismissed ones included), or 0:
   * derived from the deals (deals ÷ 150, clamped to 6..60), the default, whose data is unchanged.
   */
  public int managers() {
    return managers;
  }

  public Plan plan() {
    return plan;
  }

  public LocalDate anchorDate() {
    return anchorDate;
  }

  public static final class Builder {
    private String name;
    private long seed = 1;
    private int deals = 1000;
    private int managers;
    private Plan plan = Plan.STANDARD;
    private LocalDate anchorDate;

    public Builder name(String v) {
      name = v;
      return this;
    }

    public Builder seed(long v) {
      seed = v;
      return this;
    }

    public Builder deals(int v) {
      deals = v;
      return this;
    }

    /** The sales staff (6..10 000), or 0 for the default derived from the deals. */
    public Builder managers(int v) {
      managers = v;
      return this;
    }

    public Builder plan(Plan v) {
      plan = v;
      return this;
    }

    public Builder anchorDate(LocalDate v) {
      anchorDate = v;
      return this;
    }

    public PortalSpec build() {
      return new PortalSpec(this);
    }
  }
}
