package app.premia.crm.infrastructure.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AesGcmSecretCipherTest {

  private static AesGcmSecretCipher cipher() {
    AesGcmSecretCipher cipher = new AesGcmSecretCipher();
    cipher.configuredKey = Optional.of(Base64.getEncoder().encodeToString(new byte[32]));
    cipher.init();
    return cipher;
  }

  @Test
  void roundTripsAndHidesThePlaintext() {
    AesGcmSecretCipher cipher = cipher();
    String secret = "https://acme.bitrix24.ru/rest/1/8g9l071eismy9q2l/";
    byte[] sealed = cipher.encrypt(secret, "tenant-a");
    assertEquals(secret, cipher.decrypt(sealed, "tenant-a"));
    assertFalse(
        new String(sealed, StandardCharsets.ISO_8859_1).contains("8g9l071eismy9q2l"),
        "the code is not readable in the stored bytes");
  }

  @Test
  void everyEncryptionUsesAFreshNonce() {
    AesGcmSecretCipher cipher = cipher();
    assertNotEquals(
        Arrays.toString(cipher.encrypt("same", "t")), Arrays.toString(cipher.encrypt("same", "t")));
  }

  @Test
  void aValueCopiedToAnotherTenantDoesNotDecrypt() {
    AesGcmSecretCipher cipher = cipher();
    byte[] sealed = cipher.encrypt("token", "tenant-a");
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(sealed, "tenant-b"));
    assertFalse(e.getMessage().contains("token"));
  }

  @Test
  void aTamperedValueDoesNotDecrypt() {
    AesGcmSecretCipher cipher = cipher();
    byte[] sealed = cipher.encrypt("token", "t");
    sealed[sealed.length - 1] ^= 1;
    assertThrows(IllegalStateException.class, () -> cipher.decrypt(sealed, "t"));
    assertThrows(IllegalStateException.class, () -> cipher.decrypt(new byte[] {1, 2, 3}, "t"));
  }

  @Test
  void aKeyOfTheWrongLengthIsRefused() {
    assertThrows(
        IllegalStateException.class,
        () -> AesGcmSecretCipher.decodeKey(Base64.getEncoder().encodeToString(new byte[16])));
  }
}
