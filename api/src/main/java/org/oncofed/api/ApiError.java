package org.oncofed.api;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.annotation.Nullable;
import java.util.List;

/**
 * The body of every error answer of the REST API.
 *
 * @param errors what was wrong; {@code field} names the request field where there is one
 */
@Serdeable
public record ApiError(int status, String message, List<FieldError> errors) {

  @Serdeable
  public record FieldError(@Nullable String field, String message) {}

  public static ApiError of(int status, String message) {
    return new ApiError(status, message, List.of(new FieldError(null, message)));
  }
}
