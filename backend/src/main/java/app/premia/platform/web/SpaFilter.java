package app.premia.platform.web;

import app.premia.platform.config.Settings;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.MappingMatch;
import java.io.IOException;

/**
 * Serves the single-page app from the same origin as the API.
 *
 * <ul>
 *   <li>A browser navigation to a client-side route ({@code /reference/currencies}) gets {@code
 *       index.html}; the app's router takes it from there.
 *   <li>Hashed build assets under {@code /assets/} are cached for a year; {@code index.html} is
 *       never cached, so a new build is picked up on the next load.
 *   <li>GraphiQL ({@code /graphiql}) exists only in the dev profile.
 * </ul>
 */
@WebFilter(filterName = "spa", urlPatterns = "/*")
public class SpaFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  static final String INDEX = "/index.html";
  static final String GRAPHIQL = "/graphiql.html";

  @Inject Settings settings;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.equals("/graphiql") || path.equals(GRAPHIQL)) {
      if (!settings.profile().isDev()) {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
        return;
      }
      noCache(response);
      request.getRequestDispatcher(GRAPHIQL).forward(request, response);
      return;
    }
    if (path.startsWith("/assets/")) {
      response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
      chain.doFilter(request, response);
      return;
    }
    if (SpaRoutes.isClientRoute(request.getMethod(), path, request.getHeader("Accept"))
        && servedAsStaticFile(request)
        && (path.length() <= 1 || request.getServletContext().getResource(path) == null)) {
      noCache(response);
      request.getRequestDispatcher(INDEX).forward(request, response);
      return;
    }
    chain.doFilter(request, response);
  }

  /**
   * Whether the request would go to the container's static-file servlet. Requests mapped to any
   * servlet of ours (JAX-RS, the error page, test runners) are never taken over by the app.
   */
  private static boolean servedAsStaticFile(HttpServletRequest request) {
    HttpServletMapping mapping = request.getHttpServletMapping();
    if (mapping == null) {
      return true;
    }
    MappingMatch match = mapping.getMappingMatch();
    return match == null || match == MappingMatch.DEFAULT || match == MappingMatch.CONTEXT_ROOT;
  }

  private static void noCache(HttpServletResponse response) {
    response.setHeader("Cache-Control", "no-cache");
  }
}
