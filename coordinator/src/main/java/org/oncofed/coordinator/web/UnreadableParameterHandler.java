package org.oncofed.coordinator.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.List;
import org.oncofed.api.ApiError;

/**
 * Query or path parameters that cannot be converted to the type the endpoint takes
 * ({@code ?round=two}): the answer names the parameter and says what it takes, rather than the
 * framework's "failed to convert argument". (Request bodies are read by {@link RequestBodies}.)
 */
@SuppressWarnings("rawtypes") // ExceptionHandler declares a raw HttpRequest
@Produces
@Singleton
@Replaces(ConversionErrorHandler.class)
final class UnreadableParameterHandler implements ExceptionHandler<ConversionErrorException, HttpResponse<ApiError>> {

  @Override
  public HttpResponse<ApiError> handle(HttpRequest request, ConversionErrorException e) {
    String found = e.getConversionError().getOriginalValue()
        .map(value -> JsonValues.quoted(String.valueOf(value)))
        .orElse("nothing");
    String message = "expected " + JsonValues.expected(e.getArgument().getType(), null) + ", found " + found;
    return HttpResponse.badRequest(ApiError.invalid(400, List.of(new ApiError.FieldError(e.getArgument().getName(),
        message))));
  }
}
