package app.premia.crm.domain;

/** Where a stage stands in its pipeline: in progress, won (success) or lost (failure). */
public enum StageSemantic {
  /** In progress (Bitrix24 {@code P}; {@code crm.status.list} shows it as {@code null}). */
  IN_PROGRESS("P"),
  /** Success: the deal is won, the lead converted ({@code S}). */
  SUCCESS("S"),
  /** Failure: lost, junk or apology ({@code F}). */
  FAILURE("F");

  private final String code;

  StageSemantic(String code) {
    this.code = code;
  }

  /** The one-letter Bitrix24 code. */
  public String code() {
    return code;
  }

  /** The semantic for a Bitrix24 code ({@code P}, {@code S}, {@code F}, any case), or null. */
  public static StageSemantic ofCode(String code) {
    if (code == null) {
      return null;
    }
    for (StageSemantic s : values()) {
      if (s.code.equalsIgnoreCase(code)) {
        return s;
      }
    }
    return null;
  }

  public boolean isFinal() {
    return this != IN_PROGRESS;
  }
}
