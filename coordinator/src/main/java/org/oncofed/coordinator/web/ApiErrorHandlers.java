package org.oncofed.coordinator.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.Comparator;
import java.util.List;
import org.oncofed.api.ApiError;
import org.oncofed.coordinator.experiment.ExperimentNotFoundException;
import org.oncofed.coordinator.experiment.InvalidRequestException;

/**
 * Maps domain exceptions to HTTP answers in one place, each with an {@link ApiError} body. (Micronaut's
 * {@code ExceptionHandler} declares a raw {@code HttpRequest}, hence the suppressed warnings.)
 */
@SuppressWarnings("rawtypes")
final class ApiErrorHandlers {

  private ApiErrorHandlers() {}

  @Produces
  @Singleton
  static final class InvalidRequest implements ExceptionHandler<InvalidRequestException, HttpResponse<ApiError>> {
    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, InvalidRequestException e) {
      return HttpResponse.badRequest(new ApiError(400, "invalid request",
          List.of(new ApiError.FieldError(e.field(), e.getMessage()))));
    }
  }

  @Produces
  @Singleton
  static final class NotFound implements ExceptionHandler<ExperimentNotFoundException, HttpResponse<ApiError>> {
    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, ExperimentNotFoundException e) {
      return HttpResponse.notFound(ApiError.of(404, e.getMessage()));
    }
  }

  @Produces
  @Singleton
  static final class Forbidden implements ExceptionHandler<ForbiddenException, HttpResponse<ApiError>> {
    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, ForbiddenException e) {
      return HttpResponse.<ApiError>status(HttpStatus.FORBIDDEN).body(ApiError.of(403, e.getMessage()));
    }
  }

  /** Bean validation failures: one entry per violated field, named by its JSON path. */
  @Produces
  @Singleton
  @Replaces(ConstraintExceptionHandler.class)
  @Requires(classes = ConstraintViolationException.class)
  static final class ConstraintViolations
      implements ExceptionHandler<ConstraintViolationException, HttpResponse<ApiError>> {
    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, ConstraintViolationException e) {
      List<ApiError.FieldError> errors = e.getConstraintViolations().stream()
          .map(v -> new ApiError.FieldError(field(v), v.getMessage()))
          .sorted(Comparator.comparing(ApiError.FieldError::field))
          .toList();
      return HttpResponse.badRequest(new ApiError(400, "invalid request", errors));
    }

    /** "create.config.training.epochs" becomes "training.epochs". */
    private static String field(ConstraintViolation<?> violation) {
      String path = violation.getPropertyPath().toString();
      String[] parts = path.split("\\.");
      return parts.length > 2 ? String.join(".", List.of(parts).subList(2, parts.length)) : path;
    }
  }
}
