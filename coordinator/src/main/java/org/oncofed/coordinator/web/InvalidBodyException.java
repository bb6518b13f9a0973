package org.oncofed.coordinator.web;

import io.micronaut.core.annotation.Nullable;

/** A request body that cannot be read as the record its endpoint takes; answered 400 naming the field. */
final class InvalidBodyException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final String field;

  /** @param field the JSON path of the value at fault, or null when the body as a whole is */
  InvalidBodyException(@Nullable String field, String message) {
    super(message, null, false, false);
    this.field = field;
  }

  @Nullable
  String field() {
    return field;
  }
}
