package app.premia.compensation.domain;

/** What is wrong with a field of a definition. */
public enum ProblemCode {
  /** The field is missing (or blank) and this rule kind needs it. */
  REQUIRED,
  /** The field is there but its value is not acceptable (type, range, reference, formula). */
  INVALID
}
