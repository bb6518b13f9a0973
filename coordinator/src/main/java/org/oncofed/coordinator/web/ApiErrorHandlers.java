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
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.oncofed.api.ApiError;
import org.oncofed.coordinator.experiment.InvalidRequestException;
import org.oncofed.coordinator.store.NotFoundException;
import org.oncofed.coordinator.store.StoreOutage;

/**
 * Maps exceptions to HTTP answers in one place, each with an {@link ApiError} body. (Micronaut's
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
      return HttpResponse.badRequest(ApiError.invalid(400, List.of(new ApiError.FieldError(e.field(), e.getMessage()))));
    }
  }

  @Produces
  @Singleton
  static final class BadRequest implements ExceptionHandler<BadRequestException, HttpResponse<ApiError>> {
    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, BadRequestException e) {
      return HttpResponse.badRequest(ApiError.invalid(400, List.of(new ApiError.FieldError(e.field(), e.getMessage()))));
    }
  }

  @Produces
  @Singleton
  static final class NotFound implements ExceptionHandler<NotFoundException, HttpResponse<ApiError>> {
    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, NotFoundException e) {
      return HttpResponse.notFound(ApiError.of(404, e.getMessage()));
    }
  }

  /** A caller who may not change someone else's experiment: answered 403 and recorded. */
  @Produces
  @Singleton
  static final class Forbidden implements ExceptionHandler<ForbiddenException, HttpResponse<ApiError>> {
    private final RequestRefusals refusals;

    Forbidden(RequestRefusals refusals) {
      this.refusals = refusals;
    }

    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, ForbiddenException e) {
      refusals.refused(request, 403, e.getMessage(), e.experimentId());
      return HttpResponse.<ApiError>status(HttpStatus.FORBIDDEN).body(ApiError.of(403, e.getMessage()));
    }
  }

  /** Bean validation failures: one entry per violated field, named by its JSON path, with the value found. */
  @Produces
  @Singleton
  @Replaces(ConstraintExceptionHandler.class)
  @Requires(classes = ConstraintViolationException.class)
  static final class ConstraintViolations
      implements ExceptionHandler<ConstraintViolationException, HttpResponse<ApiError>> {
    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, ConstraintViolationException e) {
      List<ApiError.FieldError> errors = e.getConstraintViolations().stream()
          .map(v -> new ApiError.FieldError(v.getPropertyPath().toString(), message(v)))
          .sorted(Comparator.comparing(ApiError.FieldError::field))
          .toList();
      return HttpResponse.badRequest(ApiError.invalid(400, errors));
    }

    /** A constraint that fails on a missing value is one that requires it. */
    private static String message(ConstraintViolation<?> violation) {
      Object value = violation.getInvalidValue();
      return value == null ? "required" : violation.getMessage() + ", found " + found(value);
    }

    private static String found(Object value) {
      if (value instanceof CharSequence text) {
        return JsonValues.quoted(text.toString());
      }
      if (value instanceof Collection<?> list) {
        return "a list of " + list.size();
      }
      return value.toString();
    }
  }

  /**
   * Anything nobody foresaw: a 500 whose body carries only an error id, the cause going to the
   * log; a 503 when the database is unreachable, which the caller may simply retry.
   */
  @Produces
  @Singleton
  static final class Unexpected implements ExceptionHandler<Exception, HttpResponse<ApiError>> {
    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, Exception e) {
      if (StoreOutage.causedBy(e)) {
        return HttpResponse.<ApiError>status(HttpStatus.SERVICE_UNAVAILABLE).body(InternalErrors.unavailable(request, e));
      }
      return HttpResponse.<ApiError>serverError().body(InternalErrors.logged(request, 500, e));
    }
  }
}
