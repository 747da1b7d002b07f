package app.premia.platform.web;

import app.premia.platform.errors.CorrelationId;
import app.premia.platform.errors.ErrorCode;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The container's error page (see {@code web.xml}): whatever fails outside our own handlers is
 * answered with a small JSON error and a correlation id instead of the server's HTML page with an
 * exception in it. The exception itself goes to the log, under the same id.
 */
@WebServlet(name = "error", urlPatterns = ErrorServlet.PATH)
public class ErrorServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  static final String PATH = "/_error";
  private static final Logger LOG = Logger.getLogger(ErrorServlet.class.getName());

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    CorrelationId id = RequestIdFilter.correlationId(request);
    Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int code = status instanceof Integer value ? value : 500;
    Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    String uri = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
    ErrorCode errorCode;
    String message;
    if (code == 404) {
      errorCode = ErrorCode.NOT_FOUND;
      message = "Not found.";
    } else if (code == 503) {
      errorCode = ErrorCode.UNAVAILABLE;
      message = "The service is unavailable right now. Please try again in a minute.";
    } else if (code >= 500 || failure != null) {
      code = Math.max(code, 500);
      errorCode = ErrorCode.INTERNAL;
      message = "Internal server error. Quote the correlation id to support.";
      LOG.log(
          Level.SEVERE, failure, () -> "[correlationId=" + id + "] Request to " + uri + " failed");
    } else {
      errorCode = ErrorCode.BAD_REQUEST;
      message = "The request could not be served (HTTP " + code + ").";
    }
    response.setStatus(code);
    response.setHeader(CorrelationId.HEADER, id.value());
    response.setContentType("application/json;charset=utf-8");
    response
        .getWriter()
        .write(
            "{\"errors\":[{\"message\":\""
                + message
                + "\",\"extensions\":{\"code\":\""
                + errorCode.name()
                + "\",\"correlationId\":\""
                + id.value()
                + "\"}}]}");
  }
}
