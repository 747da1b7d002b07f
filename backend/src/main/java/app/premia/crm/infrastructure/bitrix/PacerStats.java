package app.premia.crm.infrastructure.bitrix;

/**
 * Counters of one portal since its pacer was created.
 *
 * @param requests HTTP requests sent to the portal (a batch is one)
 * @param rows rows handed to callers by list operations
 * @param waits times a request or a method waited for the bucket or the operating governor
 * @param throttledMillis milliseconds spent in those waits
 * @param rateLimited responses {@code QUERY_LIMIT_EXCEEDED} (HTTP 503)
 * @param operatingLimited responses or batch sub-results {@code OPERATION_TIME_LIMIT} (HTTP 429)
 * @param retries requests repeated after a failure (any cause)
 * @param refreshes OAuth token refreshes performed
 * @param redirects portal moves followed (HTTP 302)
 */
public record PacerStats(
    long requests,
    long rows,
    long waits,
    long throttledMillis,
    long rateLimited,
    long operatingLimited,
    long retries,
    long refreshes,
    long redirects) {}
