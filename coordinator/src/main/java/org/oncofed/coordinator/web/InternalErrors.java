package org.oncofed.coordinator.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import org.oncofed.api.ApiError;
import org.oncofed.common.cli.Failures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers failures of the coordinator itself (5xx). The cause, which may hold SQL, file paths or a
 * stack trace, goes to the log under a fresh error id; the caller gets the id and nothing else.
 */
final class InternalErrors {

  private static final Logger LOG = LoggerFactory.getLogger(InternalErrors.class);
  private static final SecureRandom IDS = new SecureRandom();

  private InternalErrors() {}

  /** The database is unreachable: a 503 the caller may retry, the cause in the log. */
  static ApiError unavailable(HttpRequest<?> request, Throwable cause) {
    LOG.warn("{} {} answered 503: the database is unavailable ({})", request.getMethodName(), request.getPath(),
        Failures.rootMessage(cause));
    String message = "the coordinator's database is unavailable; try again shortly";
    return new ApiError(503, message, List.of(new ApiError.FieldError(null, message)), null);
  }

  static ApiError logged(HttpRequest<?> request, int status, @Nullable Throwable cause) {
    byte[] id = new byte[8];
    IDS.nextBytes(id);
    String errorId = HexFormat.of().formatHex(id);
    LOG.error("Error {}: {} {} answered {}", errorId, request.getMethodName(), request.getPath(), status, cause);
    String message = "the coordinator failed to carry out the request; its operator can find the cause in the "
        + "log under error id " + errorId;
    return new ApiError(status, message, List.of(new ApiError.FieldError(null, message)), errorId);
  }
}
