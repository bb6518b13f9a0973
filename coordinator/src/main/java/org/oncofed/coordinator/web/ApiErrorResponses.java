package org.oncofed.coordinator.web;

import io.micronaut.context.annotation.Primary;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.web.router.RouteAttributes;
import jakarta.inject.Singleton;
import java.util.List;
import org.oncofed.api.ApiError;

/**
 * The body of the errors the framework answers by itself (no such endpoint 404, 405, 413, 415, a
 * failure nobody handled) in the {@link ApiError} shape every other answer has. A 5xx answer
 * carries only an error id ({@link InternalErrors}).
 */
@Singleton
@Primary
final class ApiErrorResponses implements ErrorResponseProcessor<ApiError> {

  @Override
  public MutableHttpResponse<ApiError> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
    int status = response.code();
    ApiError body;
    if (status >= 500) {
      body = InternalErrors.logged(context.getRequest(), status, context.getRootCause().orElse(null));
    } else if (status == 404 && RouteAttributes.getRouteMatch(context.getRequest()).isEmpty()) {
      body = ApiError.of(status, "no endpoint at " + context.getRequest().getMethodName() + " "
          + JsonValues.printable(context.getRequest().getPath()));
    } else {
      List<ApiError.FieldError> errors = context.getErrors().stream()
          .map(error -> new ApiError.FieldError(error.getPath().map(ApiErrorResponses::field).orElse(null),
              error.getMessage()))
          .toList();
      String message = errors.isEmpty() ? response.reason() : errors.get(0).message();
      body = errors.isEmpty() ? ApiError.of(status, message) : new ApiError(status, message, errors, null);
    }
    return response.contentType(MediaType.APPLICATION_JSON_TYPE).body(body);
  }

  /** The framework names arguments as JSON pointers ({@code /limit}); the API names fields with dots. */
  private static String field(String pointer) {
    return pointer.startsWith("/") ? pointer.substring(1).replace('/', '.') : pointer;
  }
}
