package app.premia.tenancy.infrastructure;

import app.premia.tenancy.application.PasswordHasher;
import app.premia.tenancy.domain.SecureTokens;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * Password hashing with Jakarta Security's standard {@link Pbkdf2PasswordHash} (salted,
 * PBKDF2-HMAC-SHA512, 210 000 iterations — OWASP's recommendation for this algorithm). Hashes carry
 * their parameters, so raising the cost later keeps old hashes verifiable.
 */
@ApplicationScoped
public class Passwords implements PasswordHasher {

  @Inject Pbkdf2PasswordHash hash;

  @PostConstruct
  void configure() {
    hash.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "64"));
  }

  @Override
  public String hash(String password) {
    return hash.generate(password.toCharArray());
  }

  @Override
  public boolean matches(String password, String storedHash) {
    return storedHash != null && hash.verify(password.toCharArray(), storedHash);
  }

  @Override
  public String decoy() {
    return DecoyHolder.get(this);
  }

  private static final class DecoyHolder {
    private static volatile String decoy;

    static String get(Passwords passwords) {
      if (decoy == null) {
        decoy = passwords.hash(SecureTokens.newToken());
      }
      return decoy;
    }
  }
}
