package app.premia.tenancy.domain;

/**
 * What a user may do in Premia. Not a sales role (how an employee is paid): the two are kept apart.
 */
public enum AccessRole {
  /** Owns the consultancy: all its client companies and consultants. */
  CONSULTANCY_OWNER,
  /** Works for the consultancy in the client companies assigned to him. */
  CONSULTANT,
  /** The client company's sales head. */
  TENANT_ADMIN,
  /** Sees all statements, marks runs paid, exports. */
  ACCOUNTANT,
  /** A sales manager: his own data only. */
  MANAGER;

  /** Roles a tenant membership may have (the consultancy's roles come from the consultancy). */
  public boolean isTenantRole() {
    return this == TENANT_ADMIN || this == ACCOUNTANT || this == MANAGER;
  }
}
