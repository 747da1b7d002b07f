package app.premia.platform.graphql;

import app.premia.platform.errors.CorrelationId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What the engine knows about the HTTP request being executed; placed in the {@code GraphQLContext}
 * under this class. Who the request runs for is not here but in {@link
 * app.premia.platform.security.IdentityScope}, resolved from the session before execution.
 *
 * <p>Data fetchers may ask for response cookies (the session cookie after a sign-in); the endpoint
 * writes them once execution is over.
 */
public final class RequestContext {

  private final CorrelationId correlationId;
  private final boolean secure;
  private final List<String> setCookies = new ArrayList<>();

  public RequestContext(CorrelationId correlationId) {
    this(correlationId, false);
  }

  /**
   * @param correlationId the request's id in logs and errors
   * @param secure whether the request came over HTTPS (cookies are then marked Secure)
   */
  public RequestContext(CorrelationId correlationId, boolean secure) {
    this.correlationId = Objects.requireNonNull(correlationId, "correlationId");
    this.secure = secure;
  }

  public CorrelationId correlationId() {
    return correlationId;
  }

  public boolean secure() {
    return secure;
  }

  /** Adds a complete {@code Set-Cookie} header value to the response. */
  public synchronized void addSetCookie(String headerValue) {
    setCookies.add(Objects.requireNonNull(headerValue, "headerValue"));
  }

  public synchronized List<String> setCookies() {
    return Collections.unmodifiableList(new ArrayList<>(setCookies));
  }
}
