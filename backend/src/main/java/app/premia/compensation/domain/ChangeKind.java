package app.premia.compensation.domain;

/** How a part of a definition changed between two versions. */
public enum ChangeKind {
  ADDED,
  REMOVED,
  CHANGED
}
