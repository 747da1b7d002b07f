package app.premia.crm.infrastructure.bitrix;

import java.time.Duration;

/**
 * Transport and retry settings shared by every portal of one {@link BitrixPortals}.
 *
 * @param connectTimeout TCP/TLS connect timeout
 * @param requestTimeout whole-request timeout (Bitrix24 cuts requests at 60 s)
 * @param maxAttempts attempts for transient failures of reads (5xx, timeouts, drops, bad bodies)
 * @param backoffBase first backoff for transient failures; doubles per attempt
 * @param backoffCap longest backoff for transient failures
 * @param rateBackoffBase first backoff after {@code QUERY_LIMIT_EXCEEDED}; doubles per attempt
 * @param rateBackoffCap longest backoff after {@code QUERY_LIMIT_EXCEEDED}
 * @param maxRateAttempts attempts after {@code QUERY_LIMIT_EXCEEDED}
 * @param maxParks how often one call may be parked by {@code OPERATION_TIME_LIMIT}
 * @param userAgent the {@code User-Agent} header
 * @param ticker time source
 */
public record ClientSettings(
    Duration connectTimeout,
    Duration requestTimeout,
    int maxAttempts,
    Duration backoffBase,
    Duration backoffCap,
    Duration rateBackoffBase,
    Duration rateBackoffCap,
    int maxRateAttempts,
    int maxParks,
    String userAgent,
    Ticker ticker) {

  public static ClientSettings defaults() {
    return new ClientSettings(
        Duration.ofSeconds(10),
        Duration.ofSeconds(65),
        6,
        Duration.ofMillis(500),
        Duration.ofSeconds(30),
        Duration.ofSeconds(1),
        Duration.ofSeconds(60),
        10,
        5,
        "Premia/0.1 (+bitrix24 client)",
        Ticker.SYSTEM);
  }

  public ClientSettings withTimeouts(Duration connect, Duration request) {
    return new ClientSettings(
        connect,
        request,
        maxAttempts,
        backoffBase,
        backoffCap,
        rateBackoffBase,
        rateBackoffCap,
        maxRateAttempts,
        maxParks,
        userAgent,
        ticker);
  }

  public ClientSettings withBackoff(int maxAttempts, Duration base, Duration cap) {
    return new ClientSettings(
        connectTimeout,
        requestTimeout,
        maxAttempts,
        base,
        cap,
        rateBackoffBase,
        rateBackoffCap,
        maxRateAttempts,
        maxParks,
        userAgent,
        ticker);
  }

  public ClientSettings withRateBackoff(int maxRateAttempts, Duration base, Duration cap) {
    return new ClientSettings(
        connectTimeout,
        requestTimeout,
        maxAttempts,
        backoffBase,
        backoffCap,
        base,
        cap,
        maxRateAttempts,
        maxParks,
        userAgent,
        ticker);
  }

  public ClientSettings withTicker(Ticker ticker) {
    return new ClientSettings(
        connectTimeout,
        requestTimeout,
        maxAttempts,
        backoffBase,
        backoffCap,
        rateBackoffBase,
        rateBackoffCap,
        maxRateAttempts,
        maxParks,
        userAgent,
        ticker);
  }
}
