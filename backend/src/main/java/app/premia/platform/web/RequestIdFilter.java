package app.premia.platform.web;

import app.premia.platform.errors.CorrelationId;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Gives every request a {@link CorrelationId}: taken from the caller's {@code X-Request-Id} when
 * acceptable, else generated; echoed in the response header and used in every log line about the
 * request.
 */
@WebFilter(filterName = "requestId", urlPatterns = "/*")
public class RequestIdFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;
  private static final String ATTRIBUTE = CorrelationId.class.getName();

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    CorrelationId id = CorrelationId.fromHeaderOrGenerate(request.getHeader(CorrelationId.HEADER));
    request.setAttribute(ATTRIBUTE, id);
    response.setHeader(CorrelationId.HEADER, id.value());
    chain.doFilter(request, response);
  }

  /** The id of this request; generated on the spot if the filter did not run. */
  public static CorrelationId correlationId(HttpServletRequest request) {
    Object id = request.getAttribute(ATTRIBUTE);
    if (id instanceof CorrelationId correlationId) {
      return correlationId;
    }
    CorrelationId generated = CorrelationId.generate();
    request.setAttribute(ATTRIBUTE, generated);
    return generated;
  }
}
