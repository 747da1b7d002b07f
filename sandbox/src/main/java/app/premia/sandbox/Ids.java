package app.premia.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Deterministic portal secrets (documented in docs/operations/sandbox.md):
 *
 * <ul>
 *   <li>webhook code = first 16 hex of SHA-256("premia-sandbox:webhook:" + name)
 *   <li>member_id = first 32 hex of SHA-256("premia-sandbox:member:" + name)
 *   <li>client_id = "app.sandbox." + name
 *   <li>client_secret = first 32 hex of SHA-256("premia-sandbox:secret:" + name)
 *   <li>initial application_token = first 32 hex of SHA-256("premia-sandbox:apptoken:" + name)
 * </ul>
 */
final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  static String sha256Hex(String s, int chars) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h).substring(0, chars);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String webhookCode(String name) {
    return sha256Hex("premia-sandbox:webhook:" + name, 16);
  }

  static String memberId(String name) {
    return sha256Hex("premia-sandbox:member:" + name, 32);
  }

  static String clientId(String name) {
    return "app.sandbox." + name;
  }

  static String clientSecret(String name) {
    return sha256Hex("premia-sandbox:secret:" + name, 32);
  }

  static String initialApplicationToken(String name) {
    return sha256Hex("premia-sandbox:apptoken:" + name, 32);
  }

  /** A fresh random token (32 lower-case hex characters). */
  static String token() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
