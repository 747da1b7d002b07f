package app.premia.crm.application;

/** Encrypts portal secrets at rest (webhook URLs, OAuth tokens, client secrets). */
public interface SecretCipher {

  /**
   * Ciphertext bound to {@code context} (e.g. the tenant id), so a copied value decrypts nowhere
   * else.
   */
  byte[] encrypt(String plaintext, String context);

  /** The plaintext; throws if the value was tampered with or belongs to another context. */
  String decrypt(byte[] ciphertext, String context);
}
