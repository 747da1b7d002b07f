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

  private static final String[] SMALL = new String[4096];

  static {
    for (int i = 0; i < SMALL.length; i++) {
      SMALL[i] = Integer.toString(i).intern();
    }
  }

  /** Decimal string of a number; small values share one instance (less heap for big portals). */
  static String num(long v) {
    return v >= 0 && v < SMALL.length ? SMALL[(int) v] : Long.toString(v);
  }

  /** Money with exactly two decimals, half-up ("15000.00"). */
  static String money(double v) {
    return java.math.BigDecimal.valueOf(v)
        .setScale(2, java.math.RoundingMode.HALF_UP)
        .toPlainString();
  }

  /** A fresh random token (32 lower-case hex characters). */
  static String token() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
