package app.premia.sandbox;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/** What portal to generate: name, seed, number of deals, plan and anchor date. */
public final class PortalSpec {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");

  private final String name;
  private final long seed;
  private final int deals;
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
    this.seed = b.seed;
    this.deals = b.deals;
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
