package app.premia.tenancy.domain;

/** Where a user's membership in a tenant stands. */
public enum MembershipStatus {
  /** Invited; the invitation has not been accepted yet. */
  INVITED,
  ACTIVE,
  /** Access removed; history stays. */
  DEACTIVATED
}
