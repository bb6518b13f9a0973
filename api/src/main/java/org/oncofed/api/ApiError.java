package org.oncofed.api;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.annotation.Nullable;
import java.util.List;

/**
 * The body of every error answer of the REST API, whatever its status.
 *
 * @param status the HTTP status, repeated for clients that only keep the body
 * @param message what went wrong, in one line
 * @param errors what was wrong, at least one entry; {@code field} names the request field at fault
 *     (a JSON path such as {@code training.epochs} or {@code sites[1]}, or a parameter name) where
 *     there is one
 * @param errorId set on 5xx answers only: the id under which the coordinator logged the failure, for
 *     its operator; the answer itself never carries the cause
 */
@Serdeable
public record ApiError(int status, String message, List<FieldError> errors, @Nullable String errorId) {

  @Serdeable
  public record FieldError(@Nullable String field, String message) {}

  /** An error that concerns no single field. */
  public static ApiError of(int status, String message) {
    return new ApiError(status, message, List.of(new FieldError(null, message)), null);
  }

  /** An error with one entry per field at fault. */
  public static ApiError invalid(int status, List<FieldError> errors) {
    return new ApiError(status, "invalid request", List.copyOf(errors), null);
  }
}
