package org.oncofed.coordinator.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.serde.exceptions.SerdeException;
import io.micronaut.serde.exceptions.path.CollectionItemReferencePath;
import io.micronaut.serde.exceptions.path.MapItemReferencePath;
import io.micronaut.serde.exceptions.path.PropertyReferencePath;
import io.micronaut.serde.exceptions.path.ReferencePath;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.oncofed.api.ApiError;

/**
 * Request bodies (or parameters) that cannot be read as the type an endpoint takes: an unknown or
 * misspelt property, a string where a number belongs. The answer names the field by its JSON path
 * ({@code training.learningRate}) and, for an unknown property, lists the accepted ones, rather
 * than the framework's "failed to convert argument".
 */
@SuppressWarnings("rawtypes") // ExceptionHandler declares a raw HttpRequest
@Produces
@Singleton
@Replaces(ConversionErrorHandler.class)
final class UnreadableBodyHandler implements ExceptionHandler<ConversionErrorException, HttpResponse<ApiError>> {

  private static final Pattern UNKNOWN_PROPERTY = Pattern.compile("Unknown property \\[([^\\]]+)]");

  @Override
  public HttpResponse<ApiError> handle(HttpRequest request, ConversionErrorException e) {
    SerdeException serde = serdeCause(e);
    if (serde == null) {
      Exception cause = e.getConversionError().getCause();
      return badRequest(e.getArgument().getName(),
          cause == null || cause.getMessage() == null ? "unreadable value" : cause.getMessage());
    }
    // The path runs from the innermost property outwards.
    List<ReferencePath> path = serde.getPath();
    StringBuilder field = new StringBuilder();
    for (int i = path.size() - 1; i >= 0; i--) {
      append(field, path.get(i));
    }
    Matcher unknown = UNKNOWN_PROPERTY.matcher(String.valueOf(serde.getMessage()));
    if (unknown.find()) {
      return unknownProperty(unknown.group(1), field.toString(), path, e.getArgument().getType());
    }
    // The first line says what was expected; the rest is the parser's location in a redacted source.
    String message = String.valueOf(serde.getMessage()).lines().findFirst().orElse("").strip();
    return badRequest(field.isEmpty() ? e.getArgument().getName() : field.toString(), "unreadable value: " + message);
  }

  /** Serde puts the unknown property itself innermost on the path, with the type that lacks it. */
  private static HttpResponse<ApiError> unknownProperty(String name, String field, List<ReferencePath> path,
      Class<?> bodyType) {
    Class<?> owner = bodyType;
    String fullField = field;
    if (!path.isEmpty() && path.get(0) instanceof PropertyReferencePath innermost
        && innermost.property().getName().equals(name)) {
      owner = innermost.type();
    } else {
      fullField = field.isEmpty() ? name : field + "." + name;
    }
    String container = fullField.contains(".") ? fullField.substring(0, fullField.lastIndexOf('.')) : "the request";
    return badRequest(fullField, "unknown property '" + name + "' in " + container + accepted(owner));
  }

  private static void append(StringBuilder field, ReferencePath element) {
    if (element instanceof PropertyReferencePath property) {
      appendProperty(field, property.property().getName());
    } else if (element instanceof CollectionItemReferencePath item) {
      field.append('[').append(item.index()).append(']');
    } else if (element instanceof MapItemReferencePath entry) {
      appendProperty(field, entry.key());
    }
  }

  private static void appendProperty(StringBuilder field, String name) {
    if (!field.isEmpty()) {
      field.append('.');
    }
    field.append(name);
  }

  private static String accepted(Class<?> type) {
    if (!type.isRecord()) {
      return "";
    }
    return "; accepted: " + Arrays.stream(type.getRecordComponents())
        .map(component -> component.getName())
        .collect(Collectors.joining(", "));
  }

  private static SerdeException serdeCause(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof SerdeException serde) {
        return serde;
      }
    }
    return null;
  }

  private static HttpResponse<ApiError> badRequest(String field, String message) {
    return HttpResponse.badRequest(new ApiError(400, "invalid request",
        List.of(new ApiError.FieldError(field, message))));
  }
}
