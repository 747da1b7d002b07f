package app.premia.tenancy.application;

/** Salted, slow password hashing (implemented with Jakarta Security in infrastructure). */
public interface PasswordHasher {

  /** Minimum length of a new password. */
  int MIN_LENGTH = 10;

  String hash(String password);

  boolean matches(String password, String storedHash);

  /**
   * A hash to verify against when the account does not exist, so that signing in with an unknown
   * address costs as much time as with a known one.
   */
  String decoy();
}
