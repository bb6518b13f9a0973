package org.oncofed.coordinator.web;

import io.micronaut.http.exceptions.ContentLengthExceededException;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Set;

/**
 * Reads JSON request bodies for the controllers: strictly ({@link StrictJson}), then against the
 * record's declared constraints. Controllers take the body as bytes and call this, rather than let
 * the framework bind it, because the framework's binding coerces.
 */
@Singleton
class RequestBodies {

  /** Far above any configuration (its stored form is at most 100,000 characters), far below a parser's appetite. */
  static final int MAX_JSON_BYTES = 1 << 20;

  private final Validator validator;

  RequestBodies(Validator validator) {
    this.validator = validator;
  }

  /**
   * The body as a {@code type} whose JSON types and declared constraints hold.
   *
   * @throws BadRequestException naming the field when the JSON is not what {@code type} takes
   * @throws ConstraintViolationException listing every field whose value breaks a constraint
   * @throws ContentLengthExceededException when the body is larger than {@link #MAX_JSON_BYTES}
   */
  <T> T read(byte[] body, Class<T> type) {
    if (body.length > MAX_JSON_BYTES) {
      throw new ContentLengthExceededException(MAX_JSON_BYTES, body.length);
    }
    T value = StrictJson.bind(StrictJson.parse(body), type);
    Set<ConstraintViolation<T>> violations = validator.validate(value);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    return value;
  }
}
