package org.oncofed.coordinator.web;

import io.micronaut.core.annotation.Nullable;

/**
 * A request whose body or parameters cannot be used as they are (a body that is not the record its
 * endpoint takes, a query parameter out of range); answered 400 naming the field.
 */
final class BadRequestException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final String field;

  /** @param field the JSON path or parameter name of the value at fault, or null when the body as a whole is */
  BadRequestException(@Nullable String field, String message) {
    super(message, null, false, false);
    this.field = field;
  }

  @Nullable
  String field() {
    return field;
  }
}
