package app.premia.crm.domain;

/** Why a raw portal row did not become a fact. Stable codes, safe to store and to show. */
public enum QuarantineReason {
  /** The row is not a JSON object, or its identifier is missing. */
  NOT_A_ROW,
  /** The row's own identifier is not a positive integer. */
  BAD_ID,
  /** A required field is absent, null or empty. */
  MISSING_FIELD,
  /** An object or array where a scalar is expected (or the reverse). */
  WRONG_TYPE,
  /** A reference to another record is neither empty nor a positive integer. */
  BAD_REFERENCE,
  /** A number that is not an integer, or out of range. */
  BAD_NUMBER,
  /** Money that is not a plain decimal ({@code "1 000,50"} is never guessed). */
  BAD_MONEY,
  /** A negative amount. */
  NEGATIVE_AMOUNT,
  /**
   * A currency code that is not three upper-case Latin letters, or missing for a non-zero amount.
   */
  BAD_CURRENCY,
  /** A yes/no flag that is none of Y/N, 1/0, true/false. */
  BAD_FLAG,
  /** A date or date-time that does not parse. */
  BAD_DATE,
  /** A stage or status the portal's dictionaries do not know, or one that contradicts the row. */
  UNKNOWN_STAGE,
  /** An enumerated value outside its set (e.g. a stage semantic other than P/S/F). */
  BAD_VALUE,
  /** A text longer than the cap; never truncated silently. */
  TOO_LONG
}
