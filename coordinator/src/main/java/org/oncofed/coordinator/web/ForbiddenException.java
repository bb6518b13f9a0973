package org.oncofed.coordinator.web;

/** The caller's role allows the call, but not on this experiment; answered 403. */
final class ForbiddenException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ForbiddenException(String message) {
    super(message);
  }
}
