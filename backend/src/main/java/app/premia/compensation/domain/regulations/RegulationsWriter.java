package app.premia.compensation.domain.regulations;

/**
 * Writes the regulations from the schemes in force (RU, legal register, and EN): general
 * provisions, terms and definitions (each KPI as measured), one section per sales role (every
 * component in words, its formula, gates and tiers with explicit boundaries, caps and floors,
 * worked examples the engine computes now), payout timing and frequency, adaptation of new hires,
 * adjustments and clawbacks, the inquiry procedure, the tenant's own sections, final provisions.
 *
 * <p>Not implemented yet (the writer's helper owns it).
 */
public final class RegulationsWriter {

  private RegulationsWriter() {}

  public static RegulationsDocument write(RegulationsInput input) {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
