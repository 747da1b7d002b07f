package app.premia.platform.security;

/**
 * Turns what a request presents (its session cookie) into a verified {@link RequestIdentity}.
 * Implemented by the tenancy context; the platform only calls it at the edge.
 */
public interface IdentityResolver {

  /**
   * @param sessionToken the raw value of the session cookie, or null
   * @return the verified identity; anonymous when the token is missing, unknown, expired or revoked
   */
  RequestIdentity resolve(String sessionToken);
}
