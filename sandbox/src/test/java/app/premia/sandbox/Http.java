package app.premia.sandbox;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Minimal JSON/form HTTP client for the tests (java.net.http). */
final class Http {
  static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .version(HttpClient.Version.HTTP_1_1)
          .build();

  record Resp(int status, String body) {
    Map<String, Object> json() {
      try {
        return Json.MAPPER.readValue(body, new TypeReference<LinkedHashMap<String, Object>>() {});
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rows() {
      return (List<Map<String, Object>>) json().get("result");
    }

    Object result() {
      return json().get("result");
    }

    String error() {
      return (String) json().get("error");
    }
  }

  static Resp postJson(String url, Object body) {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(Json.writeString(body)))
            .build());
  }

  static Resp postForm(String url, String form) {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build());
  }

  static Resp get(String url) {
    return send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build());
  }

  static Resp send(HttpRequest req) {
    try {
      HttpResponse<String> r = CLIENT.send(req, HttpResponse.BodyHandlers.ofString());
      return new Resp(r.statusCode(), r.body());
    } catch (IOException e) {
      throw new UncheckedIO(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static final class UncheckedIO extends RuntimeException {
    UncheckedIO(IOException e) {
      super(e);
    }
  }
}
