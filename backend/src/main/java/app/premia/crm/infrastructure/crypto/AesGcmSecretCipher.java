package app.premia.crm.infrastructure.crypto;

import app.premia.crm.application.SecretCipher;
import app.premia.platform.config.RuntimeProfile;
import app.premia.platform.config.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * AES-256-GCM with a random 96-bit nonce per value and the context (tenant id) as associated data
 * (ADR 0015). Layout: version byte {@code 1}, nonce, ciphertext with tag. The key comes from {@code
 * PREMIA_SECRETS_KEY} (base64 of 32 bytes); dev and test profiles fall back to a fixed, public
 * development key and say so in the log.
 */
@ApplicationScoped
public class AesGcmSecretCipher implements SecretCipher {

  private static final Logger LOG = Logger.getLogger(AesGcmSecretCipher.class.getName());
  private static final byte VERSION = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  @Inject
  @ConfigProperty(name = "premia.secrets.key")
  Optional<String> configuredKey;

  @Inject Settings settings;

  private final SecureRandom random = new SecureRandom();
  private SecretKey key;

  @PostConstruct
  void init() {
    key = configuredKey.filter(k -> !k.isBlank()).map(AesGcmSecretCipher::decodeKey).orElse(null);
    if (key == null && settings.profile() != RuntimeProfile.PROD) {
      LOG.warning(
          "PREMIA_SECRETS_KEY is not set: portal secrets are encrypted with the public development"
              + " key (fine for dev and test, never for production)");
      key = developmentKey();
    }
  }

  static SecretKey decodeKey(String base64) {
    byte[] bytes = Base64.getDecoder().decode(base64.trim());
    if (bytes.length != 32) {
      throw new IllegalStateException("PREMIA_SECRETS_KEY must be base64 of exactly 32 bytes");
    }
    return new SecretKeySpec(bytes, "AES");
  }

  static SecretKey developmentKey() {
    try {
      byte[] bytes =
          MessageDigest.getInstance("SHA-256")
              .digest("premia-development-secrets-key".getBytes(StandardCharsets.UTF_8));
      return new SecretKeySpec(bytes, "AES");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private SecretKey key() {
    if (key == null) {
      throw new IllegalStateException(
          "PREMIA_SECRETS_KEY is not set: portal secrets cannot be stored (see"
              + " docs/operations/configuration.md)");
    }
    return key;
  }

  @Override
  public byte[] encrypt(String plaintext, String context) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
          .put(VERSION)
          .put(nonce)
          .put(sealed)
          .array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Encryption failed", e);
    }
  }

  @Override
  public String decrypt(byte[] ciphertext, String context) {
    if (ciphertext == null
        || ciphertext.length < 1 + NONCE_BYTES + 16
        || ciphertext[0] != VERSION) {
      throw new IllegalStateException("Not a Premia secret");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, ciphertext, 1, NONCE_BYTES));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] plain =
          cipher.doFinal(ciphertext, 1 + NONCE_BYTES, ciphertext.length - 1 - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "A stored secret could not be decrypted (wrong key or context)");
    }
  }
}
