package app.premia.platform.security;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The identity the current thread works for. Set once at the edge (the GraphQL endpoint, a job
 * runner) around the whole unit of work and cleared in {@code finally}; code below reads it, never
 * sets it. Work started without one sees no tenant data: {@link #current()} is then anonymous.
 */
public final class IdentityScope {

  private static final ThreadLocal<RequestIdentity> CURRENT = new ThreadLocal<>();

  private IdentityScope() {}

  /** Runs {@code work} for {@code identity}, restoring whatever was there before. */
  public static <T> T runAs(RequestIdentity identity, Supplier<T> work) {
    Objects.requireNonNull(identity, "identity");
    RequestIdentity previous = CURRENT.get();
    CURRENT.set(identity);
    try {
      return work.get();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  /** The identity of the current work; anonymous when none was set. */
  public static RequestIdentity current() {
    RequestIdentity identity = CURRENT.get();
    return identity == null ? RequestIdentity.anonymous() : identity;
  }

  /** Whether some edge set an identity for this thread. */
  public static boolean isSet() {
    return CURRENT.get() != null;
  }

  /**
   * Replaces the identity for the rest of the current unit of work (after a sign-in or a tenant
   * switch inside a request). Only valid inside {@link #runAs}.
   */
  public static void replace(RequestIdentity identity) {
    if (CURRENT.get() == null) {
      throw new IllegalStateException("no identity scope to replace");
    }
    CURRENT.set(Objects.requireNonNull(identity, "identity"));
  }
}
